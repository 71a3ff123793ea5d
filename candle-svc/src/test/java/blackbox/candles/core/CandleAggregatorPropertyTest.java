package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.platform.domain.InstrumentId;
import blackbox.testkit.Seeds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random trade streams with out-of-order and late trades, edits (also moving a trade to another
 * minute) and cancels, around the DST changes and on 2025 days: (1) every 1m candle equals the naive aggregation of
 * its surviving trades; (2) every higher candle equals the merge of its 1m candles and the naive aggregation of its
 * trades; (3) a consumer applying every drained change holds exactly the aggregator's candles.
 */
public class CandleAggregatorPropertyTest {
    public record Trade(InstrumentId instrument, long time, double price, long quantity, long number, int type) {
    }

    static final InstrumentId[] INSTRUMENTS = {new InstrumentId("PETR4", "B"), new InstrumentId("VALE3", "B"),
            new InstrumentId("WINJ25", "F")};
    static final String[] DAYS = {"2018-11-03T22:00:00Z", "2019-02-16T23:30:00Z", "2025-04-04T19:00:00Z"};

    @Test
    void higherTimeframesEqualTheMergeOfTheir1mCandlesAnd1mCandlesEqualTheirTrades() {
        long seed = Seeds.seed("CandleAggregatorPropertyTest");
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 30; round++) {
            run(random, seed, round);
        }
    }

    private void run(SplittableRandom random, long seed, int round) {
        Buckets buckets = new Buckets();
        // half the rounds with an unbounded window (every edit applies), half with the default 3 minutes
        CandleAggregator aggregator = round % 2 == 0 ? new CandleAggregator(buckets, Duration.ofDays(36500))
                : new CandleAggregator(buckets);
        Map<Long, Trade> live = new LinkedHashMap<>(); // by trade number (unique across instruments here)
        Map<String, Candle> mirror = new HashMap<>();
        long base = BucketsTest.ns(DAYS[random.nextInt(DAYS.length)]);
        long span = random.nextLong(10, 8 * 3600) * 1_000_000_000L;
        int n = random.nextInt(1, 3000);
        long number = 0;
        long clock = base;
        for (int i = 0; i < n; i++) {
            InstrumentId id = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
            int idx = aggregator.register(id);
            int action = random.nextInt(100);
            if (action < 5 && !live.isEmpty()) {
                Trade old = pick(random, live);
                Trade edited = new Trade(old.instrument(), maybeMove(random, old.time(), base, span), price(random),
                        random.nextLong(1, 1000), old.number(), random.nextInt(1, 5));
                var result = aggregator.onEdit(aggregator.register(old.instrument()), old.number(), edited.time(),
                        edited.price(), edited.quantity(), edited.type());
                if (result == CandleAggregator.EditResult.APPLIED) {
                    live.put(old.number(), edited);
                } else {
                    assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, result, "seed=" + seed);
                }
            } else if (action < 8 && !live.isEmpty()) {
                Trade old = pick(random, live);
                var result = aggregator.onCancel(aggregator.register(old.instrument()), old.number());
                if (result == CandleAggregator.EditResult.APPLIED) {
                    live.remove(old.number());
                } else {
                    assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, result, "seed=" + seed);
                }
            } else {
                long time;
                if (action < 20) {
                    time = base + random.nextLong(span); // late or early: anywhere in the range
                } else {
                    clock += random.nextLong(0, Math.max(1, 2 * span / n));
                    time = clock - random.nextLong(0, 2_000_000_000L); // slightly out of order
                }
                if (random.nextInt(10) == 0 && !live.isEmpty()) {
                    time = pick(random, live).time(); // same nanosecond as another trade
                }
                Trade t = new Trade(id, time, price(random), random.nextLong(1, 1000), ++number, random.nextInt(1, 5));
                aggregator.onTrade(idx, t.time(), t.price(), t.quantity(), t.number(), t.type());
                live.put(t.number(), t);
            }
            if (random.nextInt(200) == 0) {
                drainInto(aggregator, mirror);
            }
        }
        drainInto(aggregator, mirror);

        String where = "seed=" + seed + " round=" + round;
        int mirrored = 0;
        for (InstrumentId id : INSTRUMENTS) {
            List<Trade> trades = live.values().stream().filter(t -> t.instrument().equals(id)).toList();
            for (Timeframe tf : Timeframe.values()) {
                Map<Long, Candle> expected = naive(buckets, id, tf, trades);
                List<Candle> actual = aggregator.candles(id, tf);
                assertEquals(List.copyOf(expected.values()), actual, where + " " + id + " " + tf + " vs trades");
                for (Candle c : actual) {
                    assertEquals(c, mirror.get(key(c.instrument(), tf, c.bucketStart())), where + " drained " + c);
                    mirrored++;
                    if (tf != Timeframe.M1) {
                        long end = buckets.bucketEnd(tf, c.bucketStart());
                        List<Candle> minutes = aggregator.candles(id, Timeframe.M1).stream()
                                .filter(m -> m.bucketStart() >= c.bucketStart() && m.bucketStart() < end).toList();
                        assertEquals(c, CandleMerge.merge(tf, c.bucketStart(), minutes), where + " merge " + c);
                    }
                }
            }
        }
        assertEquals(mirror.size(), mirrored, where + " nothing extra in the drained mirror");
    }

    private static void drainInto(CandleAggregator aggregator, Map<String, Candle> mirror) {
        aggregator.drainChanges(new CandleAggregator.ChangeListener() {
            @Override
            public void changed(Candle candle) {
                mirror.put(key(candle.instrument(), candle.timeframe(), candle.bucketStart()), candle);
            }

            @Override
            public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
                mirror.remove(key(instrument, timeframe, bucketStart));
            }
        });
    }

    private static String key(InstrumentId id, Timeframe tf, long start) {
        return id + "/" + tf + "/" + start;
    }

    /** The oracle: group by bucket, sort by (time, number), fold; financial volume with BigDecimal. */
    public static Map<Long, Candle> naive(Buckets buckets, InstrumentId id, Timeframe tf, List<Trade> trades) {
        TreeMap<Long, List<Trade>> groups = new TreeMap<>();
        for (Trade t : trades) {
            groups.computeIfAbsent(buckets.bucketStart(tf, t.time()), k -> new ArrayList<>()).add(t);
        }
        Map<Long, Candle> out = new LinkedHashMap<>();
        groups.forEach((start, group) -> {
            group.sort(Comparator.comparingLong(Trade::time).thenComparingLong(Trade::number));
            Trade first = group.getFirst();
            Trade last = group.getLast();
            double high = group.stream().mapToDouble(Trade::price).max().orElseThrow();
            double low = group.stream().mapToDouble(Trade::price).min().orElseThrow();
            long volume = group.stream().mapToLong(Trade::quantity).sum();
            BigDecimal fin = BigDecimal.ZERO;
            for (Trade t : group) {
                fin = fin.add(BigDecimal.valueOf(t.price()).multiply(BigDecimal.valueOf(t.quantity())));
            }
            long buy = group.stream().filter(t -> t.type() == 2).mapToLong(Trade::quantity).sum();
            long sell = group.stream().filter(t -> t.type() == 3).mapToLong(Trade::quantity).sum();
            out.put(start, new Candle(id, tf, start, first.price(), high, low, last.price(), volume,
                    fin.movePointRight(Candle.FINANCIAL_SCALE).longValueExact(), group.size(), buy, sell,
                    first.time(), first.number(), last.time(), last.number()));
        });
        return out;
    }

    private static Trade pick(SplittableRandom random, Map<Long, Trade> live) {
        int k = random.nextInt(live.size());
        for (Trade t : live.values()) {
            if (k-- == 0) {
                return t;
            }
        }
        throw new AssertionError();
    }

    private static long maybeMove(SplittableRandom random, long time, long base, long span) {
        return random.nextBoolean() ? time : base + random.nextLong(span);
    }

    /** On the 0.01 tick, as the feed gives it. */
    private static double price(SplittableRandom random) {
        return Math.round(random.nextDouble(1.0, 150.0) * 100) / 100.0;
    }
}
