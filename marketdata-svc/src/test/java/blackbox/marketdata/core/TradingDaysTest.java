package blackbox.marketdata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import blackbox.testkit.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingDaysTest {
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    private final TradingDays days = new TradingDays();

    @ParameterizedTest(name = "{0} is B3 day {1}")
    @CsvSource({
        "2024-03-15T02:59:59.999999999Z, 2024-03-14",  // 23:59:59.999999999 in Sao Paulo
        "2024-03-15T03:00:00Z,           2024-03-15",  // local midnight
        "2024-03-15T13:00:00Z,           2024-03-15",
        "2024-03-16T02:59:59Z,           2024-03-15",
        // summer time began at local midnight of 2018-11-04 (00:00 -03 became 01:00 -02): a 23-hour day
        "2018-11-04T02:59:59Z,           2018-11-03",
        "2018-11-04T03:00:00Z,           2018-11-04",
        "2018-11-05T01:59:59Z,           2018-11-04",
        "2018-11-05T02:00:00Z,           2018-11-05",
        // summer time ended at local midnight of 2019-02-17 (00:00 -02 became 23:00 -03 of the 16th): 25 hours
        "2019-02-16T01:59:59Z,           2019-02-15",
        "2019-02-16T02:00:00Z,           2019-02-16",
        "2019-02-17T02:30:00Z,           2019-02-16",
        "2019-02-17T02:59:59.999999999Z, 2019-02-16",
        "2019-02-17T03:00:00Z,           2019-02-17",
        "1969-12-31T23:00:00Z,           1969-12-31",  // before the epoch: negative nanos
    })
    void theTradingDayIsTheSaoPauloDate(String utc, LocalDate expected) {
        assertEquals(expected, days.of(PETR4, nanos(utc)));
    }

    @Test
    void theCachedDayDoesNotLeakIntoTheNextOrThePrevious() {
        long midnight = nanos("2019-02-17T03:00:00Z");
        assertEquals(LocalDate.of(2019, 2, 17), days.of(PETR4, midnight));
        assertEquals(LocalDate.of(2019, 2, 16), days.of(PETR4, midnight - 1));
        assertEquals(LocalDate.of(2019, 2, 17), days.of(PETR4, midnight));
        assertEquals(LocalDate.of(2019, 2, 16), days.of(PETR4, nanos("2019-02-16T02:00:00Z")));
        assertEquals(LocalDate.of(2019, 2, 15), days.of(PETR4, nanos("2019-02-16T02:00:00Z") - 1));
    }

    @Test
    void anExchangeMayHaveItsOwnZone() {
        TradingDays zoned = new TradingDays(TradingDays.SAO_PAULO, Map.of("XNYS", ZoneId.of("America/New_York")));
        long t = nanos("2024-03-15T03:30:00Z"); // 00:30 in Sao Paulo, 23:30 the day before in New York
        assertEquals(LocalDate.of(2024, 3, 14), zoned.of(new InstrumentId("AAPL", "XNYS"), t));
        assertEquals(LocalDate.of(2024, 3, 15), zoned.of(PETR4, t));
    }

    @Test
    void agreesWithJavaTimeForRandomAndMonotonicTimes() {
        long seed = Seeds.seed("TradingDaysTest.agreesWithJavaTimeForRandomAndMonotonicTimes");
        Random random = new Random(seed);
        ZoneId zone = TradingDays.SAO_PAULO;
        long from = nanos("2015-01-01T00:00:00Z");
        long to = nanos("2026-01-01T00:00:00Z");
        long t = from;
        for (int i = 0; i < 200_000; i++) {
            t = random.nextInt(10) == 0 ? from + (long) (random.nextDouble() * (to - from))
                    : t + random.nextLong(3_600_000_000_000L);
            LocalDate expected = Instant.ofEpochSecond(0, t).atZone(zone).toLocalDate();
            assertEquals(expected, days.of(PETR4, t), "seed=" + seed + " t=" + t);
        }
    }

    @Test
    void aWindowSplitsIntoTradingDaysAtLocalMidnight() {
        long from = nanos("2024-03-14T15:00:00Z");
        long to = nanos("2024-03-16T12:00:00Z");
        assertEquals(List.of(
                new TradingDays.DayWindow(LocalDate.of(2024, 3, 14), from, nanos("2024-03-15T03:00:00Z")),
                new TradingDays.DayWindow(LocalDate.of(2024, 3, 15), nanos("2024-03-15T03:00:00Z"), nanos("2024-03-16T03:00:00Z")),
                new TradingDays.DayWindow(LocalDate.of(2024, 3, 16), nanos("2024-03-16T03:00:00Z"), to)),
                days.split(PETR4, from, to));
    }

    @Test
    void aWindowInsideOneDayIsOneWindowAndAnEmptyWindowNone() {
        long from = nanos("2024-03-15T13:00:00Z");
        assertEquals(List.of(new TradingDays.DayWindow(LocalDate.of(2024, 3, 15), from, from + 1)), days.split(PETR4, from, from + 1));
        assertEquals(List.of(), days.split(PETR4, from, from));
        assertEquals(List.of(), days.split(PETR4, from, from - 1));
    }

    @Test
    void aWindowEndingAtMidnightDoesNotReachTheNextDay() {
        long midnight = nanos("2024-03-15T03:00:00Z");
        assertEquals(List.of(new TradingDays.DayWindow(LocalDate.of(2024, 3, 14), midnight - 10, midnight)),
                days.split(PETR4, midnight - 10, midnight));
    }

    @Test
    void daylightSavingDaysOf23And25HoursSplitWhereJavaTimeSays() {
        // 2018-11-04 began at 01:00 -02 (03:00Z); 2019-02-16 lasted 25 hours (02:00Z to 03:00Z the next day)
        assertEquals(nanos("2018-11-04T03:00:00Z"), days.startNanos(PETR4, LocalDate.of(2018, 11, 4)));
        assertEquals(nanos("2018-11-05T02:00:00Z"), days.startNanos(PETR4, LocalDate.of(2018, 11, 5)));
        var split = days.split(PETR4, nanos("2019-02-16T00:00:00Z"), nanos("2019-02-18T00:00:00Z"));
        assertEquals(List.of(LocalDate.of(2019, 2, 15), LocalDate.of(2019, 2, 16), LocalDate.of(2019, 2, 17)),
                split.stream().map(TradingDays.DayWindow::day).toList());
        assertEquals(25 * 3_600_000_000_000L, split.get(1).toNanos() - split.get(1).fromNanos());
    }

    @Test
    void splitWindowsCoverTheWindowExactlyAndEachLiesInItsDay() {
        long seed = Seeds.seed("TradingDaysTest.splitWindowsCoverTheWindowExactlyAndEachLiesInItsDay");
        Random random = new Random(seed);
        long base = nanos("2015-01-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            long from = base + (long) (random.nextDouble() * 11 * 365 * 86_400_000_000_000L);
            long to = from + 1 + random.nextLong(40 * 86_400_000_000_000L);
            var split = days.split(PETR4, from, to);
            assertEquals(from, split.getFirst().fromNanos(), "seed=" + seed);
            assertEquals(to, split.getLast().toNanos(), "seed=" + seed);
            for (int k = 0; k < split.size(); k++) {
                var w = split.get(k);
                assertTrue(w.fromNanos() < w.toNanos(), "seed=" + seed + " " + w);
                assertEquals(w.day(), days.of(PETR4, w.fromNanos()), "seed=" + seed + " " + w);
                assertEquals(w.day(), days.of(PETR4, w.toNanos() - 1), "seed=" + seed + " " + w);
                if (k > 0) assertEquals(split.get(k - 1).toNanos(), w.fromNanos(), "seed=" + seed);
                if (k > 0) assertEquals(split.get(k - 1).day().plusDays(1), w.day(), "seed=" + seed);
            }
        }
    }

    private static long nanos(String utc) {
        Instant i = Instant.parse(utc);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
