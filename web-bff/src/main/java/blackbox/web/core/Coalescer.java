package blackbox.web.core;

import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * Rate limit for one stream of one subscription: updates that may be merged (the forming candle, provisional
 * indicator values, trades) go out at most {@code maxPerSecond} times per second; in between, updates are merged
 * into one pending value ({@code merge(older, newer)}: the latest forming candle wins, trade batches are
 * concatenated so no trade is dropped). Over any window of {@code t} seconds at most {@code maxPerSecond * t + 1}
 * updates leave.
 *
 * <p>Ordered events (a closed candle, a final indicator value) never pass through here: the caller sends them
 * directly, after {@link #discardPendingIf} has dropped a pending value they made obsolete.
 *
 * <p>Pure: time is passed in (nanoseconds on any monotonic clock). Thread-safe (synchronized); calls are short.
 */
public final class Coalescer<T> {
    private final long intervalNanos;
    private final BinaryOperator<T> merge;
    private boolean emitted;
    private long lastEmitNanos;
    private T pending;

    /** @throws IllegalArgumentException when {@code maxPerSecond < 1} */
    public Coalescer(int maxPerSecond, BinaryOperator<T> merge) {
        if (maxPerSecond < 1) throw new IllegalArgumentException("must be >= 1: maxPerSecond=" + maxPerSecond);
        this.intervalNanos = 1_000_000_000L / maxPerSecond;
        this.merge = merge;
    }

    /**
     * Offers an update at {@code nowNanos}.
     *
     * @return the value to send now (this update merged with anything pending), or empty when it is held:
     *     then call {@link #flush} at {@link #dueAtNanos()}
     */
    public synchronized Optional<T> offer(T update, long nowNanos) {
        pending = pending == null ? update : merge.apply(pending, update);
        return flush(nowNanos);
    }

    /** @return the pending value when its time has come (it is then cleared), else empty */
    public synchronized Optional<T> flush(long nowNanos) {
        if (pending == null) return Optional.empty();
        if (emitted && nowNanos - lastEmitNanos < intervalNanos) return Optional.empty();
        T out = pending;
        pending = null;
        emitted = true;
        lastEmitNanos = nowNanos;
        return Optional.of(out);
    }

    /** When a held value may go out; {@link Long#MAX_VALUE} when nothing is pending. */
    public synchronized long dueAtNanos() {
        if (pending == null) return Long.MAX_VALUE;
        return emitted ? lastEmitNanos + intervalNanos : Long.MIN_VALUE;
    }

    /** Drops the pending value if it matches (e.g. a forming candle of a bucket that has just closed). */
    public synchronized void discardPendingIf(Predicate<T> obsolete) {
        if (pending != null && obsolete.test(pending)) pending = null;
    }

    public synchronized boolean hasPending() {
        return pending != null;
    }
}
