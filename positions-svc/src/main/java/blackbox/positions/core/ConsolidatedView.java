package blackbox.positions.core;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;

/**
 * The desk's position in one instrument summed over accounts: all accounts ({@code group} empty) or one client
 * group. Quantities and money are sums of the accounts' {@link PositionView} fields; the average price is the
 * summed cost over the summed quantity (0 when flat); unrealized is {@code mark × multiplier × Σquantity −
 * Σcost}, equal to the sum of the accounts' unrealized.
 *
 * @param accounts accounts with a position state in the instrument (their current trade date)
 */
public record ConsolidatedView(String group, InstrumentId instrument, int accounts, long quantity,
                               BigDecimal averagePrice, long cost, long dayBuyQuantity, long daySellQuantity,
                               long dayTradeQuantity, long realized, long costs, long markPriceE4, long unrealized) {
}
