package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;

/**
 * A TWAP's plan: {@code n = horizon / interval} equal slices, slice {@code k} (1..n) due at
 * {@code start + (k - 1) × interval} (the first at once), the horizon ending at {@code start + horizon}. An account of
 * quantity {@code q} has planned {@code cum(k) = floor(q × k / n)} rounded down to the lot by slice {@code k}, so its
 * slices are whole lots, differ by at most one lot, and {@code cum(n) = q}. Pure.
 */
public final class TwapSchedule {
    private static final long NANOS = 1_000_000_000L;
    private final long startNanos;
    private final long intervalNanos;
    private final long endNanos;
    private final int slices;
    private final long lot;

    /**
     * @param startNanos when slice 1 is due, UTC epoch ns
     * @throws IllegalArgumentException when the interval does not divide the horizon (the request validation checks it)
     */
    public TwapSchedule(long startNanos, long horizonSecs, long intervalSecs, long lot) {
        if (horizonSecs <= 0 || intervalSecs <= 0 || horizonSecs % intervalSecs != 0) {
            throw new IllegalArgumentException("interval must divide horizon: " + horizonSecs + "/" + intervalSecs);
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalSecs * NANOS;
        this.endNanos = startNanos + horizonSecs * NANOS;
        this.slices = Math.toIntExact(horizonSecs / intervalSecs);
        this.lot = lot;
    }

    public static TwapSchedule of(ParentOrder parent) {
        Algorithm.Twap t = (Algorithm.Twap) parent.algorithm();
        return new TwapSchedule(parent.startNanos(), t.horizonSecs(), t.intervalSecs(), parent.lot());
    }

    public int slices() {
        return slices;
    }

    /** When slice {@code k} (1..n) is due, UTC epoch ns. */
    public long dueAt(int k) {
        return startNanos + (k - 1) * intervalNanos;
    }

    public long endNanos() {
        return endNanos;
    }

    /** The latest slice due at {@code nowNanos}: 0 before the start, n from the last slice's time on. */
    public int dueSlice(long nowNanos) {
        if (nowNanos < startNanos) return 0;
        return (int) Math.min(slices, (nowNanos - startNanos) / intervalNanos + 1);
    }

    /** What an account of {@code quantity} is planned to have released by the end of slice {@code k} (0..n). */
    public long plannedCum(long quantity, int k) {
        if (k >= slices) return quantity;
        long lots = quantity / lot;
        // lots × k / n without overflow for any realistic quantity (lots < 2^40, k <= n < 2^20)
        return Math.multiplyExact(lots, (long) k) / slices * lot;
    }

    /** The planned quantity of slice {@code k} alone for an account of {@code quantity}. */
    public long plannedSlice(long quantity, int k) {
        return plannedCum(quantity, k) - plannedCum(quantity, k - 1);
    }

    /**
     * The most one slice may carry for an account of {@code quantity} when it is behind: its average slice rounded up to
     * the lot, times {@code 1 + catchUpSlices}. Bounds the catch-up: a slice never dumps what several missed slices left.
     */
    public long cap(long quantity, int catchUpSlices) {
        long lots = quantity / lot;
        long perSlice = Math.max(1, (lots + slices - 1) / slices);
        return perSlice * (1 + catchUpSlices) * lot;
    }
}
