package blackbox.oms.api;

import static blackbox.oms.core.Fixtures.accepted;
import static blackbox.oms.core.Fixtures.after;
import static blackbox.oms.core.Fixtures.fill;
import static blackbox.oms.core.Fixtures.pendingNew;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Order;
import blackbox.oms.store.StoredOrder;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.SubmitOrderRequest;
import org.junit.jupiter.api.Test;

class ProtosTest {
    @Test
    void anOrderCarriesExactNotionalAndAvgPxAndItsProgress() {
        Order o = after(after(after(pendingNew("P-1", 1000), accepted("OID-1")), fill("E-1", 100, 385_001)),
                fill("E-2", 200, 385_000));
        blackbox.oms.v1.Order p = Protos.order(new StoredOrder(o, 42));
        assertEquals(OrdStatus.ORD_STATUS_PARTIALLY_FILLED, p.getOrdStatus());
        assertEquals("38.50003333", p.getAvgPx());
        assertEquals("11550.01", p.getNotional(), "100 × 38.5001 + 200 × 38.50");
        assertEquals("38.50", p.getPrice());
        assertEquals("", p.getStopPrice());
        assertEquals(700, p.getLeavesQty());
        assertEquals(1000, p.getProgress().getScheduledQty());
        assertEquals(300, p.getProgress().getFilledQty());
        assertEquals("OID-1", p.getOrderId());
        assertEquals(42, p.getLastSequence());
        assertEquals("2025-04-08", p.getTradeDate());
        assertTrue(p.getAlgorithm().hasFull());
        assertEquals(0, Protos.order(new StoredOrder(pendingNew("P-2", 100), 1)).getProgress().getScheduledQty(),
                "nothing scheduled before the send");
    }

    @Test
    void aRequestIsAuditedAsItsProtobufJson() {
        String json = Protos.json(SubmitOrderRequest.newBuilder().setClOrdId("C-1").setOrderQty(100).build());
        assertEquals("{\"clOrdId\":\"C-1\",\"orderQty\":\"100\"}", json);
    }
}
