package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.util.List;

/**
 * The 1-minute candles of a range of minutes of one instrument, rebuilt from the stored trades by the reprocess job.
 * Minutes of the range without a candle have no trades: their stored candle, if any, goes.
 *
 * @param fromNanos inclusive, a minute start (UTC epoch ns)
 * @param toNanos exclusive, a minute start, after {@code fromNanos}
 * @param minutes the rebuilt 1-minute candles, ascending, each inside the range
 * @param countedTradeNumbers the trade numbers the rebuild counted, sorted ascending (so trades that reached the
 *                            engine after the store was read are not lost)
 */
public record RebuiltRange(InstrumentId instrument, long fromNanos, long toNanos, List<Candle> minutes,
                           long[] countedTradeNumbers) {
    private static final long MINUTE = Timeframe.M1.fixedNanos();

    public RebuiltRange {
        if (Math.floorMod(fromNanos, MINUTE) != 0 || Math.floorMod(toNanos, MINUTE) != 0 || toNanos <= fromNanos) {
            throw new IllegalArgumentException("must be minute starts with fromNanos < toNanos: fromNanos=" + fromNanos
                    + ", toNanos=" + toNanos);
        }
        for (Candle c : minutes) {
            if (c.timeframe() != Timeframe.M1 || c.bucketStart() < fromNanos || c.bucketStart() >= toNanos) {
                throw new IllegalArgumentException("must be a 1m candle inside the range: candle=" + c);
            }
        }
        minutes = List.copyOf(minutes);
    }
}
