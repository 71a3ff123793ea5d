package blackbox.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeClockTest {
    private final ExchangeClock clock = new ExchangeClock(ZoneId.of("America/Sao_Paulo"));

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @ParameterizedTest(name = "{0}-{1}-{2} {3}:{4}:{5}.{6} local is {7}")
    @CsvSource({
            // B3 2025: UTC-3, no daylight saving
            "2025, 3, 5, 13, 8, 21, 755, 2025-03-05T16:08:21.755Z",
            // 2018-11-04: DST began at 00:00 (clocks jumped to 01:00, UTC-2)
            "2018, 11, 3, 23, 59, 59, 0, 2018-11-04T02:59:59Z",
            "2018, 11, 4, 1, 0, 0, 0, 2018-11-04T03:00:00Z",
            "2018, 11, 5, 10, 0, 0, 0, 2018-11-05T12:00:00Z",
            // 2019-02-17: DST ended at 00:00 (clocks went back to 23:00 of the 16th, UTC-3 again)
            "2019, 2, 16, 22, 0, 0, 0, 2019-02-17T00:00:00Z",
            "2019, 2, 17, 10, 0, 0, 0, 2019-02-17T13:00:00Z",
            // leap day and the first day of the epoch
            "2024, 2, 29, 12, 0, 0, 1, 2024-02-29T15:00:00.001Z",
            "1970, 1, 1, 0, 0, 0, 0, 1970-01-01T03:00:00Z",
    })
    void localCalendarFieldsBecomeUtc(int y, int mo, int d, int h, int mi, int s, int ms, String utc) {
        assertEquals(nanos(utc), clock.localToUtcNanos(y, mo, d, h, mi, s, ms));
    }

    @ParameterizedTest
    @CsvSource({"1900-03-01", "1969-12-31", "2000-02-29", "2025-12-31", "2100-03-01"})
    void epochDayAgreesWithJavaTime(String date) {
        LocalDate d = LocalDate.parse(date);
        assertEquals(d.toEpochDay(), ExchangeClock.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }

    @org.junit.jupiter.api.Test
    void requestDatesAreLocalDllText() {
        assertEquals("05/03/2025 13:08:21", clock.toDllDateTime(nanos("2025-03-05T16:08:21.999Z")));
        assertEquals("04/11/2018 01:00:00", clock.toDllDateTime(nanos("2018-11-04T03:00:00Z")));
    }

    @org.junit.jupiter.api.Test
    void delphiTDateTimeIsLocal() {
        // 45721.5 days after 1899-12-30 is 2025-03-06 12:00 local, 15:00 UTC
        assertEquals(nanos("2025-03-06T15:00:00Z"), clock.tDateTimeToUtcNanos(45722.5));
    }
}
