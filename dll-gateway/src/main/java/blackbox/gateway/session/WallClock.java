package blackbox.gateway.session;

/**
 * UTC epoch nanoseconds read without allocation: the wall clock sampled once, advanced by
 * {@link System#nanoTime()}. Drift against NTP adjustments during a long run is accepted; this stamps
 * {@code receivedNanos} for latency figures, not business times.
 */
public final class WallClock {
    private final long baseEpochNanos;
    private final long baseNanoTime;

    public WallClock() {
        java.time.Instant now = java.time.Instant.now();
        this.baseNanoTime = System.nanoTime();
        this.baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public long epochNanos() {
        return baseEpochNanos + (System.nanoTime() - baseNanoTime);
    }
}
