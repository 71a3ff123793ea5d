package blackbox.web.core;

import java.util.function.DoubleSupplier;

/**
 * Delays between attempts to reopen an upstream stream: {@code initial}, doubling up to {@code max}, each with up to
 * 20 % jitter so that many streams broken by one restart do not all come back at the same instant; {@link #reset()}
 * once a stream is established again. Pure: the randomness is a parameter. Not thread-safe (one per stream, under
 * its owner's lock).
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    /**
     * @param random values in [0, 1)
     * @throws IllegalArgumentException when {@code initialMillis < 1} or {@code maxMillis < initialMillis}
     */
    public Backoff(long initialMillis, long maxMillis, DoubleSupplier random) {
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 1 <= initial <= max: initialMillis=" + initialMillis + ", maxMillis=" + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** @return the delay before the next attempt, ms; each call counts one attempt */
    public long next() {
        long base = Math.min(maxMillis, initialMillis << Math.min(attempt, 30));
        attempt++;
        return Math.round(base * (1 + 0.2 * random.getAsDouble()));
    }

    public void reset() {
        attempt = 0;
    }
}
