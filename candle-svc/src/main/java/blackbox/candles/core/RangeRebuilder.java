package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Rebuilds the 1-minute candles of [from, to) from trades given in ascending time order, one trading day (1d bucket
 * of the exchange) at a time, so memory stays bounded whatever the range: each finished day goes to the sink as a
 * {@link RebuiltRange}. The ranges handed out tile [from, to) without gaps (days without trades included), so every
 * stored minute of the range is either rebuilt or removed. With an unbounded {@code to} ({@link Long#MAX_VALUE}) the
 * last range ends after the last trade's minute. Pure; one thread.
 */
public final class RangeRebuilder {
    private static final long MINUTE = Timeframe.M1.fixedNanos();

    private final Buckets buckets;
    private final InstrumentId instrument;
    private final long to;
    private final Consumer<RebuiltRange> sink;
    private long chunkFrom;
    private long chunkEnd;
    private CandleAggregator aggregator;
    private int index;
    private long[] numbers = new long[1024];
    private int count;
    private long lastTime = Long.MIN_VALUE;
    private long trades;

    /**
     * @param from inclusive, UTC epoch ns (rounded down to its minute)
     * @param to exclusive, UTC epoch ns (rounded up to a minute), or {@link Long#MAX_VALUE} for "up to the last trade"
     */
    public RangeRebuilder(Buckets buckets, InstrumentId instrument, long from, long to, Consumer<RebuiltRange> sink) {
        this.buckets = buckets;
        this.instrument = instrument;
        this.to = to == Long.MAX_VALUE ? Long.MAX_VALUE : ceilMinute(to);
        this.sink = sink;
        this.chunkFrom = floorMinute(from);
        if (this.to <= chunkFrom) {
            throw new IllegalArgumentException("must be after from=" + from + ": to=" + to);
        }
        startChunk();
    }

    private static long floorMinute(long t) {
        return t - Math.floorMod(t, MINUTE);
    }

    private static long ceilMinute(long t) {
        return Math.floorMod(t, MINUTE) == 0 ? t : floorMinute(t) + MINUTE;
    }

    private void startChunk() {
        long dayEnd = floorMinute(buckets.bucketEnd(Timeframe.D1, buckets.bucketStart(Timeframe.D1, chunkFrom)));
        chunkEnd = Math.min(to, Math.max(dayEnd, chunkFrom + MINUTE));
        aggregator = new CandleAggregator(buckets, Duration.ZERO);
        index = aggregator.register(instrument);
        count = 0;
    }

    /**
     * Adds a trade (ascending time). Trades outside [from, to) are ignored.
     *
     * @throws IllegalArgumentException when the trade is older than the previous one
     */
    public void accept(long timeNanos, double price, long quantity, long tradeNumber, int tradeType) {
        if (timeNanos < lastTime) {
            throw new IllegalArgumentException("trades must come in time order: timeNanos=" + timeNanos
                    + " after " + lastTime);
        }
        lastTime = timeNanos;
        if (timeNanos < chunkFrom || timeNanos >= to) {
            return;
        }
        if (timeNanos >= chunkEnd) {
            long next = floorMinute(buckets.bucketStart(Timeframe.D1, timeNanos));
            emit(Math.max(next, chunkEnd));
            chunkFrom = Math.max(next, chunkEnd);
            startChunk();
        }
        aggregator.onTrade(index, timeNanos, price, quantity, tradeNumber, tradeType);
        if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, count * 2);
        }
        numbers[count++] = tradeNumber;
        trades++;
    }

    /** Hands out the last range. */
    public void finish() {
        long end = to != Long.MAX_VALUE ? to : Math.max(chunkFrom + MINUTE, lastTime == Long.MIN_VALUE
                ? chunkFrom + MINUTE : floorMinute(lastTime) + MINUTE);
        emit(end);
        // after finish the range is done; a later accept would start from a closed range
        chunkFrom = end;
    }

    private void emit(long end) {
        long[] counted = Arrays.copyOf(numbers, count);
        Arrays.sort(counted);
        sink.accept(new RebuiltRange(instrument, chunkFrom, end,
                aggregator.candles(instrument, Timeframe.M1), counted));
    }

    /** @return trades counted so far */
    public long trades() {
        return trades;
    }

    /** @return where the next range starts (UTC epoch ns): the progress so far */
    public long position() {
        return chunkFrom;
    }
}
