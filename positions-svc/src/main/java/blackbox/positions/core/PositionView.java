package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A snapshot of one account's position in one instrument. Quantities are shares or contracts, signed (+ long,
 * − short); money fields are exact, in 1e-6 BRL ({@link Scaled#MONEY_SCALE}); average prices are BRL (points
 * for futures) to 8 decimals, half-even, display only; mark and settlement prices are 1e-4, 0 when unknown.
 *
 * <p>The two position types of ProfitDLL's {@code TConnectorTradingAccountPosition} (profitdll-api.md §2.3,
 * §3.4), as this service defines them:
 * <ul>
 *   <li>DAY_TRADE (1): the trade date's fills alone: {@link #dayTradeNetQuantity} {@code = B − S} at
 *       {@link #dayTradeAveragePrice}, the average price of the side in excess (0 when B = S);</li>
 *   <li>CONSOLIDATED (2): the opening (custody) position plus the day's fills: {@link #quantity}
 *       {@code = opening + B − S} at {@link #averagePrice}, the swing average after the day-trade-first rule
 *       (see {@link PositionState}).</li>
 * </ul>
 * Both carry the day's buys and sells ({@code DailyBuyQuantity}/{@code DailyAverageBuyPrice}, ...).
 *
 * @param cost the exact signed cost basis of {@link #quantity} (quantity × average × multiplier), money
 * @param dayTradeQuantity the day-traded quantity {@code min(B, S)}
 * @param costLines the day's costs by fee line name, in the table's order
 * @param cash the day's net amount at {@link #settlementDate}: equities and options sells − buys − costs,
 *     futures daily adjustment − costs
 */
public record PositionView(AccountId account, InstrumentId instrument, String group, Segment segment,
                           LocalDate tradeDate,
                           long openingQuantity, BigDecimal openingAveragePrice,
                           long dayBuyQuantity, BigDecimal dayBuyAveragePrice,
                           long daySellQuantity, BigDecimal daySellAveragePrice,
                           long dayTradeQuantity, long dayTradeNetQuantity, BigDecimal dayTradeAveragePrice,
                           long quantity, BigDecimal averagePrice, long cost,
                           long realizedDayTrade, long realizedSwing, long realized,
                           long costs, Map<String, Long> costLines,
                           long markPriceE4, long unrealized,
                           long settlementPriceE4, long dailyAdjustment,
                           long cash, LocalDate settlementDate, long multiplierE2) {
    public PositionView {
        costLines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(costLines));
    }
}
