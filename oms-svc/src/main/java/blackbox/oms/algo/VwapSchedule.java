package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A VWAP's plan: {@code n = horizon / interval} slices, slice {@code k} (1..n) due at {@code start + (k - 1) × interval}
 * (the first at once), the horizon ending at {@code start + horizon}. Slice {@code k} weighs {@code w(k)}, its
 * {@link VolumeProfile} weight; an account of quantity {@code q} is planned
 * {@code cum(k) = floor(lots(q) × W(k) / W(n)) × lot} by slice {@code k}, {@code W} the cumulative weight, so its slices
 * are whole lots and {@code cum(n) = q}. An empty profile (no history) falls back to equal weights — the TWAP's plan —
 * and {@link #equalWeights()} says so. Pure; immutable, thread-safe.
 */
public final class VwapSchedule {
    private static final long NANOS = 1_000_000_000L;
    private final long startNanos;
    private final long intervalNanos;
    private final long endNanos;
    private final int slices;
    private final long lot;
    private final BigInteger[] cumWeight;
    private final boolean equalWeights;
    private final BigDecimal participationRate;

    /**
     * @param startNanos when slice 1 is due, UTC epoch ns
     * @param participationRate the fraction of the market's volume the parent may take, in (0, 1]
     * @throws IllegalArgumentException when the interval does not divide the horizon, or the profile has another number
     *     of slices
     */
    public VwapSchedule(long startNanos, long horizonSecs, long intervalSecs, long lot, VolumeProfile profile,
                        BigDecimal participationRate) {
        if (horizonSecs <= 0 || intervalSecs <= 0 || horizonSecs % intervalSecs != 0) {
            throw new IllegalArgumentException("interval must divide horizon: " + horizonSecs + "/" + intervalSecs);
        }
        if (participationRate.signum() <= 0 || participationRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("participation rate must be in (0, 1]: " + participationRate);
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalSecs * NANOS;
        this.endNanos = startNanos + horizonSecs * NANOS;
        this.slices = Math.toIntExact(horizonSecs / intervalSecs);
        this.lot = lot;
        this.participationRate = participationRate;
        if (profile.weights().size() != slices) {
            throw new IllegalArgumentException("a profile of " + profile.weights().size() + " slices for " + slices + " slices");
        }
        this.equalWeights = profile.isEmpty();
        this.cumWeight = new BigInteger[slices + 1];
        cumWeight[0] = BigInteger.ZERO;
        for (int k = 1; k <= slices; k++) {
            long w = equalWeights ? 1 : profile.weights().get(k - 1);
            cumWeight[k] = cumWeight[k - 1].add(BigInteger.valueOf(w));
        }
    }

    /**
     * The parent's schedule from its persisted profile (none: equal weights).
     *
     * @throws ClassCastException when the parent is not a VWAP
     */
    public static VwapSchedule of(ParentOrder parent) {
        Algorithm.Vwap v = (Algorithm.Vwap) parent.algorithm();
        int n = Math.toIntExact(v.horizonSecs() / v.intervalSecs());
        VolumeProfile profile = parent.profile().orElseGet(() -> VolumeProfile.none(n, "no profile"));
        return new VwapSchedule(parent.startNanos(), v.horizonSecs(), v.intervalSecs(), parent.lot(), profile, v.participationRate());
    }

    public int slices() {
        return slices;
    }

    /** True when the profile had no volume and every slice weighs the same. */
    public boolean equalWeights() {
        return equalWeights;
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

    /** What an account of {@code quantity} shares is planned to have released by the end of slice {@code k} (0..n). */
    public long plannedCum(long quantity, int k) {
        if (k >= slices) return quantity;
        if (k <= 0) return 0;
        BigInteger lots = BigInteger.valueOf(quantity / lot);
        return lots.multiply(cumWeight[k]).divide(cumWeight[slices]).longValueExact() * lot;
    }

    /** The planned quantity of slice {@code k} alone for an account of {@code quantity} shares. */
    public long plannedSlice(long quantity, int k) {
        return plannedCum(quantity, k) - plannedCum(quantity, k - 1);
    }

    /**
     * From when the market's volume counts for the participation cap, UTC epoch ns: one interval before the start, so
     * the first slice is sized on the interval that preceded it.
     */
    public long volumeFromNanos() {
        return startNanos - intervalNanos;
    }

    /**
     * The most the parent may have filled plus working after {@code marketVolume} shares traded in the instrument since
     * {@link #volumeFromNanos()}: {@code floor(participation_rate × marketVolume)} shares (not rounded to the lot).
     */
    public long participationLimit(long marketVolume) {
        return participationRate.multiply(BigDecimal.valueOf(marketVolume)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
