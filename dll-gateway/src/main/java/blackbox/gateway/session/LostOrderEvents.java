package blackbox.gateway.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Order events the hand-off ring had no room for. Order events are never dropped silently: the callback records
 * the LocalOrderID of the order it could not hand off here (single producer, the ConnectorThread; single consumer,
 * the engine), and the engine re-reads those orders from the DLL (EnumerateAllOrders on its control thread — the
 * manual allows GetOrderDetails only inside the order callback). When even this queue is full, or the lost event
 * named no order, {@link #takeAll()} tells the engine to re-read every order it tracks.
 */
public final class LostOrderEvents {
    private final long[] ids;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next to read
    private final AtomicLong tail = new AtomicLong(); // next to write
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean all;

    public LostOrderEvents(int capacity) {
        if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("must be a power of two: capacity=" + capacity);
        ids = new long[capacity];
        mask = capacity - 1;
    }

    /** ConnectorThread: an event of order {@code localOrderId} (0: unknown order) could not be handed off. */
    void record(long localOrderId) {
        lost.incrementAndGet();
        long t = tail.get();
        if (localOrderId <= 0 || t - head.get() >= ids.length) {
            all = true;
            return;
        }
        ids[(int) (t & mask)] = localOrderId;
        tail.lazySet(t + 1);
    }

    /** Order events lost so far. */
    public long lost() {
        return lost.get();
    }

    /** Engine: the next LocalOrderID to re-read, or -1 when none is waiting. */
    public long poll() {
        long h = head.get();
        if (h == tail.get()) return -1;
        long id = ids[(int) (h & mask)];
        head.lazySet(h + 1);
        return id;
    }

    /** Engine: true (once) when every tracked order must be re-read. */
    public boolean takeAll() {
        if (!all) return false;
        all = false;
        return true;
    }
}
