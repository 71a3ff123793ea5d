package blackbox.risk.core;

/**
 * The orders accepted in one scope's last second: a ring of the last {@code capacity} acceptance times. An order
 * is admitted when fewer than {@code capacity} were accepted in the half-open second {@code (now − 1 s, now]},
 * i.e. when the ring is not full or its oldest entry is at least one second old. O(1), no allocation.
 *
 * <p>Not thread-safe: {@link PreTradeCheck}'s caller serializes checks.
 */
public final class RateWindow {
    static final long ONE_SECOND = 1_000_000_000L;

    private final Scope scope;
    private final long[] accepted;
    private int count;
    private int oldest;

    RateWindow(Scope scope, int capacity) {
        this.scope = scope;
        this.accepted = new long[Math.max(capacity, 0)];
    }

    public Scope scope() {
        return scope;
    }

    public int capacity() {
        return accepted.length;
    }

    /** Would an order at {@code nowNanos} (UTC) be within the rate? */
    boolean admits(long nowNanos) {
        if (count < accepted.length) return true;
        return accepted.length > 0 && accepted[oldest] <= nowNanos - ONE_SECOND;
    }

    /** Orders accepted in the second before {@code nowNanos} (for messages). */
    int inLastSecond(long nowNanos) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (accepted[(oldest + i) % accepted.length] > nowNanos - ONE_SECOND) n++;
        }
        return n;
    }

    /** Records an accepted order at {@code nowNanos}. */
    void record(long nowNanos) {
        if (accepted.length == 0) return;
        if (count < accepted.length) {
            accepted[(oldest + count) % accepted.length] = nowNanos;
            count++;
        } else {
            accepted[oldest] = nowNanos;
            oldest = (oldest + 1) % accepted.length;
        }
    }

    /** Takes over the most recent acceptances of the window this one replaces (a limit change keeps the history). */
    void carryOver(RateWindow previous) {
        int keep = Math.min(previous.count, accepted.length);
        for (int i = previous.count - keep; i < previous.count; i++) {
            record(previous.accepted[(previous.oldest + i) % previous.accepted.length]);
        }
    }
}
