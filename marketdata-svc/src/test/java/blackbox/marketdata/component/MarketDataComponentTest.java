package blackbox.marketdata.component;

import static blackbox.marketdata.component.StackHarness.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.v1.ListSubscriptionsRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.Repaired;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.marketdata.v1.UnsubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * marketdata-svc with its real neighbours: embedded PostgreSQL and the simulator-backed dll-gateway.
 * The sample replay has 6,000 trades of BTCUSDT and ETHUSDT (exchange SPOT).
 */
@Timeout(180)
class MarketDataComponentTest {
    private static final int SAMPLE_TRADES = 6000;
    private static StackHarness stack;

    @BeforeAll
    static void startDatabase() throws Exception {
        stack = new StackHarness();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (stack != null) stack.close();
    }

    @BeforeEach
    void startServices() throws Exception {
        if (stack.app != null) stack.app.close();
        stack.app = null;
        stack.startGateway(Map.of());
        stack.truncate();
        stack.startMarketData(Map.of());
    }

    @AfterEach
    void stopServices() {
        if (stack.app != null) stack.app.close();
        stack.app = null;
        stack.stopGateway();
    }

    private static SubscribeRequest sub(String user, String ticker) {
        return SubscribeRequest.newBuilder().setUserId(user).setInstrument(instrument(ticker, "SPOT")).build();
    }

    private static UnsubscribeRequest unsub(String user, String ticker) {
        return UnsubscribeRequest.newBuilder().setUserId(user).setInstrument(instrument(ticker, "SPOT")).build();
    }

    private static List<String> gatewaySubscriptions() {
        stack.gatewayChannel.resetConnectBackoff();
        return MarketDataGatewayGrpc.newBlockingStub(stack.gatewayChannel).withWaitForReady()
                .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS).listSubscriptions(ListSubscriptionsRequest.getDefaultInstance())
                .getInstrumentsList().stream().map(i -> i.getTicker()).toList();
    }

    private static List<String> list(String user) {
        return stack.blocking.listSubscriptions(blackbox.marketdata.v1.ListSubscriptionsRequest.newBuilder().setUserId(user).build())
                .getInstrumentsList().stream().map(i -> i.getTicker() + ":" + i.getExchange()).toList();
    }

    /** Collects a marketdata StreamTrades call. */
    static final class Consumer implements StreamObserver<TradeStreamMessage> {
        final AtomicLong trades = new AtomicLong();
        final List<Repaired> repaired = new CopyOnWriteArrayList<>();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final AtomicLong duplicateKeys = new AtomicLong();
        volatile Throwable error;

        @Override
        public void onNext(TradeStreamMessage m) {
            if (m.hasTrades()) {
                for (var t : m.getTrades().getTradesList()) {
                    trades.incrementAndGet();
                    if (!keys.add(t.getInstrument().getTicker() + "#" + Integer.toUnsignedLong(t.getTradeNumber()))) duplicateKeys.incrementAndGet();
                }
            } else if (m.hasRepaired()) {
                repaired.add(m.getRepaired());
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
        }
    }

    @Test
    void theFirstSubscriberStartsIngestionAndTheLastStopsItAfterTheGracePeriod() throws Exception {
        var first = stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        assertTrue(first.getNewlySubscribed());
        assertEquals(1, first.getReferenceCount());
        assertEquals(List.of("BTCUSDT"), gatewaySubscriptions());
        assertEquals(2, stack.blocking.subscribe(sub("bob", "BTCUSDT")).getReferenceCount());
        var again = stack.blocking.subscribe(sub("bob", "BTCUSDT"));
        assertFalse(again.getNewlySubscribed(), "subscribing twice is idempotent");
        assertEquals(2, again.getReferenceCount());

        assertEquals(1, stack.blocking.unsubscribe(unsub("alice", "BTCUSDT")).getReferenceCount());
        assertEquals(0, stack.blocking.unsubscribe(unsub("bob", "BTCUSDT")).getReferenceCount());
        var ingestion = stack.blocking.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(1, ingestion.size());
        assertTrue(ingestion.getFirst().getStopping(), "inside the grace period the instrument is still ingested: " + ingestion);
        assertEquals(List.of("BTCUSDT"), gatewaySubscriptions());
        StackHarness.await(() -> gatewaySubscriptions().isEmpty(), Duration.ofSeconds(5), () -> "the stop after the grace period");
        assertEquals(List.of(), stack.blocking.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList());
    }

    @Test
    void aQuickUnsubscribeAndSubscribeDoesNotFlapTheDll() throws Exception {
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        stack.blocking.unsubscribe(unsub("alice", "ETHUSDT"));
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        Thread.sleep(700); // longer than the 300 ms grace
        assertEquals(List.of("ETHUSDT"), gatewaySubscriptions());
        assertEquals(0, stack.gateway.engine().restarts());
    }

    @Test
    void usersSeeOnlyTheirOwnListsInAlphabeticalOrder() {
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("bob", "ETHUSDT"));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("alice"));
        assertEquals(List.of("ETHUSDT:SPOT"), list("bob"));
        stack.blocking.unsubscribe(unsub("bob", "BTCUSDT")); // bob cannot remove alice's
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("alice"));
        assertEquals(List.of(), list("carol"));
    }

    @Test
    void anUnknownTickerIsRefusedByNameAndNothingIsKept() {
        var e = assertThrows(StatusRuntimeException.class, () -> stack.blocking.subscribe(
                SubscribeRequest.newBuilder().setUserId("alice").setInstrument(instrument("PETR5", "B")).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("unknown ticker: PETR5:B"), e.getStatus().getDescription());
        assertEquals(List.of(), list("alice"));
        assertEquals(List.of(), stack.blocking.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList());
        long rows = stack.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.subscriptions").mapTo(Long.class).one());
        assertEquals(0, rows);
    }

    @Test
    void badRequestsNameTheFieldAndValue() {
        var e = assertThrows(StatusRuntimeException.class, () -> stack.blocking.subscribe(sub("Alice Smith", "BTCUSDT")));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("user_id must match [a-z0-9._@-]{1,64}: user_id=\"Alice Smith\"", e.getStatus().getDescription());
        var f = assertThrows(StatusRuntimeException.class, () -> stack.blocking.subscribe(
                SubscribeRequest.newBuilder().setUserId("alice").setInstrument(instrument("", "B")).build()));
        assertEquals("instrument: ticker must match [A-Z0-9_.-]{1,32}: ticker=\"\"", f.getStatus().getDescription());
    }

    @Test
    void manyUsersSubscribingConcurrentlyNeverLeaveTheCountWrong() throws Exception {
        String[] tickers = {"BTCUSDT", "ETHUSDT"};
        long seed = System.nanoTime();
        System.out.println("concurrency test seed " + seed);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            Random random = new Random(seed + t);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String user = "u" + random.nextInt(15);
                    String ticker = tickers[random.nextInt(tickers.length)];
                    if (random.nextBoolean()) stack.blocking.subscribe(sub(user, ticker));
                    else stack.blocking.unsubscribe(unsub(user, ticker));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        Map<String, Integer> expected = new java.util.TreeMap<>();
        for (int u = 0; u < 15; u++) {
            for (String entry : list("u" + u)) expected.merge(entry.split(":")[0], 1, Integer::sum);
        }
        Map<String, Integer> actual = new java.util.TreeMap<>();
        stack.blocking.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList()
                .forEach(i -> { if (i.getReferenceCount() > 0) actual.put(i.getInstrument().getTicker(), i.getReferenceCount()); });
        assertEquals(expected, actual, "seed " + seed);
        Map<String, Integer> stored = new java.util.TreeMap<>();
        stack.database.jdbi().useHandle(h -> h.createQuery("SELECT ticker, count(*) AS n FROM marketdata.subscriptions GROUP BY ticker")
                .map((rs, ctx) -> Map.entry(rs.getString("ticker"), rs.getInt("n"))).forEach(e -> stored.put(e.getKey(), e.getValue())));
        assertEquals(expected, stored, "the database agrees; seed " + seed);
        // Every instrument with subscribers is subscribed at the gateway.
        assertTrue(new TreeSet<>(gatewaySubscriptions()).containsAll(expected.keySet()), gatewaySubscriptions() + " vs " + expected);
    }

    @Test
    void everyTradeIsStoredOnceAndStreamedToConsumers() throws Exception {
        Consumer consumer = new Consumer();
        stack.async.streamTrades(StreamTradesRequest.getDefaultInstance(), consumer);
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("bob", "ETHUSDT"));
        stack.awaitLive(2);
        stack.startReplay();
        StackHarness.await(() -> stack.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(30),
                () -> "all trades stored: " + stack.storedTrades() + "; " + stack.app.stats());
        StackHarness.await(() -> consumer.trades.get() == SAMPLE_TRADES, Duration.ofSeconds(10), () -> "consumer got " + consumer.trades);
        assertEquals(0, consumer.duplicateKeys.get());
        assertEquals(List.of(), consumer.repaired, "no gaps in a clean replay");
    }

    @Test
    void tradesOfInstrumentsNobodySubscribedHereAreNotIngested() throws Exception {
        // someone else subscribed ETHUSDT directly at the gateway; marketdata's users only want BTCUSDT
        MarketDataGatewayGrpc.newBlockingStub(stack.gatewayChannel).subscribe(blackbox.gateway.v1.SubscribeRequest.newBuilder()
                .setInstrument(instrument("ETHUSDT", "SPOT")).build());
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.awaitLive(1);
        stack.startReplay();
        StackHarness.await(() -> stack.storedTrades() == 3000, Duration.ofSeconds(30), () -> "BTCUSDT's 3,000 trades stored; " + stack.app.stats());
        StackHarness.await(() -> stack.app.ingestion().ignored() == 3000, Duration.ofSeconds(10), () -> "ETHUSDT's ignored; " + stack.app.stats());
        long eth = stack.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades WHERE ticker = 'ETHUSDT'")
                .mapTo(Long.class).one());
        assertEquals(0, eth);
    }

    @Test
    void aReplayOfTheSameTradesStoresNothingTwice() throws Exception {
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        stack.awaitLive(2);
        stack.startReplay();
        StackHarness.await(() -> stack.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(30), () -> "first pass stored");
        // The gateway restarts and the simulator replays the same file from the start: every trade comes again.
        stack.startGateway(Map.of());
        long receivedBefore = stack.app.ingestion().received();
        StackHarness.await(() -> gatewaySubscriptions().size() == 2,
                Duration.ofSeconds(10), () -> "marketdata re-subscribed at the restarted gateway");
        stack.awaitLive(2);
        stack.startReplay();
        StackHarness.await(() -> stack.app.ingestion().received() >= receivedBefore + SAMPLE_TRADES, Duration.ofSeconds(30),
                () -> "second pass received: " + stack.app.stats());
        Thread.sleep(300);
        assertEquals(SAMPLE_TRADES, stack.storedTrades());
        assertTrue(stack.app.ingestion().duplicates() >= SAMPLE_TRADES, stack.app.stats());
    }

    @Test
    void theStateIsRebuiltFromPostgresqlAndTheGatewayIsBroughtBackToIt() throws Exception {
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("bob", "BTCUSDT"));
        stack.blocking.subscribe(sub("bob", "ETHUSDT"));
        // Both sides restart: the gateway forgets every subscription.
        stack.stopGateway();
        stack.restartMarketData();
        stack.startGateway(Map.of());
        assertEquals(List.of("BTCUSDT:SPOT"), list("alice"));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("bob"));
        var ingestion = stack.blocking.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(List.of(2, 1), ingestion.stream().map(i -> i.getReferenceCount()).toList());
        StackHarness.await(() -> gatewaySubscriptions().equals(List.of("BTCUSDT", "ETHUSDT")), Duration.ofSeconds(10),
                () -> "gateway brought back to the subscriptions: " + gatewaySubscriptions());
    }

    @Test
    void aDatabaseOutageMidStreamLosesNoTrade() throws Exception {
        stack.startGateway(Map.of(blackbox.gateway.GatewayConfig.SPEED, "10x")); // the sample's 2 minutes in about 13 s
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        stack.awaitLive(2);
        stack.startReplay();
        StackHarness.await(() -> stack.storedTrades() > 500, Duration.ofSeconds(20), () -> "some trades stored");
        stack.postgres.stop();
        StackHarness.await(() -> !stack.app.health().healthy(), Duration.ofSeconds(10), () -> "health DOWN while PostgreSQL is away");
        Thread.sleep(2_000);
        assertTrue(stack.app.spool().size() > 0, "trades wait in the spool: " + stack.app.stats());
        stack.postgres.start();
        StackHarness.await(() -> stack.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(60),
                () -> "every trade stored after the outage: " + stack.storedTrades() + "; " + stack.app.stats());
        StackHarness.await(() -> stack.app.health().healthy(), Duration.ofSeconds(10), () -> "healthy again: " + stack.app.health().snapshot());
        assertTrue(stack.app.writer().failures() > 0, "the outage was noticed");
    }

    @Test
    void aGatewayDisconnectIsRepairedFromHistoryWithoutDuplicates() throws Exception {
        stack.startGateway(Map.of(blackbox.gateway.GatewayConfig.SPEED, "20x", blackbox.gateway.GatewayConfig.SIM_OPTIONS,
                "replay.start=manual;fault.disconnect_after_trades=1500;fault.reconnect_after_ms=300"));
        Consumer consumer = new Consumer();
        stack.async.streamTrades(StreamTradesRequest.getDefaultInstance(), consumer);
        stack.blocking.subscribe(sub("alice", "BTCUSDT"));
        stack.blocking.subscribe(sub("alice", "ETHUSDT"));
        stack.awaitLive(2);
        stack.startReplay();
        StackHarness.await(() -> stack.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(60),
                () -> "every trade stored despite the disconnect: " + stack.storedTrades() + "; " + stack.app.stats());
        StackHarness.await(() -> consumer.trades.get() == SAMPLE_TRADES, Duration.ofSeconds(10), () -> "consumer got " + consumer.trades);
        assertEquals(0, consumer.duplicateKeys.get(), "repaired trades are merged without duplicates");
        assertFalse(consumer.repaired.isEmpty(), "consumers are told which window was repaired");
        assertTrue(consumer.repaired.stream().mapToLong(Repaired::getTradesRecovered).sum() > 0, consumer.repaired.toString());
        long logged = stack.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.repairs").mapTo(Long.class).one());
        assertTrue(logged > 0);
    }
}
