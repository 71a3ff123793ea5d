package blackbox.candles.core;

import static blackbox.candles.core.CandleAggregatorPropertyTest.naive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's service-facing operations: seeding stored 1m candles after a restart, replacing a minute with
 * the reprocess job's rebuild (without losing trades the rebuild did not see), and evicting old weeks.
 */
class CandleAggregatorStateTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final Buckets BUCKETS = new Buckets();
    static final long MONDAY = BucketsTest.ns("2025-04-07T13:00:00Z");
    static final long MINUTE = 60_000_000_000L;

    static List<Trade> randomTrades(SplittableRandom random, long from, long span, int n, long firstNumber) {
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Trade(PETR4, from + random.nextLong(span), Math.round(random.nextDouble(30, 40) * 100) / 100.0,
                    random.nextLong(1, 500) * 100, firstNumber + i, random.nextInt(1, 5)));
        }
        out.sort(java.util.Comparator.comparingLong(Trade::time));
        return out;
    }

    static void feed(CandleAggregator a, List<Trade> trades) {
        int idx = a.register(PETR4);
        for (Trade t : trades) a.onTrade(idx, t.time(), t.price(), t.quantity(), t.number(), t.type());
    }

    @Test
    void seedingStoredMinutesThenAddingTradesEqualsAggregatingEverythingAndReportsNoSeededCandle() {
        SplittableRandom random = new SplittableRandom(7);
        List<Trade> before = randomTrades(random, MONDAY, 2 * 86_400_000_000_000L, 3000, 1);
        List<Trade> after = randomTrades(random, MONDAY + 2 * 86_400_000_000_000L, 86_400_000_000_000L, 2000, 10_000);

        CandleAggregator first = new CandleAggregator(BUCKETS);
        feed(first, before);
        List<Candle> stored = first.candles(PETR4, Timeframe.M1);

        CandleAggregator restarted = new CandleAggregator(BUCKETS);
        restarted.seed(restarted.register(PETR4), stored);
        List<Candle> reported = new ArrayList<>();
        restarted.drainChanges(listener(reported));
        assertEquals(List.of(), reported, "seeded candles are already stored: not reported");

        feed(restarted, after);
        List<Trade> all = new ArrayList<>(before);
        all.addAll(after);
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(List.copyOf(naive(BUCKETS, PETR4, tf, all).values()), restarted.candles(PETR4, tf), tf.label());
        }
        restarted.drainChanges(listener(reported));
        Set<Long> changedMinutes = reported.stream().filter(c -> c.timeframe() == Timeframe.M1)
                .map(Candle::bucketStart).collect(Collectors.toSet());
        Set<Long> afterMinutes = after.stream().map(t -> t.time() - Math.floorMod(t.time(), MINUTE))
                .collect(Collectors.toSet());
        assertEquals(afterMinutes, changedMinutes, "only the minutes with new trades are reported");
    }

    @Test
    void seedingAMinuteAlreadyHeldIsRefused() {
        CandleAggregator a = new CandleAggregator(BUCKETS);
        feed(a, List.of(new Trade(PETR4, MONDAY + 5, 10.0, 100, 1, 2)));
        List<Candle> held = a.candles(PETR4, Timeframe.M1);
        assertThrows(IllegalArgumentException.class, () -> a.seed(a.register(PETR4), held));
    }

    @Test
    void replacingAMinuteKeepsTradesTheRebuildDidNotCount() {
        // in memory: trades 1..4 of one minute; the store (read before trade 4 was stored) has 1..3 plus trade 9,
        // which never reached the engine (it arrived while candle-svc was down)
        long minute = MONDAY + 10 * MINUTE;
        List<Trade> inMemory = List.of(new Trade(PETR4, minute + 1_000, 10.00, 100, 1, 2),
                new Trade(PETR4, minute + 2_000, 10.50, 200, 2, 3), new Trade(PETR4, minute + 3_000, 9.90, 300, 3, 2),
                new Trade(PETR4, minute + 50_000_000_000L, 10.20, 400, 4, 3));
        Trade missed = new Trade(PETR4, minute + 30_000_000_000L, 11.00, 500, 9, 2);
        CandleAggregator a = new CandleAggregator(BUCKETS);
        feed(a, inMemory);

        List<Trade> storeView = List.of(inMemory.get(0), inMemory.get(1), inMemory.get(2), missed);
        Candle rebuilt = naive(BUCKETS, PETR4, Timeframe.M1, storeView).get(minute);
        long[] counted = {1, 2, 3, 9};
        a.replaceMinute(a.register(PETR4), minute, rebuilt, n -> java.util.Arrays.binarySearch(counted, n) >= 0);

        List<Trade> all = new ArrayList<>(inMemory);
        all.add(missed);
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(List.copyOf(naive(BUCKETS, PETR4, tf, all).values()), a.candles(PETR4, tf), tf.label());
        }
    }

    @Test
    void replacingAMinuteWithNothingRemovesItAndItsShareOfHigherCandles() {
        long minute = MONDAY + 10 * MINUTE;
        Trade keep = new Trade(PETR4, minute + MINUTE + 5, 20.0, 100, 2, 2);
        CandleAggregator a = new CandleAggregator(BUCKETS, Duration.ZERO);
        feed(a, List.of(new Trade(PETR4, minute + 5, 10.0, 100, 1, 2), keep));
        a.drainChanges(listener(new ArrayList<>()));
        a.replaceMinute(a.register(PETR4), minute, null, n -> true);
        List<String> removed = new ArrayList<>();
        a.drainChanges(new CandleAggregator.ChangeListener() {
            @Override
            public void changed(Candle candle) {
            }

            @Override
            public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
                removed.add(timeframe.label() + "@" + bucketStart);
            }
        });
        assertEquals(List.of("1m@" + minute), removed);
        assertEquals(List.copyOf(naive(BUCKETS, PETR4, Timeframe.D1, List.of(keep)).values()),
                a.candles(PETR4, Timeframe.D1));
    }

    @Test
    void evictingKeepsRecentCandlesExactAndRefusesUndrainedChanges() {
        SplittableRandom random = new SplittableRandom(11);
        long lastWeek = MONDAY - 7 * 86_400_000_000_000L;
        List<Trade> old = randomTrades(random, lastWeek, 86_400_000_000_000L, 500, 1);
        List<Trade> recent = randomTrades(random, MONDAY, 86_400_000_000_000L, 500, 1000);
        CandleAggregator a = new CandleAggregator(BUCKETS);
        feed(a, old);
        feed(a, recent);
        long weekStart = BUCKETS.bucketStart(Timeframe.W1, MONDAY);
        assertThrows(IllegalStateException.class, () -> a.evictBefore(weekStart), "changes not drained yet");
        a.drainChanges(listener(new ArrayList<>()));
        int before = a.heldCandles();
        a.evictBefore(weekStart);
        assertTrue(a.heldCandles() < before, "old candles are gone");
        assertEquals(List.of(), a.candles(PETR4, Timeframe.M1).stream().filter(c -> c.bucketStart() < MONDAY).toList());
        List<Trade> more = randomTrades(random, MONDAY + 86_400_000_000_000L, 86_400_000_000_000L, 300, 5000);
        feed(a, more);
        List<Trade> kept = new ArrayList<>(recent);
        kept.addAll(more);
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(List.copyOf(naive(BUCKETS, PETR4, tf, kept).values()), a.candles(PETR4, tf), tf.label());
        }
    }

    static CandleAggregator.ChangeListener listener(List<Candle> into) {
        return new CandleAggregator.ChangeListener() {
            @Override
            public void changed(Candle candle) {
                into.add(candle);
            }

            @Override
            public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
            }
        };
    }
}
