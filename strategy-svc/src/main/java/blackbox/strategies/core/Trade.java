package blackbox.strategies.core;

import java.math.BigDecimal;

/**
 * One round trip, from flat to flat.
 *
 * @param direction +1 long, -1 short
 * @param entryIndex index of the candle the first entry filled in
 * @param entryTime UTC epoch ns of that candle's bucket start
 * @param entryPrice average entry price, instrument's units
 * @param exitIndex index of the candle the position went flat in
 * @param exitTime UTC epoch ns of that candle's bucket start
 * @param exitPrice average exit price
 * @param quantity largest absolute position during the trade, shares or contracts
 * @param profit net of costs, BRL (scale 4)
 * @param costs the costs paid, BRL (scale 4)
 * @param exit why it went flat
 */
public record Trade(int direction, int entryIndex, long entryTime, double entryPrice, int exitIndex, long exitTime,
                    double exitPrice, long quantity, BigDecimal profit, BigDecimal costs, Exit exit) {
    /** Why a trade ended. */
    public enum Exit { ORDER, TAKE_PROFIT, STOP }
}
