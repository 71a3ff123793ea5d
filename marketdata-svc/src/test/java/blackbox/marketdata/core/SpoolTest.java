package blackbox.marketdata.core;

import static blackbox.marketdata.core.TradeRows.DAY;
import static blackbox.marketdata.core.TradeRows.PETR4;
import static blackbox.marketdata.core.TradeRows.VALE3;
import static blackbox.marketdata.core.TradeRows.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.marketdata.core.Spool.DroppedWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpoolTest {
    @Test
    void holdsExactlyItsCapacityAndDrainsOldestFirst() {
        Spool spool = new Spool(3); // not a power of two: still exactly 3
        assertTrue(spool.offer(trade(1)));
        assertTrue(spool.offer(trade(2)));
        assertTrue(spool.offer(trade(3)));
        assertFalse(spool.offer(trade(4)));
        assertEquals(3, spool.size());
        assertEquals(3, spool.capacity());

        List<TradeRow> into = new ArrayList<>();
        assertEquals(2, spool.drain(2, into));
        assertEquals(List.of(trade(1), trade(2)), into);
        assertEquals(1, spool.size());
        assertTrue(spool.offer(trade(5)));
        assertEquals(2, spool.drain(10, into));
        assertEquals(List.of(trade(1), trade(2), trade(3), trade(5)), into);
        assertEquals(0, spool.drain(10, into));
        assertEquals(0, spool.drain(0, into));
    }

    @Test
    void dropsWhenFullAndRemembersEachInstrumentsDroppedWindow() {
        Spool spool = new Spool(2);
        spool.offer(trade(1));
        spool.offer(trade(2));
        assertFalse(spool.offer(trade(PETR4, DAY, 10, 5_000)));
        assertFalse(spool.offer(trade(VALE3, DAY, 3, 9_000)));
        assertFalse(spool.offer(trade(PETR4, DAY, 8, 4_000)));
        assertFalse(spool.offer(trade(PETR4, DAY, 12, 7_000)));

        assertEquals(4, spool.droppedTotal());
        assertEquals(List.of(new DroppedWindow(PETR4, 4_000, 7_000, 3), new DroppedWindow(VALE3, 9_000, 9_000, 1)),
                spool.takeDroppedWindows());
        assertEquals(List.of(), spool.takeDroppedWindows(), "taken windows are forgotten");
        assertEquals(4, spool.droppedTotal(), "the total is not reset");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, (1 << 30) + 1})
    void rejectsAnImpossibleCapacity(int capacity) {
        assertEquals("must be in [2, 2^30]: capacity=" + capacity,
                assertThrows(IllegalArgumentException.class, () -> new Spool(capacity)).getMessage());
    }

    @Test
    void everyTradeOfferedIsEitherDrainedOnceOrCountedAsDropped() throws Exception {
        Spool spool = new Spool(1_000);
        int producers = 4;
        int perProducer = 200_000;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        List<Future<Long>> kept = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final int producer = p;
            kept.add(pool.submit(() -> {
                long n = 0;
                for (int i = 0; i < perProducer; i++) {
                    if (spool.offer(trade(PETR4, DAY.plusDays(producer), i))) {
                        n++;
                    }
                }
                return n;
            }));
        }
        long[] next = new long[producers];
        long drained = 0;
        List<TradeRow> batch = new ArrayList<>();
        while (!kept.stream().allMatch(Future::isDone) || spool.size() > 0) {
            batch.clear();
            drained += spool.drain(256, batch);
            assertTrue(spool.size() <= spool.capacity());
            for (TradeRow row : batch) { // each producer's trades come out in its order
                int producer = (int) (row.tradingDay().toEpochDay() - DAY.toEpochDay());
                assertTrue(row.tradeNumber() >= next[producer], "out of order: " + row);
                next[producer] = row.tradeNumber() + 1;
            }
        }
        long offeredAndKept = 0;
        for (Future<Long> f : kept) {
            offeredAndKept += f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(offeredAndKept, drained);
        assertEquals((long) producers * perProducer, drained + spool.droppedTotal());
        assertEquals(spool.droppedTotal(), spool.takeDroppedWindows().stream().mapToLong(DroppedWindow::count).sum());
    }
}
