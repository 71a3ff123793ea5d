package blackbox.gateway.grpc;

import static blackbox.gateway.GatewayHarness.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayHarness;
import blackbox.gateway.TestPaths;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.HistoryTradesMessage;
import blackbox.gateway.v1.HistoryTradesRequest;
import blackbox.gateway.v1.ListSubscriptionsRequest;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.UnsubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The project's sample replay through the simulator, the FFM binding, the engine and gRPC: every trade
 * arrives, in order, with exact values; history answers a window with progress; bad requests are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ReplayThroughGatewayTest {
    private static GatewayHarness harness;
    private static List<ReplayEvent> expected;
    private static final TradeCollector stream = new TradeCollector();

    @BeforeAll
    static void start() throws Exception {
        expected = ReplayExpectations.trades(TestPaths.sampleReplay());
        harness = GatewayHarness.start(Map.of());
        harness.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) harness.close();
    }

    @Test
    @Order(1)
    void everyTradeOfTheFileArrivesInOrderWithExactValues() throws Exception {
        for (String ticker : List.of("ETHUSDT", "BTCUSDT")) {
            var reply = harness.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument(ticker, "SPOT")).build());
            assertTrue(reply.getNewlySubscribed());
        }
        harness.async.streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
        GatewayHarness.await(() -> harness.gateway.service().openTradeStreams() == 1, Duration.ofSeconds(5), () -> "stream open");
        harness.startReplay();

        GatewayHarness.await(() -> stream.tradeCount() >= expected.size(), Duration.ofSeconds(60),
                () -> expected.size() + " trades, have " + stream.tradeCount());
        Thread.sleep(200); // nothing more may come
        ReplayExpectations.assertSameTrades(expected, stream.trades());
        assertEquals(List.of(), stream.gaps());
        assertEquals(0, harness.gateway.engine().overflows());
    }

    @Test
    @Order(2)
    void subscriptionsAreListedAlphabeticallyAndSubscribingTwiceIsHarmless() {
        var again = harness.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument("BTCUSDT", "SPOT")).build());
        assertFalse(again.getNewlySubscribed());
        var list = harness.blocking.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), list.stream().map(i -> i.getTicker()).toList());
    }

    @Test
    @Order(3)
    void historyStreamsTheWindowsTradesWithProgress() {
        List<ReplayEvent> btc = expected.stream().filter(e -> e.ticker().equals("BTCUSDT")).toList();
        long from = ReplayExpectations.dllTime(btc.get(100).tsNanos());
        long to = ReplayExpectations.dllTime(btc.get(900).tsNanos());
        List<ReplayEvent> inWindow = btc.stream()
                .filter(e -> ReplayExpectations.dllTime(e.tsNanos()) >= from && ReplayExpectations.dllTime(e.tsNanos()) <= to).toList();

        List<Trade> trades = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        long complete = -1;
        Iterator<HistoryTradesMessage> answer = harness.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                .setInstrument(instrument("BTCUSDT", "SPOT")).setFromNanos(from).setToNanos(to).build());
        while (answer.hasNext()) {
            HistoryTradesMessage m = answer.next();
            switch (m.getPayloadCase()) {
                case TRADES -> trades.addAll(m.getTrades().getTradesList());
                case PROGRESS -> progress.add(m.getProgress().getPercent());
                case COMPLETE -> complete = m.getComplete().getTrades();
                default -> throw new AssertionError(m);
            }
        }
        ReplayExpectations.assertSameTrades(inWindow, trades);
        assertEquals(inWindow.size(), complete);
        assertEquals(0, progress.getFirst());
        assertEquals(100, progress.getLast());
        for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i) >= progress.get(i - 1), "progress " + progress);
    }

    @Test
    @Order(4)
    void historyBeyondThirtyDaysIsOutOfRangeAndNamesTheLimit() {
        long aMonthAndMoreBefore = expected.getFirst().tsNanos() - Duration.ofDays(40).toNanos();
        var e = assertThrows(StatusRuntimeException.class, () -> harness.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                .setInstrument(instrument("BTCUSDT", "SPOT")).setFromNanos(aMonthAndMoreBefore)
                .setToNanos(expected.getFirst().tsNanos()).build()).hasNext());
        assertEquals(Status.Code.OUT_OF_RANGE, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("NL_HISTORY_PERIOD_LIMIT"), e.getStatus().getDescription());
        assertTrue(e.getStatus().getDescription().contains("30 days"), e.getStatus().getDescription());
    }

    @Test
    @Order(5)
    void historyWithFromAfterToNamesBothFields() {
        var e = assertThrows(StatusRuntimeException.class, () -> harness.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                .setInstrument(instrument("BTCUSDT", "SPOT")).setFromNanos(20).setToNanos(10).build()).hasNext());
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("from_nanos must not be after to_nanos: from_nanos=20, to_nanos=10", e.getStatus().getDescription());
    }

    @Test
    @Order(6)
    void historyOfAnUnknownTickerIsNotFound() {
        long t = expected.getFirst().tsNanos();
        var e = assertThrows(StatusRuntimeException.class, () -> harness.blocking.getHistoryTrades(HistoryTradesRequest.newBuilder()
                .setInstrument(instrument("NOPE3", "B")).setFromNanos(t).setToNanos(t + 1_000_000_000L).build()).hasNext());
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    @Test
    @Order(7)
    void anUnknownTickerIsRefusedByNameAndNotKept() {
        var e = assertThrows(StatusRuntimeException.class,
                () -> harness.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument("PETR5", "B")).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("unknown ticker: PETR5:B (the DLL reported it invalid)", e.getStatus().getDescription());
        var list = harness.blocking.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getInstrumentsList();
        assertFalse(list.stream().anyMatch(i -> i.getTicker().equals("PETR5")));
    }

    @Test
    @Order(8)
    void aMalformedInstrumentIsInvalidArgumentNamingTheField() {
        var e = assertThrows(StatusRuntimeException.class,
                () -> harness.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument("petr 4", "B")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("instrument: ticker must match [A-Z0-9_.-]{1,32}: ticker=\"petr 4\"", e.getStatus().getDescription());
    }

    @Test
    @Order(9)
    void topOfBookIsNotFoundWithoutBookData() {
        // The Binance sample carries no book columns, so the simulator reports no levels.
        var e = assertThrows(StatusRuntimeException.class,
                () -> harness.blocking.getTopOfBook(GetTopOfBookRequest.newBuilder().setInstrument(instrument("BTCUSDT", "SPOT")).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
    }

    @Test
    @Order(10)
    void unsubscribingRemovesTheInstrument() {
        assertTrue(harness.blocking.unsubscribe(UnsubscribeRequest.newBuilder().setInstrument(instrument("ETHUSDT", "SPOT")).build())
                .getWasSubscribed());
        assertFalse(harness.blocking.unsubscribe(UnsubscribeRequest.newBuilder().setInstrument(instrument("ETHUSDT", "SPOT")).build())
                .getWasSubscribed());
        var list = harness.blocking.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getInstrumentsList();
        assertEquals(List.of("BTCUSDT"), list.stream().map(i -> i.getTicker()).toList());
    }
}
