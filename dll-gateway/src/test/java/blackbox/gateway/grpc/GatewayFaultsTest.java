package blackbox.gateway.grpc;

import static blackbox.gateway.GatewayHarness.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.GatewayHarness;
import blackbox.gateway.TestPaths;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.v1.ConnectionState;
import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.HistoryTradesMessage;
import blackbox.gateway.v1.HistoryTradesRequest;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults injected into the simulator, and what the gateway does about them. */
@Timeout(120)
class GatewayFaultsTest {
    private static List<ReplayEvent> expected;

    @BeforeAll
    static void readSample() throws Exception {
        expected = ReplayExpectations.trades(TestPaths.sampleReplay());
    }

    private static String key(String ticker, long tradeNumber) {
        return ticker + "#" + tradeNumber;
    }

    private static void subscribeBoth(GatewayHarness h) {
        for (String ticker : List.of("BTCUSDT", "ETHUSDT")) {
            h.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument(ticker, "SPOT")).build());
        }
    }

    @Test
    void aDisconnectIsFollowedByReconnectResubscriptionAndAGapThatHistoryRepairs() throws Exception {
        // Paced at 20x (the sample's 2 minutes in about 6 s), so the tape moves on during the 300 ms outage and
        // trades keep coming after the gateway has subscribed again; at max speed the rest of the tape would be gone.
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.SPEED, "20x", GatewayConfig.SIM_OPTIONS,
                "replay.start=manual;fault.disconnect_after_trades=1000;fault.reconnect_after_ms=300"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            subscribeBoth(h);
            TradeCollector stream = new TradeCollector();
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
            GatewayHarness.await(() -> h.gateway.service().openTradeStreams() == 1, Duration.ofSeconds(5), () -> "stream open");
            h.startReplay();

            // Wait for the outage to be marked and the tape to reach its end (the server clock is the tape's time);
            // which trades fall into the gap depends on scheduling, so the checks below do not assume it.
            long lastTime = expected.getLast().tsNanos() / 1_000_000 * 1_000_000;
            GatewayHarness.await(() -> !stream.gaps().isEmpty() && h.gateway.engine().serverClockNanos() >= lastTime,
                    Duration.ofSeconds(60), () -> "the gap and the end of the tape; have " + stream.tradeCount()
                            + " trades, status " + h.gateway.engine().status());
            // the tape's last trade comes after the outage (it is 1000 trades in, the tape has twice that): once it
            // is here, every trade the gateway will ever send is here
            ReplayEvent last = expected.getLast();
            GatewayHarness.await(() -> stream.trades().stream().anyMatch(t -> t.getInstrument().getTicker().equals(last.ticker())
                            && Integer.toUnsignedLong(t.getTradeNumber()) == last.tradeNumber()),
                    Duration.ofSeconds(30), () -> "the tape's last trade " + key(last.ticker(), last.tradeNumber()));

            assertEquals(1, h.gateway.engine().status().reconnects());
            List<Gap> gaps = stream.gaps();
            assertEquals(1, gaps.size(), "gaps " + gaps);
            Gap gap = gaps.getFirst();
            assertTrue(gap.getFromNanos() <= gap.getToNanos(), gap.toString());
            assertEquals("DLL market data disconnected", gap.getReason());

            // What arrived is in file order, without duplicates, and starts with the 1000 trades before the fault.
            Map<String, Integer> fileIndex = new HashMap<>();
            for (int i = 0; i < expected.size(); i++) fileIndex.put(key(expected.get(i).ticker(), expected.get(i).tradeNumber()), i);
            List<Trade> received = stream.trades();
            int previous = -1;
            Set<String> seen = new HashSet<>();
            for (Trade t : received) {
                String k = key(t.getInstrument().getTicker(), Integer.toUnsignedLong(t.getTradeNumber()));
                int index = fileIndex.get(k);
                assertTrue(index > previous, "out of order at " + k);
                assertTrue(seen.add(k), "duplicate " + k);
                previous = index;
            }
            ReplayExpectations.assertSameTrades(expected.subList(0, 1000), received.subList(0, 1000));
            assertTrue(received.size() < expected.size(), "the outage must have lost trades: " + received.size());
            assertTrue(received.stream().anyMatch(t -> t.getTimeNanos() > gap.getToNanos()),
                    "trades flow again after the re-subscription");

            // History over the gap window repairs exactly what was missed.
            for (String ticker : List.of("BTCUSDT", "ETHUSDT")) {
                Iterator<HistoryTradesMessage> answer = h.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                        .setInstrument(instrument(ticker, "SPOT")).setFromNanos(gap.getFromNanos()).setToNanos(gap.getToNanos()).build());
                while (answer.hasNext()) {
                    HistoryTradesMessage m = answer.next();
                    if (m.hasTrades()) {
                        m.getTrades().getTradesList().forEach(t -> seen.add(key(ticker, Integer.toUnsignedLong(t.getTradeNumber()))));
                    }
                }
            }
            assertEquals(fileIndex.keySet(), seen, "real-time trades plus the repaired gap must be the whole file");
        }
    }

    @Test
    void whenTheDllDoesNotReconnectByItselfTheGatewayStartsANewSessionAndSubscribesAgain() throws Exception {
        // The simulator stays down for a minute; the gateway gives it 1 s, then finalizes and logs in again.
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.SPEED, "20x",
                GatewayConfig.SIM_OPTIONS, "fault.disconnect_after_trades=500;fault.reconnect_after_ms=60000",
                GatewayConfig.RECONNECT_TIMEOUT, "1s", GatewayConfig.BACKOFF_INITIAL, "100ms"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            TradeCollector stream = new TradeCollector();
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
            GatewayHarness.await(() -> h.gateway.service().openTradeStreams() == 1, Duration.ofSeconds(5), () -> "stream open");
            subscribeBoth(h); // the tape starts with the first subscription (replay.start=on_first_subscribe)

            GatewayHarness.await(() -> h.gateway.engine().restarts() == 1, Duration.ofSeconds(15),
                    () -> "a session restart; status " + h.gateway.engine().status());
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            int before = stream.tradeCount();
            GatewayHarness.await(() -> stream.tradeCount() > before + 100, Duration.ofSeconds(15),
                    () -> "trades from the new session; have " + stream.tradeCount());
            assertEquals(1, stream.gaps().size(), "the outage is marked once: " + stream.gaps());
            Gap gap = stream.gaps().getFirst();
            assertTrue(gap.getFromNanos() <= gap.getToNanos(), gap.toString());
            assertEquals(List.of("BTCUSDT", "ETHUSDT"), h.gateway.engine().subscriptions().stream().map(i -> i.ticker()).toList());
        }
    }

    @Test
    void aClientThatDoesNotReadIsCutOffWhileOthersGetEverything() throws Exception {
        // Paced at 20x (about 1,000 trades a second): a reading client never has 1,000 messages waiting, one that
        // reads nothing has them within a second or two.
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.STREAM_BUFFER, "1000", GatewayConfig.SPEED, "20x"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            subscribeBoth(h);
            CountDownLatch slowClosed = new CountDownLatch(1);
            Status[] slowStatus = new Status[1];
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), new ClientResponseObserver<StreamTradesRequest, TradeStreamMessage>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<StreamTradesRequest> call) {
                    call.disableAutoRequestWithInitial(0); // never asks for a message
                }

                @Override
                public void onNext(TradeStreamMessage value) {
                }

                @Override
                public void onError(Throwable t) {
                    slowStatus[0] = Status.fromThrowable(t);
                    slowClosed.countDown();
                }

                @Override
                public void onCompleted() {
                    slowClosed.countDown();
                }
            });
            TradeCollector fast = new TradeCollector();
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), fast);
            GatewayHarness.await(() -> h.gateway.service().openTradeStreams() == 2, Duration.ofSeconds(5), () -> "two streams");
            h.startReplay();

            assertTrue(slowClosed.await(30, TimeUnit.SECONDS), "the slow client must be told");
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, slowStatus[0].getCode());
            assertTrue(slowStatus[0].getDescription().startsWith("client too slow: more than 1000 messages waiting"),
                    slowStatus[0].getDescription());
            GatewayHarness.await(() -> fast.tradeCount() >= expected.size(), Duration.ofSeconds(30),
                    () -> "fast client's trades");
            assertEquals(null, fast.error, "the reading client must not be cut off");
            ReplayExpectations.assertSameTrades(expected, fast.trades());
            assertEquals(1, h.gateway.service().slowClientsDropped());
        }
    }

    @Test
    void aRefusedLoginIsReportedAndNotRetried() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.SIM_OPTIONS, "login.result=2"))) {
            h.awaitState(SessionStatus.State.FAILED, Duration.ofSeconds(10));
            assertEquals("login refused by the DLL: LOGIN_INVALID_PASS", h.gateway.engine().status().detail());
            HealthCheckResponse health = HealthGrpc.newBlockingStub(h.channel).check(HealthCheckRequest.newBuilder()
                    .setService("blackbox.gateway.v1.MarketDataGateway").build());
            assertEquals(HealthCheckResponse.ServingStatus.NOT_SERVING, health.getStatus());
            // a negative cannot be awaited: watch for 15 times the default first back-off (100 ms) that a retry
            // would have used, failing at the first restart or state change
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < until) {
                assertEquals(0, h.gateway.engine().restarts(), "a refused login is not retried");
                assertEquals(SessionStatus.State.FAILED, h.gateway.engine().status().state());
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aHistoryRequestTheDllNeverFinishesTimesOutAndTheSessionIsRestarted() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.SIM_OPTIONS, "replay.start=manual;fault.history_never_completes=1",
                GatewayConfig.HISTORY_TIMEOUT, "1s"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            long t = expected.getFirst().tsNanos();
            var e = assertThrows(StatusRuntimeException.class, () -> {
                var answer = h.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                        .setInstrument(instrument("BTCUSDT", "SPOT")).setFromNanos(t).setToNanos(t + 60_000_000_000L).build());
                while (answer.hasNext()) answer.next();
            });
            assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("restarted the DLL session"), e.getStatus().getDescription());
            GatewayHarness.await(() -> h.gateway.engine().restarts() == 1, Duration.ofSeconds(5), () -> "one restart");
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
        }
    }

    @Test
    void theSessionStateStreamStartsWithTheCurrentStateAndFollowsChanges() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(Map.of())) {
            List<SessionState> states = new CopyOnWriteArrayList<>();
            h.async.streamSessionState(StreamSessionStateRequest.getDefaultInstance(), new io.grpc.stub.StreamObserver<>() {
                @Override
                public void onNext(SessionState value) {
                    states.add(value);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            });
            GatewayHarness.await(() -> states.stream().anyMatch(s -> s.getState() == ConnectionState.CONNECTION_STATE_CONNECTED),
                    Duration.ofSeconds(10), () -> "CONNECTED in " + states);
            SessionState connected = states.stream().filter(s -> s.getState() == ConnectionState.CONNECTION_STATE_CONNECTED).findFirst().orElseThrow();
            assertTrue(connected.getMarketDataConnected());
            assertEquals(0, connected.getLastLoginResult());
            assertEquals(4, connected.getLastMarketResult());
            // connected: the market-data service and the server as a whole report SERVING
            var health = HealthGrpc.newBlockingStub(h.channel);
            GatewayHarness.await(() -> health.check(HealthCheckRequest.newBuilder()
                    .setService("blackbox.gateway.v1.MarketDataGateway").build()).getStatus()
                    == HealthCheckResponse.ServingStatus.SERVING, Duration.ofSeconds(5), () -> "MarketDataGateway SERVING");
            assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                    health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
        }
    }

    @Test
    void instrumentsConfiguredAtStartAreSubscribedWhenTheDllConnects() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.SUBSCRIBE, "BTCUSDT:SPOT,ETHUSDT:SPOT"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            TradeCollector stream = new TradeCollector();
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
            GatewayHarness.await(() -> h.gateway.service().openTradeStreams() == 1, Duration.ofSeconds(5), () -> "stream open");
            Thread.sleep(300); // the subscriptions are made on the control thread right after the connection
            h.startReplay();
            GatewayHarness.await(() -> stream.tradeCount() >= expected.size(), Duration.ofSeconds(30),
                    () -> "all trades without a Subscribe call; have " + stream.tradeCount());
            ReplayExpectations.assertSameTrades(expected, stream.trades());
        }
    }

    @Test
    void theSampleIsLongEnoughForTheFaultsAboveAndEndsWithATrade() {
        // the faults above cut the tape at trade 500 and 1000 and wait for its last trade after the outage
        assertTrue(expected.size() > 2000, "sample too small: " + expected.size());
        assertTrue(expected.getLast().price() != null, "the last event is a trade: " + expected.getLast());
    }
}
