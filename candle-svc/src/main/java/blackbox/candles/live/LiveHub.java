package blackbox.candles.live;

import blackbox.candles.core.Candle;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.LiveCandleBook.Event;
import blackbox.candles.core.LiveCandleBook.Snapshot;
import blackbox.candles.core.LiveCandleBook.State;
import blackbox.candles.core.LiveCandleBook;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Live candles for any number of subscribers. The candle engine reports each committed change and each clock
 * advance; the {@link LiveCandleBook} turns them into forming/closed/corrected events; every subscriber of the
 * series gets them. A subscriber that joins gets a consistent starting point (the book's snapshot, taken under the
 * same lock as publishing), so with the history it reads from the store it misses nothing and sees no close twice.
 *
 * <p>Threads: the engine thread publishes; gRPC threads subscribe and cancel. One lock orders both; publishing
 * under it never blocks (subscribers only enqueue).
 */
public final class LiveHub {
    /** Where a subscriber's events go. Must not block. */
    public interface Listener {
        /** @return false when the listener is over (cancelled, overflowed): it is dropped */
        boolean onEvent(Event event);
    }

    /**
     * What a new subscriber starts from.
     *
     * @param clockKnown false when no trade or candle of the instrument reached the hub since start: the clock is
     *     then the wall clock, which says nothing of the newest stored candle
     */
    public record Start(Snapshot snapshot, long clockNanos, boolean clockKnown) {
    }

    /** The newest stored bucket start of a series, if any (the store's {@code lastBucket}). */
    @FunctionalInterface
    public interface NewestStored {
        java.util.OptionalLong newest(InstrumentId instrument, Timeframe timeframe)
                throws blackbox.candles.store.StoreUnavailableException;
    }

    private record Key(InstrumentId instrument, Timeframe timeframe) {
    }

    private final Object lock = new Object();
    private final LiveCandleBook book;
    private final ExchangeBuckets buckets;
    private final LongSupplier wallClock;
    private final NewestStored newestStored;
    private final Map<Key, List<Listener>> listeners = new HashMap<>();
    private final Map<InstrumentId, Long> clocks = new HashMap<>();
    private final List<Event> scratch = new ArrayList<>();

    /**
     * @param wallClock UTC epoch ns, the market clock of instruments not seen since start
     * @param newestStored for instruments not seen since start: their newest stored candle may still be forming
     */
    public LiveHub(ExchangeBuckets buckets, LongSupplier wallClock, NewestStored newestStored) {
        this.buckets = buckets;
        this.book = new LiveCandleBook(buckets);
        this.wallClock = wallClock;
        this.newestStored = newestStored;
    }

    /** A committed candle changed (engine thread; ascending bucket order within a series). */
    public void changed(Candle candle, long clockNanos) {
        synchronized (lock) {
            clocks.merge(candle.instrument(), clockNanos, Math::max);
            book.changed(candle, clockNanos, scratch::add);
            flush();
        }
    }

    /** A committed candle was deleted (engine thread). */
    public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
        synchronized (lock) {
            book.removed(instrument, timeframe, bucketStart, scratch::add);
            flush();
        }
    }

    /** The instrument's market clock moved (engine thread). */
    public void advance(InstrumentId instrument, long clockNanos) {
        synchronized (lock) {
            clocks.merge(instrument, clockNanos, Math::max);
            book.advance(instrument, clockNanos, scratch::add);
            flush();
        }
    }

    private void flush() {
        for (Event e : scratch) {
            List<Listener> ls = listeners.get(new Key(e.instrument(), e.timeframe()));
            if (ls != null) {
                ls.removeIf(l -> !l.onEvent(e));
            }
        }
        scratch.clear();
    }

    /**
     * Registers a listener and returns where it starts: everything published after this call reaches it.
     *
     * @return the book's snapshot of the series and the instrument's market clock (UTC epoch ns)
     */
    public Start subscribe(InstrumentId instrument, Timeframe timeframe, Listener listener) {
        synchronized (lock) {
            listeners.computeIfAbsent(new Key(instrument, timeframe), k -> new CopyOnWriteArrayList<>()).add(listener);
            Long clock = clocks.get(instrument);
            return new Start(book.snapshot(instrument, timeframe), clock == null ? wallClock.getAsLong() : clock, clock != null);
        }
    }

    /** Removes a listener (gRPC thread, on cancel). */
    public void unsubscribe(InstrumentId instrument, Timeframe timeframe, Listener listener) {
        synchronized (lock) {
            List<Listener> ls = listeners.get(new Key(instrument, timeframe));
            if (ls != null) {
                ls.remove(listener);
            }
        }
    }

    /** @return the number of live subscribers */
    public int subscriberCount() {
        synchronized (lock) {
            return listeners.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * The first bucket a joining subscriber must not read from the store as closed: the forming bucket, or the
     * bucket the market clock is in. For an instrument not seen since start (candle-svc just restarted) the clock is
     * unknown, and the newest stored candle may be the one still forming: it is not read as closed (it closes on the
     * live stream once its trades resume: the engine hands it to the book when it loads the instrument).
     *
     * @throws blackbox.candles.store.StoreUnavailableException when the newest stored bucket cannot be read
     */
    public long historyEnd(InstrumentId instrument, Timeframe timeframe, Start start)
            throws blackbox.candles.store.StoreUnavailableException {
        if (start.snapshot().forming() != null) {
            return start.snapshot().forming().bucketStart();
        }
        if (!start.clockKnown()) {
            java.util.OptionalLong newest = newestStored.newest(instrument, timeframe);
            if (newest.isPresent()) return newest.getAsLong();
        }
        long byClock = buckets.of(instrument.exchange()).bucketStart(timeframe, start.clockNanos());
        long afterClosed = start.snapshot().lastClosedBucket() == Long.MIN_VALUE
                ? Long.MIN_VALUE : start.snapshot().lastClosedBucket() + 1;
        return Math.max(byClock, afterClosed);
    }

    /**
     * The first bucket of the series that is not closed yet (its forming bucket, or the bucket its market clock is
     * in), for readers that do not subscribe.
     */
    public long historyEnd(InstrumentId instrument, Timeframe timeframe) throws blackbox.candles.store.StoreUnavailableException {
        Start start;
        synchronized (lock) {
            Long clock = clocks.get(instrument);
            start = new Start(book.snapshot(instrument, timeframe), clock == null ? wallClock.getAsLong() : clock, clock != null);
        }
        return historyEnd(instrument, timeframe, start);
    }

    /** @return true for the states a resumed subscriber must not receive twice */
    public static boolean isSeriesProgress(State state) {
        return state == State.FORMING || state == State.CLOSED;
    }
}
