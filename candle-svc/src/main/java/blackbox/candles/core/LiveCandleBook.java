package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what a live candle stream says: which candle is forming, when a bucket closes (exactly once), and when a
 * closed candle is corrected. Fed with the candles as stored (after each commit) and with each instrument's market
 * clock; pure and single-threaded (the candle engine's thread).
 *
 * <p><b>Closing.</b> A bucket closes when its instrument's market clock reaches the bucket's end, or when a candle of
 * a later bucket of the same series appears (a trade of the next minute arrived). The market clock is the
 * exchange's time as seen through the trades (see {@code MarketClock}), so a replay closes buckets at the replay's
 * pace and a live session at the exchange's. A bucket without trades has no candle and so no close.
 *
 * <p><b>After the close.</b> A late trade or an edit of a closed bucket gives {@link State#CORRECTED} (or
 * {@link State#REMOVED} when the candle lost all its trades); it never closes the bucket again.
 */
public final class LiveCandleBook {
    /** What a live event says about its candle. */
    public enum State { FORMING, CLOSED, CORRECTED, REMOVED }

    /**
     * One live event of the series (instrument, timeframe).
     *
     * @param bucketStart UTC epoch ns
     * @param candle the candle's stored state; null for {@link State#REMOVED}
     */
    public record Event(State state, InstrumentId instrument, Timeframe timeframe, long bucketStart, Candle candle) {
        public Event {
            Objects.requireNonNull(state, "state");
            if ((candle == null) != (state == State.REMOVED)) {
                throw new IllegalArgumentException("a candle is required except for REMOVED: state=" + state);
            }
        }

        static Event of(State state, Candle c) {
            return new Event(state, c.instrument(), c.timeframe(), c.bucketStart(), c);
        }
    }

    /** Receives events, in order per series. */
    public interface Sink {
        void publish(Event event);
    }

    /**
     * The state a new subscriber starts from.
     *
     * @param lastClosedBucket the newest bucket closed so far, or {@link Long#MIN_VALUE}
     * @param forming the forming candle, or null
     */
    public record Snapshot(long lastClosedBucket, Candle forming) {
    }

    private record Key(InstrumentId instrument, Timeframe timeframe) {
    }

    private static final class Series {
        long formingStart = Long.MIN_VALUE;
        boolean open;          // formingStart's bucket has not closed
        Candle forming;        // its candle; null when its trades were all removed
        long lastClosed = Long.MIN_VALUE;
    }

    private final ExchangeBuckets buckets;
    private final Map<Key, Series> series = new HashMap<>();

    public LiveCandleBook(ExchangeBuckets buckets) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    private Buckets bucketsOf(InstrumentId instrument) {
        return buckets.of(instrument.exchange());
    }

    /**
     * A stored candle changed (call in ascending bucket order within a series).
     *
     * @param clockNanos the instrument's market clock, UTC epoch ns
     */
    public void changed(Candle candle, long clockNanos, Sink sink) {
        Series s = series.computeIfAbsent(new Key(candle.instrument(), candle.timeframe()), k -> new Series());
        long start = candle.bucketStart();
        if (start > s.formingStart) {
            close(s, sink);
            s.formingStart = start;
            if (bucketsOf(candle.instrument()).bucketEnd(candle.timeframe(), start) <= clockNanos) {
                s.lastClosed = start;
                sink.publish(Event.of(State.CLOSED, candle));
            } else {
                s.open = true;
                s.forming = candle;
                sink.publish(Event.of(State.FORMING, candle));
            }
        } else if (start == s.formingStart && s.open) {
            s.forming = candle;
            sink.publish(Event.of(State.FORMING, candle));
        } else {
            sink.publish(Event.of(State.CORRECTED, candle));
        }
    }

    /** A stored candle lost all its trades (edits or cancels). */
    public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart, Sink sink) {
        Series s = series.get(new Key(instrument, timeframe));
        if (s != null && s.open && bucketStart == s.formingStart) {
            s.forming = null; // still open: a new trade in the bucket forms it again
        }
        sink.publish(new Event(State.REMOVED, instrument, timeframe, bucketStart, null));
    }

    /**
     * The market clock moved: closes every forming bucket of the instrument that has ended.
     *
     * @param clockNanos the instrument's market clock, UTC epoch ns
     */
    public void advance(InstrumentId instrument, long clockNanos, Sink sink) {
        Buckets rules = bucketsOf(instrument);
        for (Timeframe tf : Timeframe.values()) {
            Series s = series.get(new Key(instrument, tf));
            if (s != null && s.open && rules.bucketEnd(tf, s.formingStart) <= clockNanos) {
                close(s, sink);
            }
        }
    }

    private static void close(Series s, Sink sink) {
        if (s.open) {
            s.open = false;
            if (s.forming != null) {
                s.lastClosed = s.formingStart;
                sink.publish(Event.of(State.CLOSED, s.forming));
                s.forming = null;
            }
        }
    }

    /** @return where a new subscriber of the series starts: the last close sent and the forming candle (or null) */
    public Snapshot snapshot(InstrumentId instrument, Timeframe timeframe) {
        Series s = series.get(new Key(instrument, timeframe));
        return s == null ? new Snapshot(Long.MIN_VALUE, null) : new Snapshot(s.lastClosed, s.forming);
    }
}
