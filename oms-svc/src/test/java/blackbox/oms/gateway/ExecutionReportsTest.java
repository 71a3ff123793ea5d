package blackbox.oms.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.v1.DllOrderRef;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ListOrdersResponse;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.oms.core.reconcile.VenueOrder;
import blackbox.oms.core.DeskId;
import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionReportsTest {
    static final long NOW = 1_000_000_000_000L;

    static ExecutionReport.Builder report(ExecType type) {
        return ExecutionReport.newBuilder().setSequence(7).setExecId("X-1").setExecType(type).setIdempotencyKey("C-1")
                .setDll(DllOrderRef.newBuilder().setLocalOrderId(5).setClOrderId("DLL-9")).setOrderQty(1000)
                .setPrice("38.50").setCumQty(300).setLeavesQty(700).setAvgPx("38.5").setTsEvent(123).setTsInit(456);
    }

    static OrderEvent event(ExecutionReport.Builder r) {
        ReportMapping.ForOrder m = assertInstanceOf(ReportMapping.ForOrder.class, ExecutionReports.map(r.build(), NOW));
        assertEquals("C-1", m.clOrdId().value());
        assertEquals(123, m.event().tsEvent(), "the DLL's time");
        assertEquals(NOW, m.event().tsInit(), "when oms-svc saw it");
        return m.event();
    }

    @Test
    void eachExecTypeBecomesItsCoreEvent() {
        assertEquals("DLL-9", assertInstanceOf(OrderEvent.Sent.class, event(report(ExecType.EXEC_TYPE_PENDING_NEW))).orderId().value());
        assertEquals("DLL-9", assertInstanceOf(OrderEvent.Accepted.class, event(report(ExecType.EXEC_TYPE_NEW))).orderId().value());
        OrderEvent.Filled f = assertInstanceOf(OrderEvent.Filled.class,
                event(report(ExecType.EXEC_TYPE_TRADE).setLastQty(100).setLastPx("38.5100")));
        assertEquals("X-1", f.execId().value());
        assertEquals(100, f.lastQty());
        assertEquals(385_100, f.lastPx());
        assertEquals(300, f.venueCumQty());
        assertInstanceOf(OrderEvent.Canceled.class, event(report(ExecType.EXEC_TYPE_CANCELED)));
        OrderEvent.Replaced r = assertInstanceOf(OrderEvent.Replaced.class, event(report(ExecType.EXEC_TYPE_REPLACED)));
        assertEquals(1000, r.orderQty());
        assertEquals(385_000, r.price());
        assertInstanceOf(OrderEvent.Expired.class, event(report(ExecType.EXEC_TYPE_EXPIRED)));
        assertEquals("002138 lot", assertInstanceOf(OrderEvent.Rejected.class,
                event(report(ExecType.EXEC_TYPE_REJECTED).setText("002138 lot"))).reason());
        assertEquals("rejected (DLL status 204, result 3)", assertInstanceOf(OrderEvent.Rejected.class,
                event(report(ExecType.EXEC_TYPE_REJECTED).setDllOrderStatus(204).setDllResultCode(3))).reason());
        assertInstanceOf(OrderEvent.CancelRejected.class, event(report(ExecType.EXEC_TYPE_CANCEL_REJECTED)));
        assertInstanceOf(OrderEvent.ReplaceRejected.class, event(report(ExecType.EXEC_TYPE_REPLACE_REJECTED)));
        assertInstanceOf(OrderEvent.OutcomeUnknown.class, event(report(ExecType.EXEC_TYPE_UNKNOWN)));
    }

    @Test
    void aStatusReadIsReconciledAndPendingRequestsAndForeignOrdersAreSkipped() {
        ReportMapping.StatusOf s = assertInstanceOf(ReportMapping.StatusOf.class, ExecutionReports.map(
                report(ExecType.EXEC_TYPE_ORDER_STATUS).setOrdStatus(blackbox.gateway.v1.OrdStatus.ORD_STATUS_PARTIALLY_FILLED)
                        .build(), NOW));
        assertEquals(OrdStatus.PARTIALLY_FILLED, s.venue().status());
        assertEquals(new BigDecimal("38.5"), s.venue().avgPx());
        assertInstanceOf(ReportMapping.Skipped.class, ExecutionReports.map(report(ExecType.EXEC_TYPE_PENDING_CANCEL).build(), NOW));
        ReportMapping.Skipped foreign = assertInstanceOf(ReportMapping.Skipped.class,
                ExecutionReports.map(report(ExecType.EXEC_TYPE_TRADE).setIdempotencyKey("").build(), NOW));
        assertEquals("not sent by oms-svc: idempotency_key=\"\"", foreign.reason());
    }

    @Test
    void aPriceOutsideTheContractIsABug() {
        assertThrows(IllegalArgumentException.class, () -> ExecutionReports.map(
                report(ExecType.EXEC_TYPE_TRADE).setLastQty(1).setLastPx("38.50001").build(), NOW));
    }

    @Test
    void listOrdersBecomesVenueOrdersAndOrdersBecomeGatewayRequests() {
        List<VenueOrder> venue = GatewayOrders.venueOrders(ListOrdersResponse.newBuilder()
                .addOrders(blackbox.gateway.v1.Order.newBuilder().setIdempotencyKey("C-1").setOrdStatus(
                        blackbox.gateway.v1.OrdStatus.ORD_STATUS_REPLACED).setOrderQty(500).setCumQty(100).setPrice("38.40"))
                .addOrders(blackbox.gateway.v1.Order.newBuilder().setOrdStatus(blackbox.gateway.v1.OrdStatus.ORD_STATUS_NEW))
                .build());
        assertEquals(OrdStatus.PARTIALLY_FILLED, venue.get(0).status(), "a replaced DLL order is working with its new terms");
        assertEquals(384_000, venue.get(0).price());
        assertNull(venue.get(1).clOrdId());
        ClientAccount account = new ClientAccount(new AccountId("1234567"), new DllAccount(308, "1000", "S1"),
                new DeskId("equities"), Set.of(), true);
        var send = GatewayOrders.send(Fixtures.pendingNew("C-1", 300), account);
        assertEquals("C-1", send.getIdempotencyKey());
        assertEquals("S1", send.getAccount().getSubAccountId());
        assertEquals("38.50", send.getPrice());
        assertTrue(send.getStopPrice().isEmpty());
        assertEquals(300, send.getQuantity());
    }
}
