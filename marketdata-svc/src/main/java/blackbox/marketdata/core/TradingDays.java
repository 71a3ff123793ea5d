package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trading day of a trade: the date, in the exchange's time zone, of its UTC time (B3:
 * America/Sao_Paulo, so local midnight is 03:00 UTC, or 02:00 UTC in the old daylight-saving summers).
 *
 * <p>Fast path: per zone the current day's [start, end) in UTC epoch ns is cached, so most calls are two
 * comparisons; days of 23 or 25 hours (daylight-saving changes) come out right because the bounds are computed
 * by {@code java.time}.
 *
 * <p>Thread-safe: the cache is an immutable value in a volatile field.
 */
public final class TradingDays {
    /** B3's zone. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * One trading day's part of a window.
     *
     * @param day the exchange's trading day
     * @param fromNanos inclusive, UTC epoch ns
     * @param toNanos exclusive, UTC epoch ns
     */
    public record DayWindow(LocalDate day, long fromNanos, long toNanos) {
    }

    private record Day(LocalDate date, long startNanos, long endNanos) {
    }

    private static final class Zone {
        final ZoneId zone;
        volatile Day current = new Day(LocalDate.MIN, 0, 0);

        Zone(ZoneId zone) {
            this.zone = zone;
        }

        LocalDate of(long utcNanos) {
            Day day = current;
            if (utcNanos >= day.startNanos && utcNanos < day.endNanos) {
                return day.date;
            }
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(utcNanos, NANOS_PER_SECOND),
                    Math.floorMod(utcNanos, NANOS_PER_SECOND));
            LocalDate date = instant.atZone(zone).toLocalDate();
            current = new Day(date, startNanos(date), startNanos(date.plusDays(1)));
            return date;
        }

        long startNanos(LocalDate date) {
            Instant start = date.atStartOfDay(zone).toInstant();
            return start.getEpochSecond() * NANOS_PER_SECOND + start.getNano();
        }
    }

    private final Zone defaultZone;
    private final Map<String, Zone> byExchange = new HashMap<>();

    /** Every exchange in America/Sao_Paulo. */
    public TradingDays() {
        this(SAO_PAULO, Map.of());
    }

    /**
     * @param defaultZone the zone of exchanges not listed
     * @param zonesByExchange zone per exchange code (e.g. {@code "F" -> America/Sao_Paulo})
     */
    public TradingDays(ZoneId defaultZone, Map<String, ZoneId> zonesByExchange) {
        this.defaultZone = new Zone(Objects.requireNonNull(defaultZone, "defaultZone"));
        Map<ZoneId, Zone> shared = new HashMap<>();
        shared.put(defaultZone, this.defaultZone);
        zonesByExchange.forEach((exchange, zone) ->
                byExchange.put(exchange, shared.computeIfAbsent(zone, Zone::new)));
    }

    /**
     * @param utcNanos UTC epoch ns (a trade's time)
     * @return the exchange's local date at that instant
     */
    public LocalDate of(InstrumentId instrument, long utcNanos) {
        return zone(instrument).of(utcNanos);
    }

    /**
     * @return the UTC epoch ns at which the exchange's trading day begins (local midnight, or the first instant
     *     after it when a daylight-saving change skips midnight); saturated to the long range
     */
    public long startNanos(InstrumentId instrument, LocalDate day) {
        Instant start = day.atStartOfDay(zone(instrument).zone).toInstant();
        try {
            return Math.addExact(Math.multiplyExact(start.getEpochSecond(), NANOS_PER_SECOND), start.getNano());
        } catch (ArithmeticException e) {
            return start.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Splits a window into the exchange's trading days, ascending: every window but the first starts at a
     * day's start, every one but the last ends at the next day's start.
     *
     * @param fromNanos inclusive, UTC epoch ns
     * @param toNanos exclusive, UTC epoch ns
     * @return the days' parts; empty when {@code fromNanos >= toNanos}
     */
    public List<DayWindow> split(InstrumentId instrument, long fromNanos, long toNanos) {
        List<DayWindow> windows = new ArrayList<>();
        long cursor = fromNanos;
        LocalDate day = of(instrument, fromNanos);
        while (cursor < toNanos) {
            long next = startNanos(instrument, day.plusDays(1));
            long end = Math.min(toNanos, next);
            if (end <= cursor) break; // cannot happen for a valid zone; never loop forever
            windows.add(new DayWindow(day, cursor, end));
            cursor = end;
            day = day.plusDays(1);
        }
        return windows;
    }

    private Zone zone(InstrumentId instrument) {
        return byExchange.getOrDefault(instrument.exchange(), defaultZone);
    }
}
