package blackbox.candles.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PgCandleStoreTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId WIN = new InstrumentId("WINZ25", "F");
    static final long MINUTE = 60_000_000_000L;
    static final long T0 = nanos(LocalDateTime.of(2025, 4, 7, 13, 0));
    static final long ALL_FROM = Long.MIN_VALUE;
    static final long ALL_TO = Long.MAX_VALUE;

    static EmbeddedPostgresServer server;
    static Database db;

    PgCandleStore store;

    @BeforeAll
    static void startDatabase() throws Exception {
        server = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 4));
        CandleSchema.migrate(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (db != null) db.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void emptyTables() {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE candles.candles"));
        store = new PgCandleStore(db);
    }

    static long nanos(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    }

    /** A 1-minute candle with distinct values in every field. */
    static Candle candle(InstrumentId instrument, Timeframe timeframe, long bucketStart, long seed) {
        double low = 30 + (seed % 1000) * 0.01;
        return new Candle(instrument, timeframe, bucketStart, low + 0.02, low + 0.05, low, low + 0.03,
                1000 + seed, 3_845_123_457L + seed * 7, 10 + seed, 400 + seed, 500,
                bucketStart + 1_234, 100 + seed, bucketStart + 59_000_000_000L, 200 + seed);
    }

    static List<Candle> minutes(InstrumentId instrument, long from, int count) {
        List<Candle> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(candle(instrument, Timeframe.M1, from + i * MINUTE, i));
        return list;
    }

    List<Candle> readAll(InstrumentId instrument, Timeframe timeframe) throws StoreUnavailableException {
        return store.read(instrument, timeframe, ALL_FROM, ALL_TO, 1_000_000, Long.MIN_VALUE);
    }

    @Test
    void upsertThenReadGivesBackEveryFieldExactly() throws Exception {
        List<Candle> written = new ArrayList<>(minutes(PETR4, T0, 50));
        // awkward values: tiny/huge prices, a financial volume needing all 4 decimals, open == close trade time
        written.add(new Candle(PETR4, Timeframe.M1, T0 + 100 * MINUTE, 0.0001, 123456.78, 0.0001, 0.1 + 0.2,
                Long.MAX_VALUE / 2, 9_223_372_036_854_775_807L, 3, 1, 2, T0 + 100 * MINUTE + 5, 7,
                T0 + 100 * MINUTE + 5, 9));
        Candle day = candle(PETR4, Timeframe.D1, nanos(LocalDateTime.of(2025, 4, 7, 3, 0)), 5);
        written.add(day);
        store.upsert(written);

        assertEquals(written.subList(0, 51), readAll(PETR4, Timeframe.M1));
        assertEquals(List.of(day), readAll(PETR4, Timeframe.D1));
        assertEquals(List.of(), readAll(WIN, Timeframe.M1));
        Candle odd = readAll(PETR4, Timeframe.M1).getLast();
        assertEquals(new BigDecimal("922337203685477.5807"), odd.financialVolume());
        assertEquals(0.1 + 0.2, odd.close());
        assertEquals(new BigDecimal("922337203685477.5807"), db.jdbi().withHandle(h -> h.createQuery(
                "SELECT financial_volume_units::numeric / 10000 FROM candles.candles WHERE bucket_start_nanos = :b")
                .bind("b", T0 + 100 * MINUTE).mapTo(BigDecimal.class).one()));
        assertEquals(51, store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
        assertEquals(10, store.count(PETR4, Timeframe.M1, T0, T0 + 10 * MINUTE));
    }

    @Test
    void upsertingTheSameCandlesTwiceLeavesOneRowEach() throws Exception {
        List<Candle> batch = minutes(PETR4, T0, 100);
        store.upsert(batch);
        store.upsert(batch);
        assertEquals(100, store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
        assertEquals(batch, readAll(PETR4, Timeframe.M1));
    }

    @Test
    void aChangedCandleUpdatesInPlaceAndTheLaterOfTwoInOneCallWins() throws Exception {
        store.upsert(minutes(PETR4, T0, 3));
        Candle old = minutes(PETR4, T0, 3).get(1);
        // a late trade: lower low, earlier open, more volume
        Candle late = new Candle(PETR4, Timeframe.M1, old.bucketStart(), 29.5, old.high(), 29.5, old.close(),
                old.volume() + 100, old.financialVolumeUnits() + 2_950_000, old.tradeCount() + 1,
                old.buyVolume(), old.sellVolume() + 100, old.bucketStart() + 1, 50, old.closeTime(),
                old.closeTradeNumber());
        store.upsert(List.of(late));
        assertEquals(List.of(late), store.read(PETR4, Timeframe.M1, old.bucketStart(), old.bucketStart() + 1, 10,
                Long.MIN_VALUE));
        Candle later = new Candle(PETR4, Timeframe.M1, old.bucketStart(), 29.4, old.high(), 29.4, old.close(),
                late.volume() + 1, late.financialVolumeUnits() + 294_000, late.tradeCount() + 1,
                late.buyVolume(), late.sellVolume(), old.bucketStart(), 49, old.closeTime(), old.closeTradeNumber());
        store.upsert(List.of(old, late, later));
        assertEquals(later, readAll(PETR4, Timeframe.M1).get(1));
        assertEquals(3, store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
    }

    @Test
    void deleteRemovesOnlyThatCandle() throws Exception {
        List<Candle> batch = minutes(PETR4, T0, 3);
        store.upsert(batch);
        store.upsert(List.of(candle(PETR4, Timeframe.M5, T0 + MINUTE, 1)));
        assertTrue(store.delete(PETR4, Timeframe.M1, T0 + MINUTE));
        assertFalse(store.delete(PETR4, Timeframe.M1, T0 + MINUTE));
        assertEquals(List.of(batch.get(0), batch.get(2)), readAll(PETR4, Timeframe.M1));
        assertEquals(1, store.count(PETR4, Timeframe.M5, ALL_FROM, ALL_TO));
    }

    @Test
    void pagingWithLimitAndCursorReturnsEveryCandleOnceInOrder() throws Exception {
        // spans a month boundary, so two partitions are read
        long start = nanos(LocalDateTime.of(2025, 4, 30, 23, 0));
        List<Candle> batch = minutes(PETR4, start, 250);
        store.upsert(batch);
        store.upsert(minutes(WIN, start, 10));
        long from = start + 5 * MINUTE;
        long to = start + 240 * MINUTE;
        List<Candle> pages = new ArrayList<>();
        long cursor = Long.MIN_VALUE;
        int calls = 0;
        while (true) {
            List<Candle> page = store.read(PETR4, Timeframe.M1, from, to, 17, cursor);
            calls++;
            pages.addAll(page);
            if (page.size() < 17) break;
            cursor = page.getLast().bucketStart();
        }
        assertEquals(batch.subList(5, 240), pages);
        assertEquals(14, calls); // 235 = 13 × 17 + 14
        assertEquals(List.of(), store.read(PETR4, Timeframe.M1, from, to, 0, Long.MIN_VALUE));
        assertEquals(List.of(), store.read(PETR4, Timeframe.M1, from, to, 10, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> store.read(PETR4, Timeframe.M1, from, to, -1, Long.MIN_VALUE));
    }

    @Test
    void monthPartitionsAreCreatedForOldAndNewBuckets() throws Exception {
        long dst2018 = nanos(LocalDateTime.of(2018, 11, 4, 2, 59)); // just before Brazil's DST started
        long y2025 = nanos(LocalDateTime.of(2025, 12, 31, 23, 59));
        store.upsert(List.of(candle(PETR4, Timeframe.M1, dst2018, 1), candle(PETR4, Timeframe.M1, y2025, 2),
                candle(PETR4, Timeframe.W1, nanos(LocalDateTime.of(2018, 10, 29, 3, 0)), 3)));
        assertTrue(partitionExists("candles_1m_p201811"));
        assertTrue(partitionExists("candles_1m_p202512"));
        assertFalse(partitionExists("candles_1m_p202601"));
        assertEquals("candles_1m_p201811", db.jdbi().withHandle(h -> h.createQuery(
                "SELECT tableoid::regclass::text FROM candles.candles WHERE bucket_start_nanos = :b")
                .bind("b", dst2018).mapTo(String.class).one()).replace("candles.", ""));
        assertEquals(2, store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
        // idempotent, also without the cache
        new MonthPartitions(db.dataSource()).ensure(List.of(MonthPartitions.monthOf(dst2018)));
        assertEquals(MonthPartitions.startOf(java.time.YearMonth.of(2018, 11)),
                nanos(LocalDateTime.of(2018, 11, 1, 0, 0)));
    }

    @Test
    void tenThousandCandlesCopyVersusBatch() throws Exception {
        List<Candle> batch = minutes(PETR4, T0, 10_000);
        store.upsert(batch); // warm both paths, partitions created
        upsertViaBatch(batch);
        long t = System.nanoTime();
        store.upsert(batch);
        long copyNanos = System.nanoTime() - t;
        t = System.nanoTime();
        upsertViaBatch(batch);
        long batchNanos = System.nanoTime() - t;
        System.out.printf("upsert 10,000 candles: COPY + INSERT ON CONFLICT %.1f ms, JDBC batch %.1f ms%n",
                copyNanos / 1e6, batchNanos / 1e6);
        assertEquals(batch, readAll(PETR4, Timeframe.M1));
    }

    @Test
    void aStoppedDatabaseIsUnavailableAndTheSameUpsertSucceedsAfterRestart() throws Exception {
        List<Candle> before = minutes(PETR4, T0, 100);
        store.upsert(before);
        List<Candle> changed = new ArrayList<>();
        for (Candle c : minutes(PETR4, T0 + 50 * MINUTE, 2000)) changed.add(candle(PETR4, Timeframe.M1, c.bucketStart(), 7));
        long newMonth = nanos(LocalDateTime.of(2019, 2, 17, 1, 0));
        changed.add(candle(PETR4, Timeframe.M1, newMonth, 9)); // its partition does not exist yet
        server.stop();
        try {
            assertThrows(StoreUnavailableException.class, () -> store.upsert(changed));
            assertThrows(StoreUnavailableException.class, () -> store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
        } finally {
            server.start();
        }
        assertEquals(before, readAll(PETR4, Timeframe.M1), "nothing of the failed upsert was written");
        store.upsert(changed);
        List<Candle> expected = new ArrayList<>(before.subList(0, 50));
        expected.addAll(changed.subList(0, 2000));
        List<Candle> all = readAll(PETR4, Timeframe.M1);
        assertEquals(changed.getLast(), all.getFirst()); // 2019 sorts first
        assertEquals(expected, all.subList(1, all.size()));
    }

    @Test
    void aServerRestartBetweenWritesIsInvisibleToTheWriter() throws Exception {
        store.upsert(minutes(PETR4, T0, 10));
        server.stop();
        server.start();
        store.upsert(minutes(PETR4, T0 + 10 * MINUTE, 10));
        assertEquals(20, store.count(PETR4, Timeframe.M1, ALL_FROM, ALL_TO));
    }

    /** The alternative measured against COPY: a JDBC batch of single-row upserts (partitions must exist). */
    static void upsertViaBatch(List<Candle> unique) throws SQLException {
        String sql = "INSERT INTO candles.candles (" + PgCandleStore.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + PgCandleStore.ON_CONFLICT;
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            {
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    for (Candle c : unique) {
                        s.setString(1, c.instrument().exchange());
                        s.setString(2, c.instrument().ticker());
                        s.setString(3, c.timeframe().label());
                        s.setLong(4, c.bucketStart());
                        s.setDouble(5, c.open());
                        s.setDouble(6, c.high());
                        s.setDouble(7, c.low());
                        s.setDouble(8, c.close());
                        s.setLong(9, c.volume());
                        s.setLong(10, c.financialVolumeUnits());
                        s.setLong(11, c.tradeCount());
                        s.setLong(12, c.buyVolume());
                        s.setLong(13, c.sellVolume());
                        s.setLong(14, c.openTime());
                        s.setLong(15, c.openTradeNumber());
                        s.setLong(16, c.closeTime());
                        s.setLong(17, c.closeTradeNumber());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                connection.commit();
            }
        }
    }

    static boolean partitionExists(String name) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'candles' AND c.relname = :name").bind("name", name).mapTo(Integer.class).one()) == 1;
    }
}
