package blackbox.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class B3CalendarTest {
    final B3Calendar calendar = B3Calendar.instance();

    @ParameterizedTest(name = "{0} is closed")
    @ValueSource(strings = {
        // 2025 [B1][B2]
        "2025-01-01", "2025-03-03", "2025-03-04", "2025-04-18", "2025-04-21", "2025-05-01", "2025-06-19",
        "2025-11-20", "2025-12-24", "2025-12-25", "2025-12-31",
        // 2026 [B5][B6]
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-04-21", "2026-05-01", "2026-06-04",
        "2026-09-07", "2026-10-12", "2026-11-02", "2026-11-20", "2026-12-24", "2026-12-25", "2026-12-31",
        // 2023 [B7] (by the rules)
        "2023-02-20", "2023-02-21", "2023-04-07", "2023-04-21", "2023-05-01", "2023-06-08", "2023-09-07",
        "2023-10-12", "2023-11-02",
        // the first national Consciência Negra [B4]
        "2024-11-20"})
    void theDocumentsClosedDaysAreNotBusinessDays(String date) {
        assertFalse(calendar.isBusinessDay(LocalDate.parse(date)));
    }

    @ParameterizedTest(name = "{0} is open")
    @ValueSource(strings = {"2025-03-05", "2026-02-18", "2023-02-22", "2025-07-09", "2026-07-09", "2023-11-20",
        "2025-01-24", "2026-01-26"})
    void ashWednesdayAndSaoPauloHolidaysSince2022AreBusinessDays(String date) {
        assertTrue(calendar.isBusinessDay(LocalDate.parse(date)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void theRulesReproduceThePublishedLists(int year) {
        assertEquals(calendar.holidays(year), B3Calendar.ruleBased(year));
    }

    @Test
    void beforeTheReformSaoPauloHolidaysClosedAndAWeekendNewYearsEveClosesTheFridayBefore() {
        assertFalse(calendar.isBusinessDay(LocalDate.of(2021, 1, 25)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2019, 7, 9)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2022, 12, 30))); // 31 Dec 2022 was a Saturday
        assertFalse(calendar.isBusinessDay(LocalDate.of(2023, 12, 29))); // 31 Dec 2023 was a Sunday
        assertTrue(calendar.isBusinessDay(LocalDate.of(2022, 12, 29)));
        assertEquals(LocalDate.of(2024, 3, 31), B3Calendar.easterSunday(2024));
        assertEquals(LocalDate.of(2027, 3, 28), B3Calendar.easterSunday(2027));
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
        "2025-04-10, 2, 2025-04-14",  // Thu -> over the weekend
        "2025-04-11, 2, 2025-04-15",  // Fri
        "2025-04-16, 2, 2025-04-22",  // Wed -> Thu, then Good Friday, weekend, Tiradentes
        "2025-04-17, 1, 2025-04-22",
        "2025-02-28, 2, 2025-03-06",  // Carnival Mon/Tue, Ash Wednesday is a business day: Wed 5 = D+1
        "2025-12-23, 2, 2025-12-29",  // 24 and 25 Dec closed
        "2025-12-30, 2, 2026-01-05",  // 31 Dec and 1 Jan closed
        "2025-04-12, 0, 2025-04-14",  // a Saturday's D+0 is the next business day
        "2026-11-19, 1, 2026-11-23"})
    void settlementDatesSkipWeekendsAndHolidays(String from, int days, String expected) {
        assertEquals(LocalDate.parse(expected), calendar.plusBusinessDays(LocalDate.parse(from), days));
    }

    @Test
    void negativeDaysAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> calendar.plusBusinessDays(LocalDate.of(2025, 1, 2), -1));
        assertEquals("days must be >= 0: days=-1", e.getMessage());
    }
}
