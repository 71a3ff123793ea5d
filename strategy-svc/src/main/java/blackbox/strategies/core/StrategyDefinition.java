package blackbox.strategies.core;

import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;

/**
 * A declarative strategy as a trader defines it (parsed by {@link DefinitionParser}).
 *
 * @param direction +1 long (entry buys), -1 short (entry sells)
 * @param entry when flat, enter at the next candle's open when this holds at a close
 * @param exit when in a position, leave at the next candle's open when this holds; null when only the bracket exits
 * @param size shares/contracts ({@code SHARES}), BRL or percent of the account's equity at the signal, rounded down
 *             to whole lots at the signal candle's close
 * @param takeProfit ticks, BRL on the whole position, or percent of the entry price; null for none
 * @param stopLoss same units; null for none
 * @param maxDrawdown BRL or percent below the equity's peak; reached at a close, the strategy leaves its position and
 *                    stops; null for none
 * @param tick price increment, instrument's units (&gt; 0; 0.01 for B3 equities)
 * @param lot shares per lot (&gt;= 1; B3's standard lot is 100, the odd-lot market trades 1)
 */
public record StrategyDefinition(InstrumentId instrument, Timeframe timeframe, int direction, Condition entry,
                                 Condition exit, Amount size, Amount takeProfit, Amount stopLoss, Amount maxDrawdown,
                                 BigDecimal tick, long lot) {
}
