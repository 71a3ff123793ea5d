package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explicit gap filling for readers: candles are only ever built from trades, and a reader that wants a dense series
 * asks for the missing buckets to be filled with flat candles at the previous close, volume 0
 * ({@link Candle#filled()}). Buckets before the first known close stay empty. Every bucket of the range is filled,
 * nights and weekends included: restricting fills to session hours is the caller's choice.
 */
public final class GapFill {
    private GapFill() {
    }

    /**
     * @param candles candles of {@code instrument} and {@code timeframe} in [fromUtc, toUtc), any order
     * @param previousClose the close before {@code fromUtc}, or NaN when unknown
     * @param fromUtc the first bucket start of the range (UTC epoch ns, a bucket start)
     * @param toUtc end of the range, exclusive
     * @return one candle per bucket from the first known close on, ascending
     */
    public static List<Candle> fill(Buckets buckets, InstrumentId instrument, Timeframe timeframe, long fromUtc,
                                    long toUtc, List<Candle> candles, double previousClose) {
        if (fromUtc > toUtc) {
            throw new IllegalArgumentException("must be <= toUtc=" + toUtc + ": fromUtc=" + fromUtc);
        }
        Map<Long, Candle> byStart = new HashMap<>();
        for (Candle c : candles) {
            byStart.put(c.bucketStart(), c);
        }
        List<Candle> out = new ArrayList<>();
        double close = previousClose;
        for (long b = buckets.bucketStart(timeframe, fromUtc); b < toUtc; b = buckets.bucketEnd(timeframe, b)) {
            Candle c = byStart.get(b);
            if (c != null) {
                out.add(c);
                close = c.close();
            } else if (!Double.isNaN(close)) {
                out.add(Candle.flat(instrument, timeframe, b, close));
            }
        }
        return out;
    }

    /**
     * The newest {@code limit} buckets of a series, gaps filled: from the first of {@code candles} up to
     * {@code untilUtc} (exclusive; after the newest candle the buckets up to it are filled flat at its close), at most
     * {@code limit}, the newest kept. Work is bounded by {@code limit} plus the length of the gaps it walks, never by
     * the whole range.
     *
     * @param candles candles of {@code instrument} and {@code timeframe}, ascending, all before {@code untilUtc}
     * @return ascending
     */
    public static List<Candle> fillLatest(Buckets buckets, InstrumentId instrument, Timeframe timeframe,
                                          List<Candle> candles, long untilUtc, int limit) {
        List<Candle> newestFirst = new ArrayList<>(Math.min(limit, 4096));
        for (int i = candles.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            Candle c = candles.get(i);
            long gapEnd = i == candles.size() - 1 ? untilUtc : candles.get(i + 1).bucketStart();
            List<Long> gap = new ArrayList<>();
            for (long b = buckets.bucketEnd(timeframe, c.bucketStart()); b < gapEnd; b = buckets.bucketEnd(timeframe, b)) {
                gap.add(b);
            }
            for (int g = gap.size() - 1; g >= 0 && newestFirst.size() < limit; g--) {
                newestFirst.add(Candle.flat(instrument, timeframe, gap.get(g), c.close()));
            }
            if (newestFirst.size() < limit) newestFirst.add(c);
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
