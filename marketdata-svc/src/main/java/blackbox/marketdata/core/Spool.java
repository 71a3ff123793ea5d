package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.MpscArrayQueue;

/**
 * The bounded buffer between receiving trades and writing them to PostgreSQL; it holds trades while the database
 * is away. A trade offered when it is full is not kept: it is counted ({@link #droppedTotal}) and its time widens
 * its instrument's dropped window ({@link #takeDroppedWindows}), which the service later repairs from history.
 *
 * <p>Thread-safety: any number of producer threads may {@link #offer}; one consumer thread may {@link #drain}.
 * The other methods may be called from any thread.
 */
public final class Spool {
    /**
     * Trades of an instrument not kept because the spool was full.
     *
     * @param fromNanos earliest dropped trade time, UTC epoch ns
     * @param toNanos latest dropped trade time, UTC epoch ns
     * @param count trades dropped
     */
    public record DroppedWindow(InstrumentId instrument, long fromNanos, long toNanos, long count) {
    }

    private final int capacity;
    private final MpscArrayQueue<TradeRow> queue;
    private final AtomicLong droppedTotal = new AtomicLong();
    private final AtomicLong keptTotal = new AtomicLong();
    private final Object droppedLock = new Object();
    private Map<InstrumentId, DroppedWindow> dropped = new HashMap<>();

    /**
     * @param capacity trades held at most, &gt;= 2
     * @throws IllegalArgumentException otherwise
     */
    public Spool(int capacity) {
        if (capacity < 2 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("must be in [2, 2^30]: capacity=" + capacity);
        }
        this.capacity = capacity;
        this.queue = new MpscArrayQueue<>(capacity);
    }

    /**
     * Adds a trade.
     *
     * @return true when kept; false when the spool is full (the trade is counted as dropped)
     */
    public boolean offer(TradeRow trade) {
        Objects.requireNonNull(trade, "trade");
        if (queue.offerIfBelowThreshold(trade, capacity)) {
            keptTotal.incrementAndGet();
            return true;
        }
        droppedTotal.incrementAndGet();
        synchronized (droppedLock) {
            dropped.merge(trade.instrument(),
                    new DroppedWindow(trade.instrument(), trade.timeNanos(), trade.timeNanos(), 1),
                    (a, b) -> new DroppedWindow(a.instrument(), Math.min(a.fromNanos(), b.fromNanos()),
                            Math.max(a.toNanos(), b.toNanos()), a.count() + b.count()));
        }
        return false;
    }

    /**
     * Moves up to {@code max} trades, oldest first, to {@code into}. Consumer thread only.
     *
     * @return how many were moved
     */
    public int drain(int max, List<TradeRow> into) {
        if (max <= 0) {
            return 0;
        }
        return queue.drain(into::add, max);
    }

    /** Trades held now (approximate while producers and the consumer are active). */
    public int size() {
        return Math.min(queue.size(), capacity);
    }

    /** Trades held at most. */
    public int capacity() {
        return capacity;
    }

    /**
     * Trades kept since creation (counted just after each is queued). When the producers are serialized (as
     * {@code Ingestion} does), the first {@code keptTotal()} trades ever drained are exactly the ones counted.
     */
    public long keptTotal() {
        return keptTotal.get();
    }

    /** Trades dropped since creation. */
    public long droppedTotal() {
        return droppedTotal.get();
    }

    /** The dropped windows since the last call, sorted by instrument; they are forgotten here. */
    public List<DroppedWindow> takeDroppedWindows() {
        Map<InstrumentId, DroppedWindow> taken;
        synchronized (droppedLock) {
            taken = dropped;
            dropped = new HashMap<>();
        }
        List<DroppedWindow> windows = new ArrayList<>(taken.values());
        windows.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return windows;
    }
}
