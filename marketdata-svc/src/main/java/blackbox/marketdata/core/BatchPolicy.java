package blackbox.marketdata.core;

import java.time.Duration;

/**
 * When the writer flushes its pending trades to PostgreSQL: as soon as {@code maxRows} are pending, or when the
 * oldest pending row has waited {@code maxDelayNanos}. Times are the caller's monotonic ns; only differences are
 * used. Immutable, thread-safe.
 *
 * @param maxRows rows that make a full batch, &gt; 0
 * @param maxDelayNanos longest a row may wait, ns, &gt;= 0
 */
public record BatchPolicy(int maxRows, long maxDelayNanos) {
    public BatchPolicy {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("must be > 0: maxRows=" + maxRows);
        }
        if (maxDelayNanos < 0) {
            throw new IllegalArgumentException("must be >= 0: maxDelayNanos=" + maxDelayNanos);
        }
    }

    /** Same, with the delay as a Duration. */
    public static BatchPolicy of(int maxRows, Duration maxDelay) {
        return new BatchPolicy(maxRows, maxDelay.toNanos());
    }

    /**
     * @param pendingRows rows waiting
     * @param oldestPendingNanos when the oldest of them arrived (ignored when none)
     * @param nowNanos now
     * @return true when the pending rows should be written now
     */
    public boolean shouldFlush(int pendingRows, long oldestPendingNanos, long nowNanos) {
        return pendingRows >= maxRows || (pendingRows > 0 && nowNanos - oldestPendingNanos >= maxDelayNanos);
    }

    /**
     * How long the writer may wait for more rows before it must flush: 0 when it should flush now,
     * {@code maxDelayNanos} when nothing is pending.
     */
    public long nanosUntilFlush(int pendingRows, long oldestPendingNanos, long nowNanos) {
        if (pendingRows <= 0) {
            return maxDelayNanos;
        }
        if (shouldFlush(pendingRows, oldestPendingNanos, nowNanos)) {
            return 0;
        }
        return maxDelayNanos - (nowNanos - oldestPendingNanos);
    }
}
