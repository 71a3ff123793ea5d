package blackbox.marketdata.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.marketdata.core.TradeNumbers;
import blackbox.marketdata.core.TradeRow;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PgTradeStore#scan} (ReadTrades' read) and {@link PgTradeStore#storedTradeNumbers} (Backfill's check). */
@Timeout(120)
class PgTradeStoreScanTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId VALE3 = new InstrumentId("VALE3", "B");
    static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    static EmbeddedPostgresServer server;
    static Database db;

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
        store = new PgTradeStore(db, new PartitionManager(db.dataSource()));
    }

    /** 13:00 UTC of the day plus {@code micros}. */
    static long at(LocalDate day, long micros) {
        return day.atTime(13, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + micros * 1_000L;
    }

    static TradeRow trade(InstrumentId instrument, LocalDate day, long number, long timeNanos) {
        return new TradeRow(instrument, day, number, timeNanos, 38.45, 100, 3845.0, 3, 120, 2, false, timeNanos + 5_000);
    }

    static TradeRow edit(TradeRow r, long timeNanos, double price, long quantity, int tradeType) {
        return new TradeRow(r.instrument(), r.tradingDay(), r.tradeNumber(), timeNanos, price, quantity, price * quantity, 7, 8,
                tradeType, true, r.receivedNanos() + 1);
    }

    static TradeRow asStored(TradeRow edit, TradeRow original) {
        return new TradeRow(original.instrument(), original.tradingDay(), original.tradeNumber(), edit.timeNanos(), edit.price(),
                edit.quantity(), edit.volume(), edit.buyAgent(), edit.sellAgent(), edit.tradeType(), false, original.receivedNanos());
    }

    List<TradeRow> scanAll(InstrumentId instrument, long from, long to, int batchSize) throws StoreUnavailableException {
        List<TradeRow> rows = new ArrayList<>();
        store.scan(instrument, from, to, batchSize, rows::addAll);
        return rows;
    }

    @Test
    void returnsExactlyTheWindowAscendingByTimeThenNumberWithTheEndExcluded() throws Exception {
        List<TradeRow> all = new ArrayList<>();
        // numbers and times disagree on purpose: order is by time, then number
        long[][] numberAndMicros = {{1, 50}, {2, 10}, {3, 10}, {4, 30}, {5, 70}, {6, 0}, {7, 90}};
        for (long[] nm : numberAndMicros) all.add(trade(PETR4, DAY, nm[0], at(DAY, nm[1])));
        all.add(trade(VALE3, DAY, 1, at(DAY, 30))); // another instrument
        store.write(all);

        List<TradeRow> got = scanAll(PETR4, at(DAY, 10), at(DAY, 70), 100);
        assertEquals(List.of(2L, 3L, 4L, 1L), got.stream().map(TradeRow::tradeNumber).toList(),
                "10 (2, 3), 30, 50; 0 is before the window, 70 is its exclusive end");
        assertEquals(all.get(1), got.getFirst(), "the stored values come back unchanged");
        assertEquals(List.of(), scanAll(PETR4, at(DAY, 91), at(DAY, 1000), 100));
        assertEquals(List.of(6L), scanAll(PETR4, at(DAY, 0), at(DAY, 0) + 1, 100).stream().map(TradeRow::tradeNumber).toList());
    }

    @Test
    void spansDaysInTimeOrderAndPagesInBatchesWithoutLosingOrRepeatingATrade() throws Exception {
        List<TradeRow> all = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            LocalDate day = DAY.plusDays(d);
            for (long n = 1; n <= 7; n++) all.add(trade(PETR4, day, n, at(day, n)));
        }
        store.write(all);
        List<List<TradeRow>> batches = new ArrayList<>();
        store.scan(PETR4, at(DAY, 0), at(DAY.plusDays(2), 100), 5, batches::add);
        assertEquals(List.of(5, 5, 5, 5, 1), batches.stream().map(List::size).toList(), "batches fill across days");
        assertEquals(all, batches.stream().flatMap(List::stream).toList());
        List<TradeRow> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(TradeRow::timeNanos).thenComparingLong(TradeRow::tradeNumber));
        assertEquals(sorted, all, "the expectation itself is in time order");
        assertEquals(all.subList(7, 21), scanAll(PETR4, at(DAY.plusDays(1), 0), Long.MAX_VALUE, 3));
    }

    @Test
    void theLatestStoredEditOfATradeReplacesItsValues() throws Exception {
        TradeRow t1 = trade(PETR4, DAY, 1, at(DAY, 10));
        TradeRow t2 = trade(PETR4, DAY, 2, at(DAY, 20));
        TradeRow t3 = trade(PETR4, DAY, 3, at(DAY, 30));
        store.write(List.of(t1, t2, t3));
        TradeRow first = edit(t2, at(DAY, 20), 38.40, 100, 2);
        TradeRow latest = edit(t2, at(DAY, 35), 38.30, 300, 3); // also moves the trade after trade 3
        store.write(List.of(first));
        store.write(List.of(latest));
        store.write(List.of(first)); // delivered again: stored once, still not the latest
        List<TradeRow> got = scanAll(PETR4, at(DAY, 0), at(DAY, 100), 100);
        assertEquals(List.of(t1, t3, asStored(latest, t2)), got);
        assertFalse(got.get(2).edit(), "an answer is the trade as it now stands, not an edit");
        assertEquals(List.of(t1, t3), scanAll(PETR4, at(DAY, 0), at(DAY, 35)),
                "the window is matched against the edited time");
    }

    private List<TradeRow> scanAll(InstrumentId instrument, long from, long to) throws StoreUnavailableException {
        return scanAll(instrument, from, to, 100);
    }

    @Test
    void twoEditsStoredInOneBatchTheLaterOneWins() throws Exception {
        TradeRow t = trade(PETR4, DAY, 1, at(DAY, 10));
        store.write(List.of(t));
        TradeRow a = edit(t, at(DAY, 10), 38.40, 100, 2);
        TradeRow b = edit(t, at(DAY, 10), 38.20, 100, 2);
        store.write(List.of(a, b));
        assertEquals(List.of(asStored(b, t)), scanAll(PETR4, at(DAY, 0), at(DAY, 100)));
    }

    @Test
    void aSinkThatThrowsStopsTheReadAndEveryConnectionGoesBackToThePool() throws Exception {
        List<TradeRow> all = new ArrayList<>();
        for (long n = 1; n <= 50; n++) all.add(trade(PETR4, DAY, n, at(DAY, n)));
        store.write(all);
        RuntimeException stop = new IllegalStateException("client gone");
        for (int i = 0; i < 6; i++) { // more than the pool's 4 connections
            int[] calls = {0};
            var thrown = assertThrows(IllegalStateException.class, () -> store.scan(PETR4, 0, Long.MAX_VALUE, 10, rows -> {
                calls[0]++;
                throw stop;
            }));
            assertSame(stop, thrown);
            assertEquals(1, calls[0], "no batch after the sink threw");
        }
        assertEquals(50, store.count(PETR4, DAY));
    }

    @Test
    void anEmptyWindowOrAnInstrumentWithoutTradesReadsNothing() throws Exception {
        store.write(List.of(trade(PETR4, DAY, 1, at(DAY, 10))));
        assertEquals(List.of(), scanAll(PETR4, at(DAY, 10), at(DAY, 10)));
        assertEquals(List.of(), scanAll(VALE3, 0, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> store.scan(PETR4, 0, 1, 0, rows -> { }));
    }

    @Test
    void storedTradeNumbersAreTheDaysTradesOnly() throws Exception {
        List<TradeRow> rows = new ArrayList<>();
        for (long n : new long[] {1, 2, 3, 7, 8, 4294967295L}) rows.add(trade(PETR4, DAY, n, at(DAY, n % 1000)));
        rows.add(trade(PETR4, DAY.plusDays(1), 5, at(DAY.plusDays(1), 5)));
        rows.add(trade(VALE3, DAY, 5, at(DAY, 5)));
        store.write(rows);
        store.write(List.of(edit(rows.get(0), at(DAY, 1), 1.0, 1, 2)));
        TradeNumbers numbers = store.storedTradeNumbers(PETR4, DAY);
        assertEquals(6, numbers.size());
        for (long n : new long[] {1, 2, 3, 7, 8, 4294967295L}) assertTrue(numbers.contains(n), "contains " + n);
        for (long n : new long[] {0, 4, 5, 6, 9}) assertFalse(numbers.contains(n), "not " + n);
        assertEquals(0, store.storedTradeNumbers(PETR4, DAY.minusDays(1)).size());
    }

    @Test
    void aStoppedDatabaseIsUnavailableForBothReads() throws Exception {
        store.write(List.of(trade(PETR4, DAY, 1, at(DAY, 10))));
        server.stop();
        try {
            assertThrows(StoreUnavailableException.class, () -> scanAll(PETR4, 0, Long.MAX_VALUE));
            assertThrows(StoreUnavailableException.class, () -> store.storedTradeNumbers(PETR4, DAY));
        } finally {
            server.start();
        }
        assertEquals(1, scanAll(PETR4, 0, Long.MAX_VALUE).size());
    }
}
