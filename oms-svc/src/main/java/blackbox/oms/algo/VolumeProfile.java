package blackbox.oms.algo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VWAP's volume profile, fixed when its parent is created and persisted in the parent's definition: one weight per
 * slice, the instrument's historical volume in that slice's time-of-day window.
 *
 * <p>Unit of a weight: shares × milliseconds, summed over the sessions — a 1m candle of volume {@code v} adds
 * {@code v × overlap} for the milliseconds its minute overlaps the window (so a slice shorter than a minute gets its
 * share of the minute, assuming volume even within the minute). Proportional to the average volume per session in the
 * window; only the ratios matter.
 *
 * @param weights per slice, index 0 is slice 1; each &gt;= 0; all 0 when there is no history
 * @param sessions how many sessions the history asked for ({@code profile_sessions})
 * @param source where it came from, for the parent's text and log ({@code "candle-svc 1m, 20 sessions"},
 *     {@code "no candle-svc configured"}, ...)
 */
public record VolumeProfile(List<Long> weights, int sessions, String source) {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long MINUTE_MILLIS = 60_000L;

    public VolumeProfile {
        weights = List.copyOf(weights);
        Objects.requireNonNull(source, "source");
        for (long w : weights) if (w < 0) throw new IllegalArgumentException("weights must be >= 0: " + weights);
    }

    /** No history: every slice weighs the same (a TWAP), and {@code why} says so. */
    public static VolumeProfile none(int slices, String why) {
        return new VolumeProfile(java.util.Collections.nCopies(slices, 0L), 0, why);
    }

    /** True when there is no volume at all (the schedule falls back to equal weights). */
    public boolean isEmpty() {
        for (long w : weights) if (w > 0) return false;
        return true;
    }

    /** One stored 1m candle: its bucket's start (UTC epoch ns) and its volume (shares). */
    public record MinuteVolume(long bucketStartNanos, long volume) {
    }

    /**
     * The profile of a schedule from 1m candles. Slice {@code k} (1..n) of session {@code d} is the window
     * {@code [d at T + (k - 1) × interval, d at T + k × interval)}, {@code T} the parent's start as a local time of
     * {@code zone}; candles of days not in {@code sessions} are ignored. Pure.
     *
     * @param startNanos the parent's start, UTC epoch ns (only its local time of day is used)
     * @param sessions the B3 sessions to average (the last N before the parent's trade date)
     */
    public static VolumeProfile of(Collection<MinuteVolume> candles, Collection<LocalDate> sessions, long startNanos,
                                   long horizonSecs, long intervalSecs, ZoneId zone, String source) {
        if (horizonSecs <= 0 || intervalSecs <= 0 || horizonSecs % intervalSecs != 0) {
            throw new IllegalArgumentException("interval must divide horizon: " + horizonSecs + "/" + intervalSecs);
        }
        int n = Math.toIntExact(horizonSecs / intervalSecs);
        long intervalMillis = intervalSecs * 1_000L;
        Instant start = Instant.ofEpochSecond(0, startNanos);
        LocalTime timeOfDay = start.atZone(zone).toLocalTime();
        Map<LocalDate, Long> windowStart = new HashMap<>();
        for (LocalDate d : sessions) windowStart.put(d, ZonedDateTime.of(d, timeOfDay, zone).toInstant().toEpochMilli());
        long[] w = new long[n];
        for (MinuteVolume c : candles) {
            if (c.volume() <= 0) continue;
            long from = Math.floorDiv(c.bucketStartNanos(), NANOS_PER_MILLI);
            LocalDate day = Instant.ofEpochMilli(from).atZone(zone).toLocalDate();
            Long ws = windowStart.get(day);
            if (ws == null) continue;
            long to = from + MINUTE_MILLIS;
            long end = ws + n * intervalMillis;
            if (to <= ws || from >= end) continue;
            int k = (int) Math.max(0, Math.floorDiv(from - ws, intervalMillis));
            for (; k < n; k++) {
                long a = ws + k * intervalMillis;
                long b = a + intervalMillis;
                if (a >= to) break;
                long overlap = Math.min(b, to) - Math.max(a, from);
                if (overlap > 0) w[k] = Math.addExact(w[k], Math.multiplyExact(c.volume(), overlap));
            }
        }
        List<Long> out = new ArrayList<>(n);
        for (long x : w) out.add(x);
        return new VolumeProfile(out, sessions.size(), source);
    }
}
