package blackbox.candles.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Bucket starts, as UTC epoch ns, for one exchange time zone (tzdb rules, so pre-2019 Brazilian daylight saving
 * comes out right):
 * <ul>
 *   <li>1m: UTC minutes;</li>
 *   <li>5m/15m/60m: aligned on the local clock. When the offset changes the local clock repeats or skips, and
 *       buckets follow it: on 2019-02-16 (DST ended at 00:00 → 23:00) there are two 60m buckets labelled 23:00,
 *       at 01:00 and 02:00 UTC; a bucket is never longer than its timeframe;</li>
 *   <li>1d: the local date; its start is the first instant of that date (local midnight, or 01:00 on a day whose
 *       midnight was skipped, e.g. 2018-11-04);</li>
 *   <li>1w: the start of the local Monday.</li>
 * </ul>
 *
 * <p>Fast path: the current stretch of UTC time in which both the local date and the offset are constant is cached
 * (an immutable value in a volatile field), so a call is a comparison and some arithmetic; a miss costs a few
 * {@code java.time} calls. Thread-safe.
 */
public final class Buckets {
    /** B3's zone. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * NANOS_PER_SECOND;

    /** [fromUtc, toUtc): local date and offset constant; dayStart/weekStart of that date. */
    private record Stretch(long fromUtc, long toUtc, long offsetNanos, long dayStart, long nextDayStart,
                           long weekStart, long nextWeekStart) {
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private volatile Stretch current = new Stretch(0, 0, 0, 0, 0, 0, 0);

    /** America/Sao_Paulo. */
    public Buckets() {
        this(SAO_PAULO);
    }

    public Buckets(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * @param utcNanos an instant, UTC epoch ns (a trade's time)
     * @return the start of the bucket of {@code timeframe} containing it, UTC epoch ns
     */
    public long bucketStart(Timeframe timeframe, long utcNanos) {
        if (timeframe == Timeframe.M1) {
            return utcNanos - Math.floorMod(utcNanos, MINUTE);
        }
        Stretch s = stretch(utcNanos);
        return switch (timeframe) {
            case M1 -> throw new AssertionError();
            case M5, M15, M60 -> local(s, utcNanos, timeframe.fixedNanos());
            case D1 -> s.dayStart;
            case W1 -> s.weekStart;
        };
    }

    /**
     * All six bucket starts at once (the aggregator's path), in {@link Timeframe#ordinal()} order.
     *
     * @param out receives 6 values
     */
    public void bucketStarts(long utcNanos, long[] out) {
        out[0] = utcNanos - Math.floorMod(utcNanos, MINUTE);
        Stretch s = stretch(utcNanos);
        out[1] = local(s, utcNanos, Timeframe.M5.fixedNanos());
        out[2] = local(s, utcNanos, Timeframe.M15.fixedNanos());
        out[3] = local(s, utcNanos, Timeframe.M60.fixedNanos());
        out[4] = s.dayStart;
        out[5] = s.weekStart;
    }

    /**
     * @param bucketStart a value returned by {@link #bucketStart}
     * @return the start of the next bucket (the end of this one, exclusive), UTC epoch ns
     */
    public long bucketEnd(Timeframe timeframe, long bucketStart) {
        return switch (timeframe) {
            case M1 -> bucketStart + MINUTE;
            case M5, M15, M60 -> {
                long end = bucketStart + timeframe.fixedNanos();
                long last = bucketStart(timeframe, end - 1);
                yield last == bucketStart ? end : last; // an offset change cut the bucket short
            }
            case D1 -> stretch(bucketStart).nextDayStart;
            case W1 -> stretch(bucketStart).nextWeekStart;
        };
    }

    /** @return the local (trading session) date of an instant */
    public LocalDate sessionDate(long utcNanos) {
        return toInstant(utcNanos).atZone(zone).toLocalDate();
    }

    /** @return the first instant of a local date, UTC epoch ns */
    public long startOf(LocalDate date) {
        return nanos(date.atStartOfDay(zone).toInstant());
    }

    private static long local(Stretch s, long utcNanos, long size) {
        long local = utcNanos + s.offsetNanos;
        long start = local - Math.floorMod(local, size) - s.offsetNanos;
        return Math.max(start, s.fromUtc);
    }

    private Stretch stretch(long utcNanos) {
        Stretch s = current;
        if (utcNanos >= s.fromUtc && utcNanos < s.toUtc) {
            return s;
        }
        s = load(utcNanos);
        current = s;
        return s;
    }

    private Stretch load(long utcNanos) {
        Instant instant = toInstant(utcNanos);
        ZoneOffset offset = rules.getOffset(instant);
        LocalDate date = instant.atZone(zone).toLocalDate();
        long dayStart = startOf(date);
        long nextDayStart = startOf(date.plusDays(1));
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weekStart = startOf(monday);
        long nextWeekStart = startOf(monday.plusWeeks(1));
        long from = dayStart;
        long to = nextDayStart;
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
        if (previous != null) {
            from = Math.max(from, nanos(previous.getInstant()));
        }
        ZoneOffsetTransition next = rules.nextTransition(instant);
        if (next != null) {
            to = Math.min(to, nanos(next.getInstant()));
        }
        return new Stretch(from, to, offset.getTotalSeconds() * NANOS_PER_SECOND, dayStart, nextDayStart,
                weekStart, nextWeekStart);
    }

    static Instant toInstant(long utcNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(utcNanos, NANOS_PER_SECOND), Math.floorMod(utcNanos, NANOS_PER_SECOND));
    }

    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }
}
