package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.api.Caller;
import blackbox.oms.api.OrderRequests;
import blackbox.oms.config.AccountsFile;
import blackbox.oms.config.InstrumentMaster;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.UserId;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.reconcile.Reconciliation;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.CreateResult;
import blackbox.oms.store.OrderStore;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Restarts in one JVM: oms-svc started again finds an order persisted and never sent (it died between the commit and
 * the send) and rejects it as never seen by the venue instead of sending it; the gateway started again (a new session)
 * makes oms-svc reconcile every open order, which keeps working at the venue and fills afterwards.
 */
@Timeout(120)
class RestartReconciliationComponentTest {
    static TestStack stack;
    static GatewayPart gateway;
    static OmsPart oms;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("oms-restart");
        gateway = GatewayPart.on(stack);
        oms = OmsPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
        oms.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static SubmitOrderRequest buy(String id, String price) {
        return SubmitOrderRequest.newBuilder().setClOrdId(id).setAccount("4512074").setInstrument(GatewayPart.BTC).setSide(Side.SIDE_BUY)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(1000).setPrice(price).build();
    }

    static Order order(String id) {
        return oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(id).build());
    }

    @Test
    void anOrderPersistedButNeverSentIsRejectedAtRestartNotSent() throws Exception {
        oms.stop();
        // what a crash between the commit and the send leaves: the order in PENDING_NEW, nothing at the gateway
        AccountRegistry accounts = AccountRegistry.of(AccountsFile.read(OmsPart.DEMO_ROSTER));
        long now = System.currentTimeMillis() * 1_000_000L;
        Caller caller = new Caller(new UserId("trader"), "test", now);
        var order = OrderRequests.submit(buy("restart-unsent", "50000.00"), caller, accounts, InstrumentMaster.defaults(),
                TradeDates.B3).orElseThrow();
        CreateResult created = new OrderStore(stack.database().jdbi(), TradeDates.B3).createOrder(order,
                new AuditCommand(now, caller.user(), "test", "SubmitOrder", Optional.of(order.clOrdId()), Optional.empty(),
                        Optional.of(order.spec().account()), "{}"));
        assertEquals(CreateResult.Kind.CREATED, created.kind());
        oms.start();
        Order after = order("restart-unsent");
        assertEquals(OrdStatus.ORD_STATUS_REJECTED, after.getOrdStatus(), "reconciled before the start returned");
        assertEquals(Reconciliation.NEVER_SEEN_REASON, after.getText());
        assertTrue(oms.blocking().getAuditTrail(GetAuditTrailRequest.newBuilder().setAccount("4512074").build()).getCommandsList()
                .stream().anyMatch(c -> c.getCommand().equals("Reconcile") && c.getParametersJson().contains("NEVER_SEEN")),
                "the reconciliation's verdicts are in the audit trail");
    }

    @Test
    void aGatewayRestartReconcilesOpenOrdersWhichKeepWorkingAndFill() throws Exception {
        oms.blocking().submitOrder(buy("restart-working", "70000.00"));
        TestStack.await(() -> order("restart-working").getOrdStatus() == OrdStatus.ORD_STATUS_NEW, Duration.ofSeconds(10), "acknowledged");
        long reconciledBefore = oms.instance().reconciler().reconciled();
        gateway.restart(); // same journals: the broker keeps its orders; a new session, so every open order is reconciled
        TestStack.await(() -> oms.instance().reconciler().reconciled() > reconciledBefore && oms.instance().gates().reconciling() == 0,
                Duration.ofSeconds(30), "the account reconciled after the gateway's new session");
        assertEquals(OrdStatus.ORD_STATUS_NEW, order("restart-working").getOrdStatus(), "still working at the venue");
        TradingGateway.advanceTo(gateway, 1_723_161_600_000_000_000L);
        TestStack.await(() -> order("restart-working").getOrdStatus() == OrdStatus.ORD_STATUS_FILLED, Duration.ofSeconds(20),
                () -> "filled after the restart: " + order("restart-working"));
        assertEquals(1000, order("restart-working").getCumQty());
    }
}
