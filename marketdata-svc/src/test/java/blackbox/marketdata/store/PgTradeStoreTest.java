package blackbox.marketdata.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.store.TradeStore.WriteResult;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PgTradeStoreTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId WIN = new InstrumentId("WINM25", "F");
    static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    static EmbeddedPostgresServer server;
    static Database db;

    PartitionManager partitions;
    PgTradeStore store;

    @BeforeAll
    static void startDatabase() throws Exception {
        server = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 4));
        MarketdataSchema.migrate(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
        server.close();
    }

    @BeforeEach
    void emptyTables() {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE marketdata.trades, marketdata.trade_edits"));
        partitions = new PartitionManager(db.dataSource());
        store = new PgTradeStore(db, partitions);
    }

    static TradeRow trade(InstrumentId instrument, LocalDate day, long number) {
        long nanos = day.atTime(13, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + number * 1_000L;
        return new TradeRow(instrument, day, number, nanos, 38.45, 100, 3845.0, 3, 120, 2, false, nanos + 5_000);
    }

    static List<TradeRow> trades(InstrumentId instrument, LocalDate day, long first, int count) {
        List<TradeRow> rows = new ArrayList<>();
        for (long n = first; n < first + count; n++) rows.add(trade(instrument, day, n));
        return rows;
    }

    static TradeRow asEdit(TradeRow r, double price) {
        return new TradeRow(r.instrument(), r.tradingDay(), r.tradeNumber(), r.timeNanos(), price, r.quantity(),
                price * r.quantity(), r.buyAgent(), r.sellAgent(), r.tradeType(), true, r.receivedNanos() + 1);
    }

    long edits() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trade_edits").mapTo(Long.class).one());
    }

    @Test
    void storesABatchAndReadsItBackInTradeNumberOrder() throws Exception {
        List<TradeRow> batch = trades(PETR4, DAY, 1, 1000);
        assertEquals(new WriteResult(1000, 0), store.write(batch));
        assertEquals(1000, store.count(PETR4, DAY));
        assertEquals(0, store.count(WIN, DAY));
        assertEquals(batch, store.read(PETR4, batch.getFirst().timeNanos(), batch.getLast().timeNanos()));
        assertEquals(batch.subList(10, 20), store.read(PETR4, batch.get(10).timeNanos(), batch.get(19).timeNanos()));
    }

    @Test
    void theSameBatchTwiceIsStoredOnceAndTheSecondWriteIsAllDuplicates() throws Exception {
        List<TradeRow> batch = trades(PETR4, DAY, 1, 500);
        assertEquals(new WriteResult(500, 0), store.write(batch));
        assertEquals(new WriteResult(0, 500), store.write(batch));
        assertEquals(500, store.count(PETR4, DAY));
    }

    @Test
    void aBatchHalfNewHalfStoredStoresOnlyTheNewHalf() throws Exception {
        store.write(trades(PETR4, DAY, 1, 100));
        List<TradeRow> mixed = trades(PETR4, DAY, 51, 100); // 51..100 stored, 101..150 new
        assertEquals(new WriteResult(50, 50), store.write(mixed));
        assertEquals(150, store.count(PETR4, DAY));
    }

    @Test
    void aTradeRepeatedInsideOneBatchIsStoredOnce() throws Exception {
        List<TradeRow> batch = new ArrayList<>(trades(PETR4, DAY, 1, 10));
        batch.add(trade(PETR4, DAY, 5));
        assertEquals(new WriteResult(10, 1), store.write(batch));
    }

    @Test
    void editsAreKeptAsEditsOnceAndLeaveTheTradesAlone() throws Exception {
        List<TradeRow> batch = trades(PETR4, DAY, 1, 10);
        store.write(batch);
        TradeRow edit = asEdit(batch.get(3), 38.40);
        List<TradeRow> withEdit = new ArrayList<>(trades(PETR4, DAY, 11, 5));
        withEdit.add(edit);
        assertEquals(new WriteResult(6, 0), store.write(withEdit));
        assertEquals(new WriteResult(0, 1), store.write(List.of(edit)));
        assertEquals(1, edits());
        assertEquals(15, store.count(PETR4, DAY));
        assertEquals(38.45, store.read(PETR4, batch.get(3).timeNanos(), batch.get(3).timeNanos()).getFirst().price());
    }

    @Test
    void createsPartitionsForPastAndFutureDaysOnWrite() throws Exception {
        LocalDate past = LocalDate.of(2019, 1, 2);
        LocalDate future = LocalDate.now(ZoneOffset.UTC).plusYears(2);
        List<TradeRow> batch = new ArrayList<>(trades(PETR4, past, 1, 3));
        batch.addAll(trades(PETR4, future, 1, 3));
        assertEquals(new WriteResult(6, 0), store.write(batch));
        assertEquals(3, store.count(PETR4, past));
        assertEquals(3, store.count(PETR4, future));
        assertTrue(partitionExists("trades_p20190102"));
    }

    @Test
    void ensureAroundCreatesYesterdayToTodayPlusDaysAhead() throws Exception {
        LocalDate today = LocalDate.of(2031, 3, 10);
        partitions.ensureAround(today, 7);
        assertTrue(partitionExists("trades_p20310309"));
        assertTrue(partitionExists("trades_p20310317"));
        assertTrue(!partitionExists("trades_p20310318"));
        partitions.ensureAround(today, 7); // idempotent
        new PartitionManager(db.dataSource()).ensureAround(today, 7); // and without the cache
    }

    @Test
    void twoManagersRacingForTheSameDaysBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                LocalDate from = LocalDate.of(2040, 1, 1).plusDays(round * 10L);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    PartitionManager racer = new PartitionManager(db.dataSource());
                    futures.add(pool.submit(() -> {
                        go.await();
                        racer.ensure(from, from.plusDays(5));
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) f.get();
                assertTrue(partitionExists("trades_p" + from.plusDays(5).toString().replace("-", "")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oddValuesSurviveTheCopyTextExactly() throws Exception {
        List<TradeRow> odd = List.of(
                new TradeRow(PETR4, DAY, 4294967295L, 1_744_030_800_123_456_789L, 0.0001, 1, 0.0001, 0, 0, 0, false, 0),
                new TradeRow(PETR4, DAY, 1, 1_744_030_800_000_000_000L, 123456.78, Long.MAX_VALUE, 1.2345678E10, 0, 99999, 32767, false, Long.MAX_VALUE),
                new TradeRow(new InstrumentId("BRK.B-X_1", "NYSE_ARC"), DAY, 0, 1_744_030_800_000_000_000L, 1e-9, 0, 5e20, Integer.MAX_VALUE, Integer.MIN_VALUE, 4, false, -1L));
        assertEquals(new WriteResult(3, 0), store.write(odd));
        assertEquals(List.of(odd.get(1), odd.get(0)), store.read(PETR4, 0, Long.MAX_VALUE));
        assertEquals(List.of(odd.get(2)), store.read(odd.get(2).instrument(), 0, Long.MAX_VALUE));
        List<String> prices = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT price::text || ' ' || volume::text FROM marketdata.trades ORDER BY ticker, trade_number").mapTo(String.class).list());
        assertEquals(List.of("0.000000001 500000000000000000000", "123456.78 12345678000", "0.0001 0.0001"), prices);
    }

    @Test
    void encoderWritesTabSeparatedRowsWithoutExponents() {
        CopyTextEncoder encoder = new CopyTextEncoder(16);
        encoder.row(new TradeRow(PETR4, DAY, 4294967295L, 5, 0.0001, 100, 38.0, 0, 7, 2, false, -3));
        assertEquals("B\tPETR4\t2025-04-07\t4294967295\t5\t0.0001\t100\t38\t0\t7\t2\t-3\n",
                new String(encoder.buffer(), 0, encoder.length(), StandardCharsets.US_ASCII));
    }

    @Test
    void aStoppedDatabaseIsUnavailableAndTheSameBatchWritesOnceItIsBack() throws Exception {
        List<TradeRow> before = trades(PETR4, DAY, 1, 100);
        store.write(before);
        List<TradeRow> batch = trades(PETR4, DAY, 101, 5000);
        server.stop();
        try {
            assertThrows(StoreUnavailableException.class, () -> store.write(batch));
            assertThrows(StoreUnavailableException.class, () -> store.count(PETR4, DAY));
        } finally {
            server.start();
        }
        assertEquals(100, store.count(PETR4, DAY), "nothing of the failed batch was written");
        assertEquals(new WriteResult(5000, 0), store.write(batch));
        assertEquals(5100, store.count(PETR4, DAY));
    }

    @Test
    void aServerRestartBetweenWritesIsInvisibleToTheWriter() throws Exception {
        store.write(trades(PETR4, DAY, 1, 10));
        server.stop();
        server.start();
        assertEquals(new WriteResult(10, 0), store.write(trades(PETR4, DAY, 11, 10)));
    }

    static boolean partitionExists(String name) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'marketdata' AND c.relname = :name").bind("name", name).mapTo(Integer.class).one()) == 1;
    }
}
