package blackbox.oms.algo;

/**
 * Where a VWAP's volume profile comes from (candle-svc's stored 1m candles in service). Called once per new VWAP parent,
 * on the request's thread, before it is persisted; the profile is then the parent's and is never fetched again.
 */
public interface VolumeProfiles {
    /**
     * The profile of a VWAP parent's schedule (one weight per slice). Never throws: when the history cannot be had
     * (no source configured, unavailable, no candles) it answers {@link VolumeProfile#none} saying why, and the schedule
     * falls back to equal weights.
     */
    VolumeProfile profile(ParentOrder parent);

    /** No history source: every VWAP gets equal weights. */
    VolumeProfiles NONE = parent -> {
        var v = (blackbox.oms.core.Algorithm.Vwap) parent.algorithm();
        return VolumeProfile.none(Math.toIntExact(v.horizonSecs() / v.intervalSecs()), "no candle-svc configured");
    };
}
