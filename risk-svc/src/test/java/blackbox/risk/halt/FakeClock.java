package blackbox.risk.halt;

import java.time.Duration;
import java.util.function.LongSupplier;

/** UTC epoch nanoseconds that move only when a test says so. */
public final class FakeClock implements LongSupplier {
    private long now;

    public FakeClock(long start) {
        this.now = start;
    }

    @Override
    public synchronized long getAsLong() {
        return now;
    }

    public synchronized void advance(Duration d) {
        now += d.toNanos();
    }
}
