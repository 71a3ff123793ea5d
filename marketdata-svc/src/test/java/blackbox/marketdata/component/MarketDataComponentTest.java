package blackbox.marketdata.component;

import static blackbox.gateway.testing.GatewayPart.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.ListSubscriptionsRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.Repaired;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.marketdata.v1.UnsubscribeRequest;
import blackbox.testkit.Seeds;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
    private static final int SAMPLE_TRADES = GatewayPart.SAMPLE_TRADES;
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
        startGateway(gateway, Map.of());
        marketdata.truncate();
        marketdata.start();
    }

    @AfterEach
    void stopServices() throws Exception {
        marketdata.stop();
        gateway.stop();
    }

    /**
     * (Re)starts the gateway as marketdata's tests run it: the part's defaults with a shorter wait for the DLL's
     * invalid-ticker callback (the simulator answers at once), then {@code overrides}.
     */
    static void startGateway(GatewayPart gateway, Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put(GatewayConfig.INVALID_TICKER_WAIT, "150ms");
        values.putAll(overrides);
        gateway.start(values);
    }

    private static SubscribeRequest sub(String user, String ticker) {
        return SubscribeRequest.newBuilder().setUserId(user).setInstrument(instrument(ticker, "SPOT")).build();
    }

    private static UnsubscribeRequest unsub(String user, String ticker) {
        return UnsubscribeRequest.newBuilder().setUserId(user).setInstrument(instrument(ticker, "SPOT")).build();
    }

    private static List<String> gatewaySubscriptions() {
        gateway.channel().resetConnectBackoff();
        return MarketDataGatewayGrpc.newBlockingStub(gateway.channel()).withWaitForReady()
                .withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS).listSubscriptions(ListSubscriptionsRequest.getDefaultInstance())
                .getInstrumentsList().stream().map(i -> i.getTicker()).toList();
    }

    private static List<String> list(String user) {
        return marketdata.blocking().listSubscriptions(blackbox.marketdata.v1.ListSubscriptionsRequest.newBuilder().setUserId(user).build())
                .getInstrumentsList().stream().map(i -> i.getTicker() + ":" + i.getExchange()).toList();
    }

    /** A marketdata StreamTrades call as a consumer sees it: trades counted by instrument and trade number, repair notices. */
    static final class Consumer {
        final StreamCollector<TradeStreamMessage> stream = new StreamCollector<>();

        /** Opens the call on marketdata-svc. */
        static Consumer open(MarketDataPart marketdata) {
            Consumer consumer = new Consumer();
            marketdata.async().streamTrades(StreamTradesRequest.getDefaultInstance(), consumer.stream);
            return consumer;
        }

        static long trades(List<TradeStreamMessage> messages) {
            return messages.stream().filter(TradeStreamMessage::hasTrades).mapToLong(m -> m.getTrades().getTradesCount()).sum();
        }

        static List<Repaired> repaired(List<TradeStreamMessage> messages) {
            return messages.stream().filter(TradeStreamMessage::hasRepaired).map(TradeStreamMessage::getRepaired).toList();
        }

        long trades() {
            return trades(stream.items());
        }

        List<Repaired> repaired() {
            return repaired(stream.items());
        }

        /** Trades received more than once (same ticker and trade number). */
        long duplicateKeys() {
            Set<String> keys = new HashSet<>();
            return stream.items().stream().filter(TradeStreamMessage::hasTrades).flatMap(m -> m.getTrades().getTradesList().stream())
                    .filter(t -> !keys.add(t.getInstrument().getTicker() + "#" + Integer.toUnsignedLong(t.getTradeNumber())))
                    .count();
        }

        /** Waits for {@code expected} trades; fails at once with the stream's status if it ends first. */
        void awaitTrades(long expected, Duration timeout) throws InterruptedException {
            stream.await(m -> trades(m) == expected, timeout, () -> expected + " trades (got " + trades() + ")");
        }

        /** Waits until {@code condition} holds for what arrived; fails at once if the stream ends first. */
        void await(java.util.function.Predicate<List<TradeStreamMessage>> condition, Duration timeout, Supplier<String> what)
                throws InterruptedException {
            stream.await(condition, timeout, what);
        }
    }

    @Test
    void theFirstSubscriberStartsIngestionAndTheLastStopsItAfterTheGracePeriod() throws Exception {
        var first = marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        assertTrue(first.getNewlySubscribed());
        assertEquals(1, first.getReferenceCount());
        assertEquals(List.of("BTCUSDT"), gatewaySubscriptions());
        assertEquals(2, marketdata.blocking().subscribe(sub("bob", "BTCUSDT")).getReferenceCount());
        var again = marketdata.blocking().subscribe(sub("bob", "BTCUSDT"));
        assertFalse(again.getNewlySubscribed(), "subscribing twice is idempotent");
        assertEquals(2, again.getReferenceCount());

        assertEquals(1, marketdata.blocking().unsubscribe(unsub("alice", "BTCUSDT")).getReferenceCount());
        assertEquals(0, marketdata.blocking().unsubscribe(unsub("bob", "BTCUSDT")).getReferenceCount());
        var ingestion = marketdata.blocking().listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(1, ingestion.size());
        assertTrue(ingestion.getFirst().getStopping(), "inside the grace period the instrument is still ingested: " + ingestion);
        assertEquals(List.of("BTCUSDT"), gatewaySubscriptions());
        TestStack.await(() -> gatewaySubscriptions().isEmpty(), Duration.ofSeconds(5), () -> "the stop after the grace period");
        assertEquals(List.of(), marketdata.blocking().listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList());
    }

    @Test
    void aQuickUnsubscribeAndSubscribeDoesNotFlapTheDll() throws Exception {
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.blocking().unsubscribe(unsub("alice", "ETHUSDT"));
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        Thread.sleep(700); // longer than the 300 ms grace
        assertEquals(List.of("ETHUSDT"), gatewaySubscriptions());
        assertEquals(0, gateway.gateway().engine().restarts());
    }

    @Test
    void usersSeeOnlyTheirOwnListsInAlphabeticalOrder() {
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("bob", "ETHUSDT"));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("alice"));
        assertEquals(List.of("ETHUSDT:SPOT"), list("bob"));
        marketdata.blocking().unsubscribe(unsub("bob", "BTCUSDT")); // bob cannot remove alice's
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("alice"));
        assertEquals(List.of(), list("carol"));
    }

    @Test
    void anUnknownTickerIsRefusedByNameAndNothingIsKept() {
        var e = assertThrows(StatusRuntimeException.class, () -> marketdata.blocking().subscribe(
                SubscribeRequest.newBuilder().setUserId("alice").setInstrument(instrument("PETR5", "B")).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("unknown ticker: PETR5:B"), e.getStatus().getDescription());
        assertEquals(List.of(), list("alice"));
        assertEquals(List.of(), marketdata.blocking().listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList());
        long rows = stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.subscriptions").mapTo(Long.class).one());
        assertEquals(0, rows);
    }

    @Test
    void badRequestsNameTheFieldAndValue() {
        var e = assertThrows(StatusRuntimeException.class, () -> marketdata.blocking().subscribe(sub("Alice Smith", "BTCUSDT")));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("user_id must match [a-z0-9._@-]{1,64}: user_id=\"Alice Smith\"", e.getStatus().getDescription());
        var f = assertThrows(StatusRuntimeException.class, () -> marketdata.blocking().subscribe(
                SubscribeRequest.newBuilder().setUserId("alice").setInstrument(instrument("", "B")).build()));
        assertEquals("instrument: ticker must match [A-Z0-9_.-]{1,32}: ticker=\"\"", f.getStatus().getDescription());
    }

    @Test
    void manyUsersSubscribingConcurrentlyNeverLeaveTheCountWrong() throws Exception {
        String[] tickers = {"BTCUSDT", "ETHUSDT"};
        long seed = Seeds.seed("MarketDataComponentTest concurrency");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            Random random = new Random(seed + t);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String user = "u" + random.nextInt(15);
                    String ticker = tickers[random.nextInt(tickers.length)];
                    if (random.nextBoolean()) marketdata.blocking().subscribe(sub(user, ticker));
                    else marketdata.blocking().unsubscribe(unsub(user, ticker));
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
        marketdata.blocking().listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList()
                .forEach(i -> { if (i.getReferenceCount() > 0) actual.put(i.getInstrument().getTicker(), i.getReferenceCount()); });
        assertEquals(expected, actual, "seed " + seed);
        Map<String, Integer> stored = new java.util.TreeMap<>();
        stack.database().jdbi().useHandle(h -> h.createQuery("SELECT ticker, count(*) AS n FROM marketdata.subscriptions GROUP BY ticker")
                .map((rs, ctx) -> Map.entry(rs.getString("ticker"), rs.getInt("n"))).forEach(e -> stored.put(e.getKey(), e.getValue())));
        assertEquals(expected, stored, "the database agrees; seed " + seed);
        // Every instrument with subscribers is subscribed at the gateway.
        assertTrue(new TreeSet<>(gatewaySubscriptions()).containsAll(expected.keySet()), gatewaySubscriptions() + " vs " + expected);
    }

    @Test
    void everyTradeIsStoredOnceAndStreamedToConsumers() throws Exception {
        Consumer consumer = Consumer.open(marketdata);
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("bob", "ETHUSDT"));
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(30),
                () -> "all trades stored: " + marketdata.storedTrades() + "; " + marketdata.app().stats());
        consumer.awaitTrades(SAMPLE_TRADES, Duration.ofSeconds(10));
        assertEquals(0, consumer.duplicateKeys());
        assertEquals(List.of(), consumer.repaired(), "no gaps in a clean replay");
    }

    /**
     * Trades are streamed before they are committed; a consumer that catches up from the store after its stream opens
     * (candle-svc, web-bff) relies on two promises: the stream's first message is StreamOpened, sent once it is
     * registered, and a ReadTrades sees every trade accepted before the call. Each read here is issued the moment a
     * streamed trade arrived, while the tape runs (the writer commits in batches behind the stream).
     */
    @Test
    void aStreamOpensWithStreamOpenedAndAReadIssuedRightAfterAStreamedTradeSeesIt() throws Exception {
        startGateway(gateway, Map.of(GatewayConfig.SPEED, "20x")); // 3 minutes of tape in about 9 s
        Consumer consumer = Consumer.open(marketdata);
        consumer.await(m -> !m.isEmpty(), Duration.ofSeconds(10), () -> "a first message");
        assertTrue(consumer.stream.items().getFirst().hasOpened(), () -> "first: " + consumer.stream.items().getFirst());
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.awaitLive(1);
        gateway.startReplay();
        int reads = 0;
        long seen = 0;
        while (reads < 15) {
            long before = seen;
            consumer.await(m -> Consumer.trades(m) > before, Duration.ofSeconds(30), () -> "more trades after " + before);
            List<blackbox.gateway.v1.Trade> streamed = consumer.stream.items().stream().filter(TradeStreamMessage::hasTrades)
                    .flatMap(m -> m.getTrades().getTradesList().stream()).toList();
            seen = streamed.size();
            long from = streamed.stream().mapToLong(blackbox.gateway.v1.Trade::getTimeNanos).min().orElseThrow();
            long to = streamed.stream().mapToLong(blackbox.gateway.v1.Trade::getTimeNanos).max().orElseThrow() + 1;
            Set<Integer> read = new HashSet<>();
            marketdata.blocking().readTrades(blackbox.marketdata.v1.ReadTradesRequest.newBuilder().setInstrument(GatewayPart.BTC)
                    .setFromNanos(from).setToNanos(to).build()).forEachRemaining(b -> b.getTradesList().forEach(t -> read.add(t.getTradeNumber())));
            List<Long> missing = streamed.stream().map(blackbox.gateway.v1.Trade::getTradeNumber).filter(n -> !read.contains(n))
                    .map(Integer::toUnsignedLong).toList();
            assertEquals(0, missing.size(), "trades streamed before read " + reads + " but not in it (of " + seen
                    + " streamed), first: " + missing.stream().limit(5).toList());
            reads++;
            if (seen == 3000) break;
        }
        assertTrue(reads >= 2, "reads issued while the tape ran: " + reads);
        assertEquals(1, consumer.stream.items().stream().filter(TradeStreamMessage::hasOpened).count(), "StreamOpened once");
    }

    @Test
    void tradesOfInstrumentsNobodySubscribedHereAreNotIngested() throws Exception {
        // someone else subscribed ETHUSDT directly at the gateway; marketdata's users only want BTCUSDT
        MarketDataGatewayGrpc.newBlockingStub(gateway.channel()).subscribe(blackbox.gateway.v1.SubscribeRequest.newBuilder()
                .setInstrument(instrument("ETHUSDT", "SPOT")).build());
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.awaitLive(1);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() == 3000, Duration.ofSeconds(30), () -> "BTCUSDT's 3,000 trades stored; " + marketdata.app().stats());
        TestStack.await(() -> marketdata.app().ingestion().ignored() == 3000, Duration.ofSeconds(10), () -> "ETHUSDT's ignored; " + marketdata.app().stats());
        long eth = stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades WHERE ticker = 'ETHUSDT'")
                .mapTo(Long.class).one());
        assertEquals(0, eth);
    }

    @Test
    void aReplayOfTheSameTradesStoresNothingTwice() throws Exception {
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(30), () -> "first pass stored");
        // The gateway restarts and the simulator replays the same file from the start: every trade comes again.
        startGateway(gateway, Map.of());
        long receivedBefore = marketdata.app().ingestion().received();
        TestStack.await(() -> gatewaySubscriptions().size() == 2,
                Duration.ofSeconds(10), () -> "marketdata re-subscribed at the restarted gateway");
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.app().ingestion().received() >= receivedBefore + SAMPLE_TRADES, Duration.ofSeconds(30),
                () -> "second pass received: " + marketdata.app().stats());
        Thread.sleep(300);
        assertEquals(SAMPLE_TRADES, marketdata.storedTrades());
        assertTrue(marketdata.app().ingestion().duplicates() >= SAMPLE_TRADES, marketdata.app().stats());
    }

    @Test
    void theStateIsRebuiltFromPostgresqlAndTheGatewayIsBroughtBackToIt() throws Exception {
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("bob", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("bob", "ETHUSDT"));
        // Both sides restart: the gateway forgets every subscription.
        gateway.stop();
        marketdata.restart();
        startGateway(gateway, Map.of());
        assertEquals(List.of("BTCUSDT:SPOT"), list("alice"));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), list("bob"));
        var ingestion = marketdata.blocking().listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(List.of(2, 1), ingestion.stream().map(i -> i.getReferenceCount()).toList());
        TestStack.await(() -> gatewaySubscriptions().equals(List.of("BTCUSDT", "ETHUSDT")), Duration.ofSeconds(10),
                () -> "gateway brought back to the subscriptions: " + gatewaySubscriptions());
    }

    @Test
    void aDatabaseOutageMidStreamLosesNoTrade() throws Exception {
        startGateway(gateway, Map.of(GatewayConfig.SPEED, "10x")); // the sample's 2 minutes in about 13 s
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() > 500, Duration.ofSeconds(20), () -> "some trades stored");
        stack.postgres().stop();
        TestStack.await(() -> !marketdata.app().health().healthy(), Duration.ofSeconds(10), () -> "health DOWN while PostgreSQL is away");
        Thread.sleep(2_000);
        assertTrue(marketdata.app().spool().size() > 0, "trades wait in the spool: " + marketdata.app().stats());
        stack.postgres().start();
        TestStack.await(() -> marketdata.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(60),
                () -> "every trade stored after the outage: " + marketdata.storedTrades() + "; " + marketdata.app().stats());
        TestStack.await(() -> marketdata.app().health().healthy(), Duration.ofSeconds(10), () -> "healthy again: " + marketdata.app().health().snapshot());
        assertTrue(marketdata.app().writer().failures() > 0, "the outage was noticed");
    }

    /** The stored trades after which a trade number is missing, as TICKER:NUMBER. */
    private static List<String> holes() {
        return stack.database().jdbi().withHandle(h -> h.createQuery("SELECT ticker || ':' || p FROM (SELECT ticker, trade_number,"
                + " lag(trade_number) OVER (PARTITION BY ticker ORDER BY trade_number) AS p FROM marketdata.trades) x"
                + " WHERE p IS NOT NULL AND trade_number <> p + 1").mapTo(String.class).list());
    }

    @Test
    void aMarketdataSvcRestartedMidStreamCatchesUpWhatItMissedWhileDown() throws Exception {
        startGateway(gateway, Map.of(GatewayConfig.SPEED, "20x"));
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() >= 1000, Duration.ofSeconds(30), () -> "some trades stored: " + marketdata.storedTrades());
        marketdata.stop();
        // the tape goes on (20x: a second is 20 s of trades) with nobody listening at the gateway
        long stoppedAt = marketdata.storedTrades();
        Thread.sleep(1000);
        marketdata.start();
        Consumer consumer = Consumer.open(marketdata);
        // trades stored between the start and the consumer's subscription need not reach it; every later one must
        TestStack.await(() -> marketdata.app().tradeConsumers() == 1, Duration.ofSeconds(10), () -> "the consumer's stream open");
        long storedWhenOpened = marketdata.storedTrades();
        TestStack.await(() -> marketdata.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(60),
                () -> "every trade stored after the restart (stored " + marketdata.storedTrades() + ", " + stoppedAt
                        + " before it; holes after " + holes() + "): " + marketdata.app().stats());
        TestStack.await(() -> marketdata.app().restartCatchUp().done(), Duration.ofSeconds(30), "the restart catch-up");
        assertEquals(0, consumer.duplicateKeys(), "a consumer of the restarted service gets no trade twice");
        // the catch-up is done when stored; its fan-out to the consumer can still be on the wire
        TestStack.await(() -> consumer.trades() >= SAMPLE_TRADES - storedWhenOpened, Duration.ofSeconds(10), () -> "the caught-up trades reach the consumers too: "
                + consumer.trades() + " of the " + (SAMPLE_TRADES - storedWhenOpened) + " stored after the consumer subscribed ("
                + (SAMPLE_TRADES - stoppedAt) + " after the restart)");
        assertTrue(consumer.repaired().stream().anyMatch(r -> r.getReason().equals("restart catch-up") && r.getTradesRecovered() > 0),
                consumer.repaired().toString());
        long logged = stack.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM marketdata.repairs WHERE reason = 'restart catch-up' AND recovered > 0").mapTo(Long.class).one());
        assertTrue(logged > 0, "the catch-up is in marketdata.repairs");
    }

    @Test
    void aGatewayDisconnectIsRepairedFromHistoryWithoutDuplicates() throws Exception {
        startGateway(gateway, Map.of(GatewayConfig.SPEED, "20x", GatewayConfig.SIM_OPTIONS,
                "replay.start=manual;fault.disconnect_after_trades=1500;fault.reconnect_after_ms=300"));
        Consumer consumer = Consumer.open(marketdata);
        marketdata.blocking().subscribe(sub("alice", "BTCUSDT"));
        marketdata.blocking().subscribe(sub("alice", "ETHUSDT"));
        marketdata.awaitLive(2);
        gateway.startReplay();
        TestStack.await(() -> marketdata.storedTrades() == SAMPLE_TRADES, Duration.ofSeconds(60),
                () -> "every trade stored despite the disconnect: " + marketdata.storedTrades() + "; " + marketdata.app().stats());
        consumer.awaitTrades(SAMPLE_TRADES, Duration.ofSeconds(10));
        assertEquals(0, consumer.duplicateKeys(), "repaired trades are merged without duplicates");
        assertFalse(consumer.repaired().isEmpty(), "consumers are told which window was repaired");
        assertTrue(consumer.repaired().stream().mapToLong(Repaired::getTradesRecovered).sum() > 0, consumer.repaired().toString());
        long logged = stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.repairs").mapTo(Long.class).one());
        assertTrue(logged > 0);
    }
}
