package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.LiveCandleBook.Event;
import blackbox.candles.core.LiveCandleBook.State;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiveCandleBookTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final long T0 = BucketsTest.ns("2025-04-07T13:00:00Z");
    static final long MINUTE = 60_000_000_000L;

    final LiveCandleBook book = new LiveCandleBook(ExchangeBuckets.saoPaulo());
    final List<Event> events = new ArrayList<>();

    static Candle m1(long start, double close, long volume) {
        return new Candle(PETR4, Timeframe.M1, start, close, close, close, close, volume,
                Candle.financialUnits(close, volume), 1, 0, 0, start, 1, start, 1);
    }

    private String states() {
        return events.stream().map(e -> e.state() + "@" + (e.bucketStart() - T0) / MINUTE).toList().toString();
    }

    @Test
    void theFormingCandleUpdatesAndClosesOnceWhenTheNextBucketStarts() {
        book.changed(m1(T0, 10, 100), T0 + 1, events::add);
        book.changed(m1(T0, 11, 200), T0 + 2, events::add);
        book.changed(m1(T0 + MINUTE, 12, 100), T0 + MINUTE + 1, events::add);
        book.advance(PETR4, T0 + MINUTE + 2, events::add);
        assertEquals("[FORMING@0, FORMING@0, CLOSED@0, FORMING@1]", states());
        assertEquals(200, events.get(2).candle().volume(), "the close carries the last state");
        assertEquals(T0, book.snapshot(PETR4, Timeframe.M1).lastClosedBucket());
        assertEquals(T0 + MINUTE, book.snapshot(PETR4, Timeframe.M1).forming().bucketStart());
    }

    @Test
    void theMarketClockClosesTheBucketOnceAndALateChangeIsACorrection() {
        book.changed(m1(T0, 10, 100), T0 + 1, events::add);
        book.advance(PETR4, T0 + MINUTE - 1, events::add);
        book.advance(PETR4, T0 + MINUTE, events::add);
        book.advance(PETR4, T0 + 2 * MINUTE, events::add);
        book.changed(m1(T0, 10, 300), T0 + 2 * MINUTE, events::add);
        assertEquals("[FORMING@0, CLOSED@0, CORRECTED@0]", states());
        assertNull(book.snapshot(PETR4, Timeframe.M1).forming());
    }

    @Test
    void aCandleOfABucketAlreadyOverClosesAtOnce() {
        book.changed(m1(T0, 10, 100), T0 + 5 * MINUTE, events::add);
        assertEquals("[CLOSED@0]", states());
    }

    @Test
    void aFormingCandleThatLosesItsTradesIsRemovedAndFormsAgainOnTheNextTrade() {
        book.changed(m1(T0, 10, 100), T0 + 1, events::add);
        book.removed(PETR4, Timeframe.M1, T0, events::add);
        book.changed(m1(T0, 11, 100), T0 + 2, events::add);
        book.advance(PETR4, T0 + MINUTE, events::add);
        assertEquals("[FORMING@0, REMOVED@0, FORMING@0, CLOSED@0]", states());
    }

    @Test
    void aBucketWhoseTradesWereAllRemovedDoesNotClose() {
        book.changed(m1(T0, 10, 100), T0 + 1, events::add);
        book.removed(PETR4, Timeframe.M1, T0, events::add);
        book.advance(PETR4, T0 + MINUTE, events::add);
        assertEquals("[FORMING@0, REMOVED@0]", states());
    }

    @Test
    void everyBucketClosesAtMostOnceWhateverTheOrder() {
        SplittableRandom random = new SplittableRandom(5);
        long clock = T0;
        for (int i = 0; i < 5000; i++) {
            clock += random.nextLong(0, 20_000_000_000L);
            long t = clock - random.nextLong(0, 3 * MINUTE); // late changes too
            long bucket = t - Math.floorMod(t, MINUTE);
            if (random.nextInt(10) == 0) {
                book.advance(PETR4, clock + random.nextLong(0, 2 * MINUTE), events::add);
            } else {
                book.changed(m1(bucket, 10, random.nextLong(1, 100)), clock, events::add);
            }
        }
        Map<Long, Integer> closes = new HashMap<>();
        for (Event e : events) {
            if (e.state() == State.CLOSED) closes.merge(e.bucketStart(), 1, Integer::sum);
        }
        assertTrue(closes.values().stream().allMatch(n -> n == 1), "closes per bucket: " + closes + " " + states());
        assertTrue(closes.size() > 100, "closes: " + closes.size());
    }
}
