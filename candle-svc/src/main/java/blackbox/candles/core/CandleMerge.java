package blackbox.candles.core;

import java.util.List;

/**
 * Merging candles of one instrument into a larger one: high/low max/min, sums of volumes and counts, open and close
 * the earliest and latest by (trade time, trade number). The operation is associative and commutative, so a
 * higher-timeframe candle is the same whatever grouping or order its 1-minute candles are merged in. Gap fillers
 * (no trades) are skipped.
 */
public final class CandleMerge {
    private CandleMerge() {
    }

    /**
     * @param candles candles of one instrument, any order; gap fillers ignored
     * @return the merged candle labelled {@code timeframe}/{@code bucketStart}; null when no candle has trades
     * @throws IllegalArgumentException when the candles are of different instruments
     */
    public static Candle merge(Timeframe timeframe, long bucketStart, List<Candle> candles) {
        Candle acc = null;
        for (Candle c : candles) {
            if (c.filled()) {
                continue;
            }
            if (acc != null && !acc.instrument().equals(c.instrument())) {
                throw new IllegalArgumentException("must all be of instrument " + acc.instrument() + ": instrument="
                        + c.instrument());
            }
            acc = acc == null ? relabel(c, timeframe, bucketStart) : combine(acc, c);
        }
        return acc;
    }

    /** @return a and b merged, labelled as a */
    public static Candle combine(Candle a, Candle b) {
        boolean aOpens = a.openTime() < b.openTime()
                || (a.openTime() == b.openTime() && a.openTradeNumber() <= b.openTradeNumber());
        boolean aCloses = a.closeTime() > b.closeTime()
                || (a.closeTime() == b.closeTime() && a.closeTradeNumber() >= b.closeTradeNumber());
        Candle o = aOpens ? a : b;
        Candle c = aCloses ? a : b;
        return new Candle(a.instrument(), a.timeframe(), a.bucketStart(), o.open(),
                Math.max(a.high(), b.high()), Math.min(a.low(), b.low()), c.close(),
                Math.addExact(a.volume(), b.volume()),
                Math.addExact(a.financialVolumeUnits(), b.financialVolumeUnits()),
                a.tradeCount() + b.tradeCount(), a.buyVolume() + b.buyVolume(), a.sellVolume() + b.sellVolume(),
                o.openTime(), o.openTradeNumber(), c.closeTime(), c.closeTradeNumber());
    }

    private static Candle relabel(Candle c, Timeframe timeframe, long bucketStart) {
        return new Candle(c.instrument(), timeframe, bucketStart, c.open(), c.high(), c.low(), c.close(), c.volume(),
                c.financialVolumeUnits(), c.tradeCount(), c.buyVolume(), c.sellVolume(), c.openTime(),
                c.openTradeNumber(), c.closeTime(), c.closeTradeNumber());
    }
}
