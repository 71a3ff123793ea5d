package blackbox.gateway.grpc;

import blackbox.gateway.engine.ReportPublisher;
import blackbox.gateway.trading.ExecReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.RoutingState;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The execution reports of one gateway session, numbered from 1, with the routing-state changes between them, in a
 * bounded ring of recent entries that streams read by position (no copy per stream) and resume from by sequence.
 *
 * <p>One writer, the engine's consumer thread ({@link ReportPublisher}); any number of readers. An entry is
 * published by its slot's volatile write; a reader that finds in the slot an entry of another position knows it was
 * overwritten (its client fell more than {@code capacity} entries behind).
 *
 * <p>Memory: a reference per slot ({@code capacity} × 8 bytes at once) plus the entries held, about 300 bytes each.
 */
public final class ExecutionReportLog implements ReportPublisher {
    /** One held entry: a report or a routing state. {@code key} orders them by sequence (see {@link #positionAfter}). */
    record Entry(long position, long key, ExecutionReportMessage message) {
    }

    private final String sessionId;
    private final int mask;
    private final AtomicReferenceArray<Entry> ring;
    private final CopyOnWriteArrayList<ReportStream> streams = new CopyOnWriteArrayList<>();
    private final ProtoMapping instruments = new ProtoMapping();
    private volatile long head;          // positions [0, head) were appended
    private volatile long lastSequence;  // sequence of the last report, 0 before any
    private volatile RoutingState routing = RoutingState.newBuilder().setLastResult(-1).build();
    private boolean dirty;

    /** @param capacity entries held for resumption (rounded up to a power of two) */
    public ExecutionReportLog(String sessionId, int capacity) {
        this.sessionId = sessionId;
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.mask = size - 1;
        this.ring = new AtomicReferenceArray<>(size);
    }

    public String sessionId() {
        return sessionId;
    }

    /** Entries held at most. */
    public int capacity() {
        return mask + 1;
    }

    public long lastSequence() {
        return lastSequence;
    }

    long head() {
        return head;
    }

    /** The routing state as last announced. */
    RoutingState routing() {
        return routing;
    }

    /** The entry at {@code position}, or {@code null} when it was overwritten (or is not appended yet). */
    Entry get(long position) {
        Entry e = ring.get((int) (position & mask));
        return e != null && e.position == position ? e : null;
    }

    // ------------------------------------------------------------------ writer (consumer thread)

    @Override
    public void report(ExecReport report) {
        long seq = lastSequence + 1;
        ExecutionReportMessage m = ExecutionReportMessage.newBuilder().setSessionId(sessionId)
                .setReport(TradingMapping.report(report, seq, instruments)).build();
        lastSequence = seq;
        append(2 * seq, m);
    }

    @Override
    public void routing(boolean connected, int lastResult, long changedNanos, int ordersInDoubt) {
        RoutingState r = RoutingState.newBuilder().setConnected(connected).setLastResult(lastResult)
                .setChangedNanos(changedNanos).setOrdersInDoubt(ordersInDoubt).build();
        routing = r;
        append(2 * lastSequence + 1, ExecutionReportMessage.newBuilder().setSessionId(sessionId).setRouting(r).build());
    }

    private void append(long key, ExecutionReportMessage m) {
        long p = head;
        ring.set((int) (p & mask), new Entry(p, key, m));
        head = p + 1;
        dirty = true;
    }

    @Override
    public void flush() {
        if (!dirty) return;
        dirty = false;
        for (ReportStream s : streams) s.signal();
    }

    // ------------------------------------------------------------------ readers

    void add(ReportStream stream) {
        streams.add(stream);
    }

    void remove(ReportStream stream) {
        streams.remove(stream);
    }

    int streamCount() {
        return streams.size();
    }

    /**
     * The position of the first entry after report {@code sequence} (the reports after it, and the routing states
     * that followed it), or -1 when report {@code sequence + 1} is no longer held.
     */
    long positionAfter(long sequence) {
        long h = head;
        long lo = Math.max(0, h - capacity() + 1); // the oldest slot may be overwritten under us: skip it
        if (lo >= h) return h;
        Entry oldest = get(lo);
        if (oldest == null) return -1;
        if (sequence < lastSequence && oldest.key > 2 * (sequence + 1)) return -1;
        long target = 2 * sequence; // first entry with key > 2·sequence
        long a = lo;
        long b = h;
        while (a < b) {
            long mid = (a + b) >>> 1;
            Entry e = get(mid);
            if (e == null) return -1; // overwritten while searching
            if (e.key > target) b = mid;
            else a = mid + 1;
        }
        return a;
    }

    /** The sequence of the oldest report still held (0 when none). */
    long oldestSequence() {
        long h = head;
        for (long p = Math.max(0, h - capacity() + 1); p < h; p++) {
            Entry e = get(p);
            if (e != null && e.message.hasReport()) return e.message.getReport().getSequence();
        }
        return 0;
    }
}
