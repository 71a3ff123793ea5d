package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.platform.domain.AccountId;
import blackbox.testkit.TestStack;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One account in doubt is reconciled while another account keeps the report stream busy: the reconciliation applies
 * the gateway's listing once the stream has delivered the reports up to the listing's fence, so a new order for the
 * account in doubt is admitted within the gate wait. (Waiting for a quiet stream, as before, it never was: the
 * stream never goes quiet under load, and the order failed UNAVAILABLE after BLACKBOX_OMS_GATE_WAIT.)
 */
@Timeout(120)
class BusyStreamReconciliationComponentTest {
    static final String BUSY = "4512031";
    static final String IN_DOUBT = "4512074";
    static TestStack stack;
    static GatewayPart gateway;
    static OmsPart oms;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("oms-busy-reconcile");
        gateway = GatewayPart.on(stack);
        oms = OmsPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
        // quiet 1 s: a stream with a report every few ms is never quiet that long; the gate gives up after 4 s, before
        // the 5 s the reconciler waited for quiet at most
        oms.start(Map.of(OmsConfig.RECONCILE_QUIET, "1s", OmsConfig.GATE_WAIT, "4s"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static SubmitOrderRequest buy(String id, String account) {
        return SubmitOrderRequest.newBuilder().setClOrdId(id).setAccount(account).setInstrument(GatewayPart.BTC).setSide(Side.SIDE_BUY)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(1000).setPrice("1000.00").build();
    }

    @Test
    void anAccountInDoubtIsReconciledAndOpensWhileAnotherAccountKeepsTheReportStreamBusy() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger busyOrders = new AtomicInteger();
        // two submitters back to back: with one order every 5 ms a fast reconciliation (a few ms) could fall between
        // two reports, and the test would not show what it claims (CI saw 0 reports in the window once)
        java.util.List<Thread> load = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            load.add(Thread.ofPlatform().name("busy-account-" + t).start(() -> {
                var stub = oms.blocking();
                while (busy.get()) stub.submitOrder(buy("busy-" + busyOrders.incrementAndGet(), BUSY));
            }));
        }
        try {
            TestStack.await(() -> busyOrders.get() > 20, java.time.Duration.ofSeconds(20), "the busy account trading");
            long reconciledBefore = oms.instance().reconciler().reconciled();
            long receivedBefore = oms.instance().reports().received();
            oms.instance().gates().inDoubt(new AccountId(IN_DOUBT), "test: put in doubt while the stream is busy");
            SubmitOrderResponse r = oms.blocking().submitOrder(buy("after-doubt", IN_DOUBT)); // waits for the gate
            assertEquals("after-doubt", r.getOrder().getClOrdId());
            assertTrue(r.getOrder().getOrdStatus() == OrdStatus.ORD_STATUS_PENDING_NEW
                    || r.getOrder().getOrdStatus() == OrdStatus.ORD_STATUS_NEW, r.getOrder().toString());
            assertTrue(oms.instance().reconciler().reconciled() > reconciledBefore, "reconciled, not let through");
            long during = oms.instance().reports().received() - receivedBefore;
            System.out.println("reconciled while " + during + " reports arrived (" + busyOrders.get() + " orders of the busy account)");
            assertTrue(during > 0, "the stream was busy during the reconciliation");
        } finally {
            busy.set(false);
            for (Thread t : load) t.join(10_000);
        }
    }
}
