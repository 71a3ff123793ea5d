package blackbox.gateway.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Converts the DLL's exchange-local times to UTC and back. The DLL reports times in the exchange's local
 * clock (SYSTEMTIME fields, TDateTime, "dd/MM/yyyy HH:mm:ss" strings; profitdll-api.md §2.5); BlackBox
 * keeps UTC epoch nanoseconds. The zone comes from tzdb ({@code America/Sao_Paulo} by default), so dates
 * from Brazil's daylight-saving years convert right.
 *
 * <p>{@link #localToUtcNanos} is on the callback hot path: it caches the offset of the last local hour, so
 * it allocates nothing while trades stay within one hour. Not thread-safe: one instance per thread.
 */
public final class ExchangeClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final DateTimeFormatter DLL_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** TDateTime day 0 is 1899-12-30. */
    private static final long TDATETIME_EPOCH_DAY = LocalDateTime.of(1899, 12, 30, 0, 0).toLocalDate().toEpochDay();

    private final ZoneId zone;
    private final ZoneRules rules;
    private long cachedLocalHour = Long.MIN_VALUE;
    private long cachedOffsetSeconds;

    public ExchangeClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Exchange-local calendar fields (as in a SYSTEMTIME) to UTC epoch nanoseconds. */
    public long localToUtcNanos(int year, int month, int day, int hour, int minute, int second, int millis) {
        long epochDay = epochDay(year, month, day);
        long localSeconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        long localHour = localSeconds / 3_600L;
        if (localHour != cachedLocalHour) {
            LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, 0);
            cachedOffsetSeconds = rules.getOffset(ldt).getTotalSeconds();
            cachedLocalHour = localHour;
        }
        return (localSeconds - cachedOffsetSeconds) * NANOS_PER_SECOND + millis * 1_000_000L;
    }

    /** A Delphi TDateTime in exchange-local time (GetServerClock) to UTC epoch nanoseconds (ms precision). */
    public long tDateTimeToUtcNanos(double tDateTime) {
        long millisOfLocal = Math.round((tDateTime - Math.floor(tDateTime)) * 86_400_000d);
        long localEpochDay = TDATETIME_EPOCH_DAY + (long) Math.floor(tDateTime);
        LocalDateTime local = java.time.LocalDate.ofEpochDay(localEpochDay).atStartOfDay().plusNanos(millisOfLocal * 1_000_000L);
        ZoneOffset offset = rules.getOffset(local);
        return local.toEpochSecond(offset) * NANOS_PER_SECOND + local.getNano();
    }

    /** UTC epoch nanoseconds as the DLL's request date text {@code dd/MM/yyyy HH:mm:ss}, exchange-local. */
    public String toDllDateTime(long utcNanos) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(utcNanos, NANOS_PER_SECOND), Math.floorMod(utcNanos, NANOS_PER_SECOND));
        return DLL_DATE_TIME.format(instant.atZone(zone));
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}
