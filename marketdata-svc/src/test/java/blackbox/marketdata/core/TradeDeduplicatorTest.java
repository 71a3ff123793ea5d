package blackbox.marketdata.core;

import static blackbox.marketdata.core.TradeRows.DAY;
import static blackbox.marketdata.core.TradeRows.PETR4;
import static blackbox.marketdata.core.TradeRows.VALE3;
import static blackbox.marketdata.core.TradeRows.edit;
import static blackbox.marketdata.core.TradeRows.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradeDeduplicatorTest {
    private final TradeDeduplicator dedup = new TradeDeduplicator();

    /** Offers in order; "n" new, "d" duplicate. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1 2 3           | n n n",
        "1 2 1 2         | n n d d",
        "100 50 100 50   | n n d d",        // lower numbers after the first are remembered too
        "0 63 64 65 64 0 | n n n n d d",    // word boundaries
        "4000000 1 4000000 1 | n n d d",    // a whole busy day fits one window
    })
    void aTradeIsNewOnlyTheFirstTime(String numbers, String expected) {
        List<String> answers = new ArrayList<>();
        for (String n : numbers.trim().split(" +")) {
            answers.add(dedup.firstTime(trade(Long.parseLong(n))) ? "n" : "d");
        }
        assertEquals(expected.trim(), String.join(" ", answers));
    }

    @Test
    void theSameNumberOnAnotherInstrumentOrDayIsAnotherTrade() {
        assertTrue(dedup.firstTime(trade(PETR4, DAY, 7)));
        assertTrue(dedup.firstTime(trade(VALE3, DAY, 7)));
        assertTrue(dedup.firstTime(trade(PETR4, DAY.plusDays(1), 7)));
        assertFalse(dedup.firstTime(trade(PETR4, DAY, 7)));
    }

    @Test
    void anEditIsNewTheFirstTimeItsContentIsSeenAndNeverHidesTheTrade() {
        assertTrue(dedup.firstTime(trade(7)));
        assertTrue(dedup.firstTime(edit(7, 38.6, 100)));
        assertFalse(dedup.firstTime(edit(7, 38.6, 100)));
        assertTrue(dedup.firstTime(edit(7, 38.7, 100)), "another price is another edit");
        assertTrue(dedup.firstTime(edit(7, 38.6, 200)), "another quantity is another edit");
        assertTrue(dedup.firstTime(edit(8, 38.6, 100)), "an edit of a trade not yet seen");
        assertTrue(dedup.firstTime(trade(8)), "the edit did not mark the trade as seen");
    }

    @Test
    void forgettingADayMakesItsTradesNewAgainButKeepsLaterDays() {
        dedup.firstTime(trade(PETR4, DAY, 1));
        dedup.firstTime(trade(PETR4, DAY.plusDays(1), 1));
        dedup.forgetBefore(DAY.plusDays(1));
        assertTrue(dedup.firstTime(trade(PETR4, DAY, 1)));
        assertFalse(dedup.firstTime(trade(PETR4, DAY.plusDays(1), 1)));
    }

    @Test
    void forgettingOneInstrumentsDayLeavesItsOtherDaysAndOtherInstrumentsAlone() {
        dedup.firstTime(trade(PETR4, DAY, 1));
        dedup.firstTime(edit(1, 38.6, 100));
        dedup.firstTime(trade(PETR4, DAY.plusDays(1), 1));
        dedup.firstTime(trade(VALE3, DAY, 1));
        dedup.forget(PETR4, DAY);
        assertTrue(dedup.firstTime(trade(PETR4, DAY, 1)));
        assertTrue(dedup.firstTime(edit(1, 38.6, 100)), "the day's edits are forgotten too");
        assertFalse(dedup.firstTime(trade(PETR4, DAY.plusDays(1), 1)));
        assertFalse(dedup.firstTime(trade(VALE3, DAY, 1)));
    }

    @Test
    void aNumberAboveTheWindowSlidesItForgettingTheLowest() {
        TradeDeduplicator small = new TradeDeduplicator(128);
        assertTrue(small.firstTime(trade(0)));
        assertTrue(small.firstTime(trade(127)));
        assertTrue(small.firstTime(trade(191))); // window now [64, 192)
        assertTrue(small.firstTime(trade(0)), "below the window: assumed new");
        assertTrue(small.firstTime(trade(0)), "and not remembered");
        assertFalse(small.firstTime(trade(127)));
        assertFalse(small.firstTime(trade(191)));
        assertEquals(16, small.bitmapBytes());
    }

    @Test
    void theWindowExtendsDownwardsWhileTheSpanFits() {
        TradeDeduplicator small = new TradeDeduplicator(256);
        assertTrue(small.firstTime(trade(1000)));
        assertTrue(small.firstTime(trade(800)));  // span [768, 1024) fits
        assertFalse(small.firstTime(trade(800)));
        assertFalse(small.firstTime(trade(1000)));
        assertTrue(small.firstTime(trade(700)));  // would need [640, 1024): assumed new
        assertTrue(small.firstTime(trade(700)));
    }

    @Test
    void memoryGrowsWithTheNumbersSeenNotWithTheWindow() {
        for (int n = 1; n <= 50_000; n++) {
            dedup.firstTime(trade(n));
        }
        assertTrue(dedup.bitmapBytes() <= 16 * 1024, "bytes=" + dedup.bitmapBytes());
        for (int n = 1; n <= 5_000_000; n += 7) {
            dedup.firstTime(trade(n));
        }
        assertEquals(TradeDeduplicator.DEFAULT_WINDOW_BITS / 8, dedup.bitmapBytes());
    }

    @Test
    void aBackfillFromTheTopDownIsRememberedWithoutCopyingTheWindowEachTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (long n = 3_000_000; n >= 1; n--) {
                assertTrue(dedup.firstTime(trade(n)));
            }
            for (long n = 1; n <= 3_000_000; n += 997) {
                assertFalse(dedup.firstTime(trade(n)));
            }
        });
    }

    @Test
    void aDayLongerThanTheWindowSlidesWithoutCopyingTheWindowEachTime() {
        TradeDeduplicator small = new TradeDeduplicator(64 * 1024);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (long n = 1; n <= 3_000_000; n++) {
                assertTrue(small.firstTime(trade(n)));
            }
            assertFalse(small.firstTime(trade(3_000_000 - 64 * 512)), "the last half window is remembered");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -64, 100})
    void rejectsAWindowThatIsNotAPositiveMultipleOf64(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TradeDeduplicator(bits));
        assertEquals("must be a positive multiple of 64: windowBits=" + bits, e.getMessage());
    }

    @Test
    void agreesWithASetWithinTheWindowBelowTheHighestAndNeverCallsANewTradeADuplicate() {
        long seed = Seeds.seed(
                "TradeDeduplicatorTest.agreesWithASetWithinTheWindowBelowTheHighestAndNeverCallsANewTradeADuplicate");
        Random random = new Random(seed);
        for (int round = 0; round < 100; round++) {
            int window = 64 * (1 + random.nextInt(64));
            boolean jumps = random.nextBoolean();
            TradeDeduplicator d = new TradeDeduplicator(window);
            Set<Long> oracle = new HashSet<>();
            long base = random.nextInt(10_000);
            long high = base;
            for (int i = 0; i < 3_000; i++) {
                long n;
                if (jumps && random.nextInt(200) == 0) {
                    n = high + random.nextInt(3 * window); // far ahead: the window slides
                } else if (jumps) {
                    n = Math.max(0, high - random.nextInt(window * 2)) + random.nextInt(4);
                } else {
                    n = base + random.nextInt(window - 63); // span always fits: exact
                }
                high = Math.max(high, n);
                boolean isNew = oracle.add(n);
                boolean answer = d.firstTime(trade(PETR4, DAY, n));
                String context = "seed=" + seed + " round=" + round + " i=" + i + " n=" + n + " window=" + window;
                if (isNew) {
                    assertTrue(answer, "a new trade called a duplicate: " + context);
                } else if (Math.floorDiv(n, 64) > Math.floorDiv(high, 64) - window / 64) {
                    assertFalse(answer, "a duplicate inside the window called new: " + context);
                }
            }
        }
    }
}
