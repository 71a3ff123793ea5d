package blackbox.marketdata.component;

import static blackbox.gateway.testing.GatewayPart.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.Aggressor;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.grpc.MarketDataService;
import blackbox.marketdata.store.PartitionManager;
import blackbox.marketdata.store.PgTradeStore;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.marketdata.v1.BackfillProgress;
import blackbox.marketdata.v1.BackfillRequest;
import blackbox.marketdata.v1.ReadTradesRequest;
import blackbox.marketdata.v1.Repaired;
import blackbox.platform.domain.InstrumentId;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ReadTrades and Backfill with the real neighbours: embedded PostgreSQL and the simulator-backed dll-gateway,
 * whose history holds the sample's 3,000 BTCUSDT trades of 2024-08-08 23:58:54Z .. 2024-08-09 00:01:02Z
 * (B3 trading day 2024-08-08).
 */
@Timeout(180)
class TradeHistoryComponentTest {
    private static final int BTC_TRADES = 3000;
    private static final blackbox.gateway.v1.InstrumentId BTC = instrument("BTCUSDT", "SPOT");
    /** 2024-08-07T00:00Z .. 2024-08-10T00:00Z: B3 days 08-06 (from 21:00 local), 08-07, 08-08, 08-09 (to 21:00). */
    private static final long FROM = nanos("2024-08-07T00:00:00Z");
    private static final long TO = nanos("2024-08-10T00:00:00Z");
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    private static TestStack stack;
    private static GatewayPart gateway;
    private static MarketDataPart marketdata;

    @BeforeAll
    static void startDatabase() throws Exception {
        stack = new TestStack("marketdata-test");
        gateway = GatewayPart.on(stack);
        marketdata = MarketDataPart.on(stack);
        stack.database();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (stack != null) stack.close();
    }

    @BeforeEach
    void startServices() throws Exception {
        marketdata.stop();
        MarketDataComponentTest.startGateway(gateway, Map.of());
        marketdata.truncate();
        marketdata.start();
    }

    @AfterEach
    void stopServices() throws Exception {
        marketdata.stop();
        gateway.stop();
    }

    private static long nanos(String utc) {
        Instant i = Instant.parse(utc);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static List<TradeBatch> readTrades(blackbox.gateway.v1.InstrumentId instrument, long from, long to) {
        List<TradeBatch> batches = new ArrayList<>();
        marketdata.blocking().readTrades(ReadTradesRequest.newBuilder().setInstrument(instrument).setFromNanos(from).setToNanos(to).build())
                .forEachRemaining(batches::add);
        return batches;
    }

    private static List<Trade> trades(List<TradeBatch> batches) {
        return batches.stream().flatMap(b -> b.getTradesList().stream()).toList();
    }

    private static List<BackfillProgress> backfill(blackbox.gateway.v1.InstrumentId instrument, long from, long to) {
        List<BackfillProgress> progress = new ArrayList<>();
        marketdata.blocking().backfill(BackfillRequest.newBuilder().setInstrument(instrument).setFromNanos(from).setToNanos(to).build())
                .forEachRemaining(progress::add);
        return progress;
    }

    private static long storedOf(String ticker) {
        return stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades WHERE ticker = :t")
                .bind("t", ticker).mapTo(Long.class).one());
    }

    /** A store of the test's own (the app's writes from its writer thread only). */
    private static PgTradeStore directStore() {
        return new PgTradeStore(stack.database(), new PartitionManager(stack.database().dataSource()));
    }

    private static long at(LocalDate day, long micros) {
        return day.atTime(13, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + micros * 1_000L;
    }

    private static void assertAscending(List<Trade> trades) {
        Comparator<Trade> order = Comparator.comparingLong(Trade::getTimeNanos).thenComparingLong(t -> Integer.toUnsignedLong(t.getTradeNumber()));
        for (int i = 1; i < trades.size(); i++) {
            assertTrue(order.compare(trades.get(i - 1), trades.get(i)) < 0, "ascending at " + i + ": " + trades.get(i - 1) + " then " + trades.get(i));
        }
    }

    @Test
    void readTradesStreamsExactlyTheWindowInSeveralBatchesAscendingWithEditsApplied() throws Exception {
        LocalDate day = LocalDate.of(2025, 4, 7);
        int count = 2 * MarketDataService.READ_BATCH + 345;
        List<TradeRow> rows = new ArrayList<>();
        for (long n = 1; n <= count; n++) {
            rows.add(new TradeRow(PETR4, day, n, at(day, 10 * n), 38.45, 100, 3845.0, 3, 120, 2, false, at(day, 10 * n) + 5));
        }
        rows.add(new TradeRow(new InstrumentId("VALE3", "B"), day, 1, at(day, 20), 60.0, 1, 60.0, 0, 0, 2, false, 0));
        PgTradeStore store = directStore();
        store.write(rows);
        TradeRow edited = rows.get(99); // trade 100
        store.write(List.of(new TradeRow(PETR4, day, 100, edited.timeNanos(), 38.30, 200, 7660.0, 5, 6, 3, true, edited.receivedNanos() + 1)));

        // from trade 11 (inclusive) to trade count - 10 (exclusive)
        List<TradeBatch> batches = readTrades(instrument("PETR4", "B"), at(day, 110), at(day, 10L * (count - 10)));
        List<Trade> got = trades(batches);
        assertEquals(count - 21, got.size(), "trades 11 .. count - 11");
        assertEquals(11, got.getFirst().getTradeNumber());
        assertEquals(count - 11, got.getLast().getTradeNumber());
        assertAscending(got);
        assertTrue(batches.size() >= 3, "more trades than one batch come in several: " + batches.size());
        assertTrue(batches.stream().allMatch(b -> b.getTradesCount() <= MarketDataService.READ_BATCH));
        assertTrue(got.stream().allMatch(t -> t.getInstrument().getTicker().equals("PETR4") && !t.getEdit()));

        Trade t100 = got.stream().filter(t -> t.getTradeNumber() == 100).findFirst().orElseThrow();
        assertEquals(38.30, t100.getPrice());
        assertEquals(200, t100.getQuantity());
        assertEquals(7660.0, t100.getVolume());
        assertEquals(5, t100.getBuyAgent());
        assertEquals(6, t100.getSellAgent());
        assertEquals(3, t100.getTradeType());
        assertEquals(Aggressor.AGGRESSOR_SELL, t100.getAggressor());
        Trade t101 = got.stream().filter(t -> t.getTradeNumber() == 101).findFirst().orElseThrow();
        assertEquals(38.45, t101.getPrice());
        assertEquals(Aggressor.AGGRESSOR_BUY, t101.getAggressor());
        assertEquals(edited.receivedNanos() + 10 * 1_000L, t101.getReceivedNanos());
    }

    @Test
    void readTradesRefusesAnEmptyWindowAndABadInstrumentNamingTheField() {
        var e = assertThrows(StatusRuntimeException.class, () -> readTrades(BTC, 200, 200));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("from_nanos must be before to_nanos: from_nanos=200, to_nanos=200", e.getStatus().getDescription());
        var f = assertThrows(StatusRuntimeException.class, () -> readTrades(BTC, 300, 200));
        assertEquals("from_nanos must be before to_nanos: from_nanos=300, to_nanos=200", f.getStatus().getDescription());
        var g = assertThrows(StatusRuntimeException.class, () -> readTrades(instrument("btc usdt", "SPOT"), 0, 1));
        assertEquals(Status.Code.INVALID_ARGUMENT, g.getStatus().getCode());
        assertEquals("instrument: ticker must match [A-Z0-9_.-]{1,32}: ticker=\"btc usdt\"", g.getStatus().getDescription());
        var h = assertThrows(StatusRuntimeException.class, () -> marketdata.blocking().readTrades(ReadTradesRequest.newBuilder()
                .setFromNanos(0).setToNanos(1).build()).hasNext());
        assertEquals("instrument: ticker must match [A-Z0-9_.-]{1,32}: ticker=\"\"", h.getStatus().getDescription(), "a missing instrument");
    }

    @Test
    void backfillRefusesAnEmptyWindowAndOneLongerThan366Days() {
        var e = assertThrows(StatusRuntimeException.class, () -> backfill(BTC, TO, FROM));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("from_nanos must be before to_nanos: from_nanos=" + TO + ", to_nanos=" + FROM, e.getStatus().getDescription());
        long tooLong = FROM + Duration.ofDays(366).toNanos() + 1;
        var f = assertThrows(StatusRuntimeException.class, () -> backfill(BTC, FROM, tooLong));
        assertEquals(Status.Code.INVALID_ARGUMENT, f.getStatus().getCode());
        assertEquals("the window must be at most 366 days: from_nanos=" + FROM + ", to_nanos=" + tooLong, f.getStatus().getDescription());
        var g = assertThrows(StatusRuntimeException.class, () -> backfill(BTC, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(Status.Code.INVALID_ARGUMENT, g.getStatus().getCode(), "a window too long to subtract in a long");
        var h = assertThrows(StatusRuntimeException.class, () -> backfill(instrument("BTCUSDT", ""), FROM, TO));
        assertEquals("instrument: exchange must match [A-Z0-9_]{1,8}: exchange=\"\"", h.getStatus().getDescription());
    }

    @Test
    void backfillStoresTheHistoryOnceAndReadTradesSeesItAsSoonAsDoneArrives() throws Exception {
        MarketDataComponentTest.Consumer consumer = MarketDataComponentTest.Consumer.open(marketdata);
        consumer.await(m -> marketdata.app().stats().contains("consumers 1"), Duration.ofSeconds(10),
                () -> "the consumer is connected: " + marketdata.app().stats());

        List<BackfillProgress> first = backfill(BTC, FROM, TO); // nobody subscribed BTCUSDT: a backfill needs no subscription
        List<Trade> read = trades(readTrades(BTC, FROM, TO)); // at once: done means committed

        assertEquals(List.of(25, 50, 75, 100, 100), first.stream().map(BackfillProgress::getPercent).toList(), "one message per B3 day, then done");
        assertEquals(List.of(false, false, false, false, true), first.stream().map(BackfillProgress::getDone).toList());
        assertEquals(List.of(0L, 0L, (long) BTC_TRADES, (long) BTC_TRADES, (long) BTC_TRADES),
                first.stream().map(BackfillProgress::getTradesStored).toList(), "all trades are on B3 day 2024-08-08, the third");
        assertEquals(BTC_TRADES, first.getLast().getTradesReceived());
        assertEquals(BTC_TRADES, read.size());
        assertAscending(read);
        assertTrue(read.stream().allMatch(t -> t.getInstrument().equals(BTC) && t.getTimeNanos() >= FROM && t.getTimeNanos() < TO));
        assertEquals(BTC_TRADES, storedOf("BTCUSDT"));
        assertEquals(0, storedOf("ETHUSDT"), "only the instrument asked for");

        consumer.await(m -> MarketDataComponentTest.Consumer.trades(m) == BTC_TRADES
                        && MarketDataComponentTest.Consumer.repaired(m).size() == 1, Duration.ofSeconds(10),
                () -> "the consumer got the backfilled trades and a notice: " + consumer.trades() + ", " + consumer.repaired());
        Repaired notice = consumer.repaired().getFirst();
        assertEquals("backfill", notice.getReason());
        assertEquals(BTC_TRADES, notice.getTradesRecovered());
        assertEquals(FROM, notice.getFromNanos());
        assertEquals(TO - 1, notice.getToNanos());

        List<BackfillProgress> second = backfill(BTC, FROM, TO);
        BackfillProgress done = second.getLast();
        assertTrue(done.getDone());
        assertEquals(100, done.getPercent());
        assertEquals(BTC_TRADES, done.getTradesReceived(), "the gateway sends the history again");
        assertEquals(0, done.getTradesStored(), "but nothing is new to the store");
        assertEquals(BTC_TRADES, storedOf("BTCUSDT"));
        assertEquals(BTC_TRADES, trades(readTrades(BTC, FROM, TO)).size());
        assertEquals(BTC_TRADES, consumer.trades(), "stored trades are not streamed again");
        assertEquals(0, consumer.duplicateKeys());

        List<Map.Entry<String, Long>> log = stack.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT reason, recovered FROM marketdata.repairs ORDER BY id").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list());
        assertEquals(List.of(Map.entry("backfill", (long) BTC_TRADES), Map.entry("backfill", 0L)), log);
    }

    @Test
    void aBackfillAfterRestartingMarketdataStillStoresNothingTwice() throws Exception {
        backfill(BTC, FROM, TO);
        marketdata.restart(); // forgets everything held in memory: the store is what de-duplicates
        BackfillProgress done = backfill(BTC, FROM, TO).getLast();
        assertTrue(done.getDone());
        assertEquals(0, done.getTradesStored());
        assertEquals(BTC_TRADES, storedOf("BTCUSDT"));
    }

    @Test
    void aPartlyStoredWindowStoresOnlyTheMissingTrades() throws Exception {
        // the first minute of the sample (B3 day 2024-08-08) is backfilled, then the whole window
        long firstMinuteEnd = nanos("2024-08-09T00:00:00Z");
        BackfillProgress part = backfill(BTC, FROM, firstMinuteEnd).getLast();
        assertTrue(part.getTradesStored() > 0 && part.getTradesStored() < BTC_TRADES, part.toString());
        BackfillProgress rest = backfill(BTC, FROM, TO).getLast();
        assertEquals(BTC_TRADES - part.getTradesStored(), rest.getTradesStored());
        assertEquals(BTC_TRADES, storedOf("BTCUSDT"));
        assertEquals(BTC_TRADES, trades(readTrades(BTC, FROM, TO)).size());
    }

    @Test
    void aTickerTheGatewayDoesNotKnowKeepsTheGatewaysCode() {
        var e = assertThrows(StatusRuntimeException.class, () -> backfill(instrument("PETR5", "B"), FROM, TO));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("history of PETR5:B for trading day 2024-08-06"), e.getStatus().getDescription());
    }

    @Test
    void bothAreUnavailableWhilePostgresqlIsAway() throws Exception {
        stack.postgres().stop();
        try {
            var e = assertThrows(StatusRuntimeException.class, () -> readTrades(BTC, FROM, TO));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().startsWith("reading trades of BTCUSDT:SPOT: PostgreSQL unavailable"),
                    e.getStatus().getDescription());
            var f = assertThrows(StatusRuntimeException.class, () -> backfill(BTC, FROM, TO));
            assertEquals(Status.Code.UNAVAILABLE, f.getStatus().getCode());
            assertTrue(f.getStatus().getDescription().contains("PostgreSQL unavailable"), f.getStatus().getDescription());
        } finally {
            stack.postgres().start();
        }
        assertEquals(BTC_TRADES, backfill(BTC, FROM, TO).getLast().getTradesStored(), "fine again once it is back");
    }

    @Test
    void anUnreachableGatewayIsUnavailable() throws Exception {
        gateway.stop();
        var e = assertThrows(StatusRuntimeException.class, () -> backfill(BTC, FROM, TO));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("gateway unreachable: "), e.getStatus().getDescription());
        assertEquals(0, storedOf("BTCUSDT"));
        assertFalse(marketdata.app().writer().failures() > 0, "the database was never the problem");
    }
}
