package blackbox.marketdata.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.marketdata.core.Spool;
import blackbox.marketdata.core.TradeNumbers;
import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.health.Health;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TradeWriterLoopTest {
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    private static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    /** Commits into a list, or refuses while {@code away}. */
    static final class ListStore implements TradeStore {
        final List<TradeRow> committed = new CopyOnWriteArrayList<>();
        volatile boolean away;

        @Override
        public WriteResult write(List<TradeRow> batch) throws StoreUnavailableException {
            if (away) throw new StoreUnavailableException("away", null);
            committed.addAll(batch);
            return new WriteResult(batch.size(), 0);
        }

        @Override public long count(InstrumentId instrument, LocalDate tradingDay) { return committed.size(); }
        @Override public List<TradeRow> read(InstrumentId instrument, long fromNanos, long toNanos) { return List.copyOf(committed); }
        @Override public void scan(InstrumentId i, long from, long to, int batchSize, Consumer<List<TradeRow>> sink) { }
        @Override public TradeNumbers storedTradeNumbers(InstrumentId instrument, LocalDate tradingDay) { return TradeNumbers.EMPTY; }
        @Override public java.util.OptionalLong newestTime(InstrumentId instrument) { return java.util.OptionalLong.empty(); }
    }

    private final Spool spool = new Spool(1_000);
    private final ListStore store = new ListStore();
    private final Health health = new Health();
    private final RepairQueue repairs = new RepairQueue(null, List::of, new TradeFanout(), (i, f, t, r, reason) -> { });
    private final TradeWriterLoop writer = new TradeWriterLoop(spool, store, 100, Duration.ofMillis(5), health,
            new SpoolAlarm(health), repairs);

    @AfterEach
    void stop() {
        store.away = false;
        writer.close();
        repairs.close();
    }

    private static TradeRow trade(long n) {
        return new TradeRow(PETR4, DAY, n, 1_000 * n, 38.5, 100, 3850.0, 3, 8, 2, false, 1_000 * n + 1);
    }

    @Test
    void awaitPersistedReturnsOnlyOnceTheTradesOfferedBeforeTheMarkAreCommitted() {
        writer.start();
        for (int n = 1; n <= 250; n++) spool.offer(trade(n));
        long mark = spool.keptTotal();
        assertEquals(250, mark);
        assertTrue(writer.awaitPersisted(mark, Duration.ofSeconds(30)));
        assertEquals(250, store.committed.size(), "every trade before the mark is committed when the wait returns");
        assertTrue(writer.drained());
        assertEquals(250, writer.persisted());
    }

    @Test
    void awaitPersistedGivesUpWhileTheStoreIsAwayAndSucceedsOnceItIsBack() {
        store.away = true;
        writer.start();
        spool.offer(trade(1));
        long mark = spool.keptTotal();
        assertFalse(writer.awaitPersisted(mark, Duration.ofMillis(200)));
        assertFalse(writer.drained());
        assertEquals(List.of(), store.committed);
        store.away = false;
        assertTrue(writer.awaitPersisted(mark, Duration.ofSeconds(30)));
        assertEquals(List.of(trade(1)), store.committed);
    }
}
