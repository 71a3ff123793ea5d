package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.GetAuditTrailResponse;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One order's life through oms-svc, the real gateway and the simulator (the project's Binance sample, BTCUSDT, always
 * open): persisted before it is sent, acknowledged, filled at the tape's price, canceled; a retried ClOrdID answers the
 * same order and the gateway has one; bad input is INVALID_ARGUMENT naming the field; the event stream replays, says
 * CaughtUp and goes live without gap or duplicate; the audit trail has the commands with who and from where.
 */
@Timeout(120)
class OrderLifecycleComponentTest {
    static final String ANA = "4512031";
    static final AccountId ANA_DLL = AccountId.newBuilder().setBrokerId(85).setAccountId(ANA).build();
    static TestStack stack;
    static GatewayPart gateway;
    static OmsPart oms;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("oms-lifecycle");
        gateway = GatewayPart.on(stack);
        oms = OmsPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
        oms.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static SubmitOrderRequest.Builder buy(String clOrdId, long qty, String price) {
        return SubmitOrderRequest.newBuilder().setClOrdId(clOrdId).setAccount(ANA).setInstrument(GatewayPart.BTC)
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(qty).setPrice(price);
    }

    static Order awaitStatus(String clOrdId, OrdStatus status) throws InterruptedException {
        Order[] last = new Order[1];
        TestStack.await(() -> {
            last[0] = oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(clOrdId).build());
            return last[0].getOrdStatus() == status;
        }, Duration.ofSeconds(10), () -> clOrdId + " to be " + status + ", is " + (last[0] == null ? "?" : last[0].getOrdStatus()
                + " " + last[0].getText()));
        return last[0];
    }

    static StatusRuntimeException refused(Status.Code code, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        return e;
    }

    @Test
    void aRestingOrderIsPersistedSentAcknowledgedAndCanceled() throws Exception {
        SubmitOrderResponse r = oms.blocking().submitOrder(buy("life-rest-1", 1000, "50000.00").build());
        assertEquals(OrdStatus.ORD_STATUS_PENDING_NEW, r.getOrder().getOrdStatus(), "answered as persisted, before the venue's answer");
        assertFalse(r.getDuplicate());
        Order acked = awaitStatus("life-rest-1", OrdStatus.ORD_STATUS_NEW);
        assertFalse(acked.getOrderId().isEmpty(), "the venue's OrderID is recorded: " + acked);
        assertEquals(1000, acked.getLeavesQty());

        Order canceling = oms.blocking().cancelOrder(CancelOrderRequest.newBuilder().setClOrdId("life-rest-1").build()).getOrder();
        assertEquals(OrdStatus.ORD_STATUS_PENDING_CANCEL, canceling.getOrdStatus());
        Order canceled = awaitStatus("life-rest-1", OrdStatus.ORD_STATUS_CANCELED);
        assertEquals(0, canceled.getLeavesQty());
        refused(Status.Code.FAILED_PRECONDITION, () -> oms.blocking().cancelOrder(CancelOrderRequest.newBuilder()
                .setClOrdId("life-rest-1").build()));
    }

    @Test
    void aRetriedClOrdIdAnswersTheSameOrderAndTheGatewayHasOne() throws Exception {
        Order first = oms.blocking().submitOrder(buy("life-dup-1", 2000, "50001.00").build()).getOrder();
        SubmitOrderResponse again = oms.blocking().submitOrder(buy("life-dup-1", 2000, "50001.00").build());
        assertTrue(again.getDuplicate());
        assertEquals(first.getCreatedNanos(), again.getOrder().getCreatedNanos());
        awaitStatus("life-dup-1", OrdStatus.ORD_STATUS_NEW);
        SubmitOrderResponse late = oms.blocking().submitOrder(buy("life-dup-1", 2000, "50001.00").build());
        assertTrue(late.getDuplicate());
        StatusRuntimeException conflict = refused(Status.Code.ALREADY_EXISTS,
                () -> oms.blocking().submitOrder(buy("life-dup-1", 3000, "50001.00").build()));
        assertTrue(conflict.getStatus().getDescription().contains("order_qty differs: stored=2000, now=3000"),
                conflict.getStatus().getDescription());
        List<blackbox.gateway.v1.Order> atGateway = TradingGrpc.newBlockingStub(gateway.channel())
                .listOrders(ListOrdersRequest.newBuilder().setAccount(ANA_DLL).build()).getOrdersList().stream()
                .filter(o -> o.getIdempotencyKey().equals("life-dup-1")).toList();
        assertEquals(1, atGateway.size(), "one order at the DLL for the key: " + atGateway);
    }

    @Test
    void aMarketableOrderFillsAtTheTapesPrice() throws Exception {
        oms.blocking().submitOrder(buy("life-fill-1", 1000, "70000.00").build());
        awaitStatus("life-fill-1", OrdStatus.ORD_STATUS_NEW);
        // the sample is trades-only: a resting buy above the market fills at the next print's price
        TradingGateway.advanceTo(gateway, 1_723_161_600_000_000_000L);
        Order filled = awaitStatus("life-fill-1", OrdStatus.ORD_STATUS_FILLED);
        assertEquals(1000, filled.getCumQty());
        assertTrue(new java.math.BigDecimal(filled.getAvgPx()).compareTo(new java.math.BigDecimal("60000")) > 0, filled.toString());
        assertEquals(0, filled.getLeavesQty());
    }

    @Test
    void badInputIsInvalidArgumentNamingTheFieldAndWritesOnlyItsAuditRow() {
        StatusRuntimeException qty = refused(Status.Code.INVALID_ARGUMENT, () -> oms.blocking().submitOrder(buy("life-bad-1", 0, "50000.00").build()));
        assertTrue(qty.getStatus().getDescription().contains("order_qty"), qty.getStatus().getDescription());
        StatusRuntimeException account = refused(Status.Code.INVALID_ARGUMENT,
                () -> oms.blocking().submitOrder(buy("life-bad-2", 1000, "50000.00").setAccount("nobody").build()));
        assertTrue(account.getStatus().getDescription().contains("account"), account.getStatus().getDescription());
        refused(Status.Code.NOT_FOUND, () -> oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId("life-bad-1").build()));
        refused(Status.Code.UNAUTHENTICATED, () -> OrderManagementGrpc.newBlockingStub(oms.channel())
                .submitOrder(buy("life-bad-3", 1000, "50000.00").build()));
        GetAuditTrailResponse audit = oms.blocking().getAuditTrail(GetAuditTrailRequest.newBuilder().setClOrdId("life-bad-1").build());
        assertEquals(1, audit.getCommandsCount());
        assertEquals("trader", audit.getCommands(0).getUser());
        assertTrue(audit.getCommands(0).getOutcome().startsWith("INVALID_ARGUMENT"), audit.getCommands(0).getOutcome());
        assertFalse(audit.getCommands(0).getAddress().isEmpty());
        assertEquals(0, audit.getEventsCount(), "nothing but the audit row");
    }

    @Test
    void theEventStreamReplaysThenCatchesUpThenGoesLiveWithoutGapOrDuplicate() throws Exception {
        oms.blocking().submitOrder(buy("life-stream-1", 1000, "50002.00").build());
        awaitStatus("life-stream-1", OrdStatus.ORD_STATUS_NEW);
        StreamCollector<OrderEventMessage> all = new StreamCollector<>();
        oms.async().streamOrderEvents(StreamOrderEventsRequest.getDefaultInstance(), all);
        List<OrderEventMessage> replayed = all.await(l -> l.stream().anyMatch(OrderEventMessage::hasCaughtUp), Duration.ofSeconds(10), "CaughtUp");
        long caughtUp = replayed.stream().filter(OrderEventMessage::hasCaughtUp).findFirst().orElseThrow().getCaughtUp().getLastSequence();
        oms.blocking().submitOrder(buy("life-stream-2", 1000, "50003.00").build());
        awaitStatus("life-stream-2", OrdStatus.ORD_STATUS_NEW);
        List<OrderEventMessage> got = all.await(l -> l.stream().anyMatch(m -> m.hasEvent() && m.getEvent().getClOrdId().equals("life-stream-2")
                && m.getEvent().getType() == OrderEventType.ORDER_EVENT_TYPE_NEW), Duration.ofSeconds(10), "life-stream-2's NEW live");
        long previous = 0;
        Set<Long> seen = new HashSet<>();
        for (OrderEventMessage m : got) {
            if (!m.hasEvent()) continue;
            long s = m.getEvent().getSequence();
            assertTrue(s > previous, "strictly increasing: " + previous + " then " + s);
            assertTrue(seen.add(s));
            previous = s;
        }
        assertEquals(previous, seen.size(), "from 1, no gap: every sequence up to " + previous);
        assertTrue(caughtUp < previous);

        // resume after the caught-up sequence: exactly the events after it
        StreamCollector<OrderEventMessage> resumed = new StreamCollector<>();
        oms.async().streamOrderEvents(StreamOrderEventsRequest.newBuilder().setAfterSequence(caughtUp).build(), resumed);
        List<OrderEventMessage> after = resumed.await(l -> l.stream().anyMatch(OrderEventMessage::hasCaughtUp), Duration.ofSeconds(10), "CaughtUp");
        List<Long> sequences = after.stream().filter(OrderEventMessage::hasEvent).map(m -> m.getEvent().getSequence()).toList();
        assertEquals(caughtUp + 1, sequences.getFirst());
        assertEquals(previous, sequences.getLast());
        assertEquals(previous - caughtUp, sequences.size());
    }
}
