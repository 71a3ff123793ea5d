package blackbox.candles.core;

import static blackbox.candles.core.CandleAggregatorPropertyTest.naive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.CandleAggregatorPropertyTest.Trade;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RangeRebuilderTest {
    static final InstrumentId PETR4 = CandleAggregatorStateTest.PETR4;
    static final Buckets BUCKETS = new Buckets();
    static final long DAY = 86_400_000_000_000L;
    static final long MINUTE = 60_000_000_000L;

    @Test
    void rangesTileTheWindowOneTradingDayAtATimeAndHoldExactlyTheTradesMinutes() {
        long from = BucketsTest.ns("2025-04-07T12:00:30Z"); // not a minute start: rounded down
        long to = BucketsTest.ns("2025-04-14T10:00:00Z");
        SplittableRandom random = new SplittableRandom(3);
        // trades on Monday, Tuesday and Friday only: the empty days must still be covered
        List<Trade> trades = new ArrayList<>();
        for (long day : new long[]{0, 1, 4}) {
            trades.addAll(CandleAggregatorStateTest.randomTrades(random, BucketsTest.ns("2025-04-07T13:00:00Z") + day * DAY,
                    8 * 3_600_000_000_000L, 700, day * 10_000));
        }
        trades.sort(java.util.Comparator.comparingLong(Trade::time));
        List<RebuiltRange> ranges = new ArrayList<>();
        RangeRebuilder r = new RangeRebuilder(BUCKETS, PETR4, from, to, ranges::add);
        for (Trade t : trades) r.accept(t.time(), t.price(), t.quantity(), t.number(), t.type());
        r.finish();

        assertEquals(from - Math.floorMod(from, MINUTE), ranges.getFirst().fromNanos());
        assertEquals(to, ranges.getLast().toNanos());
        List<Candle> minutes = new ArrayList<>();
        long counted = 0;
        for (int i = 0; i < ranges.size(); i++) {
            RebuiltRange range = ranges.get(i);
            if (i > 0) assertEquals(ranges.get(i - 1).toNanos(), range.fromNanos(), "no gap, no overlap");
            long tradesIn = trades.stream().filter(t -> t.time() >= range.fromNanos() && t.time() < range.toNanos()).count();
            assertEquals(tradesIn, range.countedTradeNumbers().length);
            long[] expected = trades.stream().filter(t -> t.time() >= range.fromNanos() && t.time() < range.toNanos())
                    .mapToLong(Trade::number).sorted().toArray();
            assertArrayEquals(expected, range.countedTradeNumbers());
            if (tradesIn > 0) {
                long day = BUCKETS.bucketStart(Timeframe.D1, range.minutes().getFirst().bucketStart());
                assertTrue(range.minutes().stream().allMatch(c -> BUCKETS.bucketStart(Timeframe.D1, c.bucketStart()) == day),
                        "one trading day per range");
            }
            minutes.addAll(range.minutes());
            counted += tradesIn;
        }
        assertEquals(trades.size(), counted);
        assertEquals(List.copyOf(naive(BUCKETS, PETR4, Timeframe.M1, trades).values()), minutes);
    }

    @Test
    void anUnboundedRangeEndsAfterTheLastTradesMinute() {
        long t0 = BucketsTest.ns("2025-04-07T13:00:10Z");
        List<RebuiltRange> ranges = new ArrayList<>();
        RangeRebuilder r = new RangeRebuilder(BUCKETS, PETR4, t0, Long.MAX_VALUE, ranges::add);
        r.accept(t0, 10.0, 100, 1, 2);
        r.accept(t0 + 3 * MINUTE, 10.5, 100, 2, 3);
        r.finish();
        assertEquals(1, ranges.size());
        assertEquals(t0 - 10_000_000_000L, ranges.getFirst().fromNanos());
        assertEquals(t0 - 10_000_000_000L + 4 * MINUTE, ranges.getFirst().toNanos());
        assertEquals(2, ranges.getFirst().minutes().size());
    }

    @Test
    void tradesOutOfTimeOrderAreRefused() {
        RangeRebuilder r = new RangeRebuilder(BUCKETS, PETR4, 0, DAY, x -> { });
        r.accept(5_000, 10.0, 1, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> r.accept(4_000, 10.0, 1, 2, 2));
    }
}
