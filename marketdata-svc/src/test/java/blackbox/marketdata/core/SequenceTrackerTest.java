package blackbox.marketdata.core;

import static blackbox.marketdata.core.TradeRows.DAY;
import static blackbox.marketdata.core.TradeRows.PETR4;
import static blackbox.marketdata.core.TradeRows.VALE3;
import static blackbox.marketdata.core.TradeRows.edit;
import static blackbox.marketdata.core.TradeRows.timeOf;
import static blackbox.marketdata.core.TradeRows.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blackbox.marketdata.core.SequenceTracker.Hole;
import blackbox.testkit.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker();

    /**
     * Arrivals in order; holes as "first-last" reported (in arrival order), and those still open at the end.
     */
    @ParameterizedTest(name = "{0} reports [{1}], leaves [{2}] open")
    @CsvSource(delimiter = '|', value = {
        "1 2 3 4        | ''          | ''",
        "5 6 7          | ''          | ''",          // the first trade is the baseline
        "1 2 5 6        | 3-4         | 3-4",
        "1 3 5 9        | 2-2 4-4 6-8 | 2-2 4-4 6-8",
        "1 4 2 3        | 2-3         | ''",          // late arrivals fill the hole
        "1 6 3          | 2-5         | 2-2 4-5",     // a partly filled hole is split
        "1 6 2 5        | 2-5         | 3-4",
        "1 2 2 3 3      | ''          | ''",          // duplicates are ignored
        "1 4 2 2 4      | 2-3         | 3-3",
        "10 8 9 11      | ''          | ''",          // below the baseline is not a hole
        "10 12 8 13 11  | 11-11       | ''",
    })
    void reportsEachHoleOnceAndFillsItWithLateArrivals(String arrivals, String reported, String open) {
        List<String> holes = new ArrayList<>();
        for (String n : arrivals.trim().split(" +")) {
            tracker.observe(trade(Long.parseLong(n))).ifPresent(h -> holes.add(range(h)));
        }
        assertEquals(reported.trim(), String.join(" ", holes));
        assertEquals(open.trim(), String.join(" ", tracker.openHoles(PETR4, DAY).stream().map(h -> range(h)).toList()));
    }

    @Test
    void aHoleCarriesTheTimesOfTheTradesAroundIt() {
        tracker.observe(trade(PETR4, DAY, 7, 1_000));
        Optional<Hole> hole = tracker.observe(trade(PETR4, DAY, 10, 5_000));
        assertEquals(Optional.of(new Hole(PETR4, DAY, 8, 9, 1_000, 5_000)), hole);
        assertEquals(2, hole.orElseThrow().size());
    }

    @Test
    void editsAreIgnored() {
        tracker.observe(trade(1));
        assertEquals(Optional.empty(), tracker.observe(edit(5, 38.6, 100)));
        assertEquals(1, tracker.highest(PETR4, DAY));
        assertEquals(Optional.empty(), tracker.observe(trade(2)));
    }

    @Test
    void eachInstrumentAndDayHasItsOwnSequence() {
        tracker.observe(trade(PETR4, DAY, 100));
        tracker.observe(trade(VALE3, DAY, 1));
        tracker.observe(trade(PETR4, DAY.plusDays(1), 1));
        assertEquals(Optional.empty(), tracker.observe(trade(PETR4, DAY, 101)));
        assertEquals(Optional.empty(), tracker.observe(trade(VALE3, DAY, 2)));
        assertEquals(Optional.of(new Hole(PETR4, DAY.plusDays(1), 2, 2, timeOf(1), timeOf(3))),
                tracker.observe(trade(PETR4, DAY.plusDays(1), 3)));
    }

    @Test
    void forgettingADayStartsItsSequenceAfresh() {
        tracker.observe(trade(PETR4, DAY, 1));
        tracker.observe(trade(PETR4, DAY.plusDays(1), 1));
        tracker.forgetBefore(DAY.plusDays(1));
        assertEquals(-1, tracker.highest(PETR4, DAY));
        assertEquals(Optional.empty(), tracker.observe(trade(PETR4, DAY, 50)), "a new baseline");
        assertEquals(1, tracker.highest(PETR4, DAY.plusDays(1)));
    }

    @Test
    void remembersABoundedNumberOfOpenHolesForgettingTheLowest() {
        tracker.observe(trade(0));
        int holes = SequenceTracker.MAX_OPEN_HOLES + 10;
        for (int i = 1; i <= holes; i++) {
            tracker.observe(trade(2L * i));
        }
        List<Hole> open = tracker.openHoles(PETR4, DAY);
        assertEquals(SequenceTracker.MAX_OPEN_HOLES, open.size());
        assertEquals(21, open.getFirst().firstMissing());
        assertEquals(Optional.empty(), tracker.observe(trade(1)), "a forgotten hole is not reported again");
    }

    @Test
    void rejectsAnUpsideDownHole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Hole(PETR4, DAY, 5, 4, 0, 0));
        assertEquals("must be >= firstMissing 5: lastMissing=4", e.getMessage());
    }

    @Test
    void holesLeftOpenAreExactlyTheDeletedRuns() {
        long seed = Seeds.seed("SequenceTrackerTest.holesLeftOpenAreExactlyTheDeletedRuns");
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            SequenceTracker t = new SequenceTracker();
            long start = random.nextInt(1_000_000);
            int length = 2 + random.nextInt(2_000);
            boolean[] deleted = new boolean[length];
            for (int runs = random.nextInt(20); runs > 0; runs--) {
                int from = random.nextInt(length);
                Arrays.fill(deleted, from, Math.min(length, from + 1 + random.nextInt(30)), true);
            }
            deleted[0] = false; // the first trade stays first: the baseline
            List<Long> arrivals = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (!deleted[i]) {
                    arrivals.add(start + i);
                }
            }
            boolean shuffle = random.nextBoolean();
            if (shuffle) { // slightly: swap some neighbours after the first
                for (int i = 1; i + 1 < arrivals.size(); i++) {
                    if (random.nextInt(4) == 0) {
                        Collections.swap(arrivals, i, i + 1);
                        i++;
                    }
                }
            }
            List<Hole> reported = new ArrayList<>();
            for (long n : arrivals) {
                t.observe(trade(PETR4, DAY, n)).ifPresent(reported::add);
            }

            List<String> expected = new ArrayList<>();
            long lastSeen = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow();
            for (int i = 0; i < length; i++) {
                if (deleted[i] && (i == 0 || !deleted[i - 1]) && start + i < lastSeen) {
                    int j = i;
                    while (j + 1 < length && deleted[j + 1]) {
                        j++;
                    }
                    expected.add((start + i) + "-" + (start + j));
                }
            }
            String context = "seed=" + seed + " round=" + round;
            assertEquals(expected, t.openHoles(PETR4, DAY).stream().map(h -> range(h)).toList(), context);
            if (!shuffle) {
                assertEquals(expected, reported.stream().map(h -> range(h)).toList(), "in order: " + context);
            }
            for (Hole h : t.openHoles(PETR4, DAY)) { // the window brackets the missing trades
                assertEquals(true, h.afterNanos() < timeOf(h.firstMissing()), context);
                assertEquals(true, h.beforeNanos() > timeOf(h.lastMissing()), context);
            }
        }
    }

    private static String range(Hole h) {
        return h.firstMissing() + "-" + h.lastMissing();
    }
}
