package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.WorkingOrdersRequest;
import blackbox.platform.domain.InstrumentId;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.Scope;
import blackbox.risk.store.Actor;
import blackbox.risk.store.LimitChange;
import blackbox.risk.store.PgRiskStore;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * risk-svc's gate inside oms-svc (a limit in schema {@code risk} denies, the order is stored DENIED with the reason and
 * never reaches the gateway; positions unknown deny everything, fail closed), accounts refused for orders with the
 * reason (not at the gateway, disabled), and the scopes a halt drives: WorkingOrders and CancelAll with confirmations.
 */
@Timeout(120)
class RiskAndScopesComponentTest {
    @TempDir
    static Path dir;
    static TestStack stack;
    static GatewayPart gateway;
    static OmsPart oms;
    static Path accounts;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("oms-risk-scopes");
        gateway = GatewayPart.on(stack);
        oms = OmsPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
        // oms-svc's own accounts format: three routable accounts of the demo roster, one the gateway does not have
        accounts = dir.resolve("accounts.csv");
        Files.writeString(accounts, """
                # blackbox-oms-accounts v1
                account,broker_id,dll_account_id,sub_account_id,name,desk,client_group
                ana,85,4512031,,Ana Beatriz Carvalho,acoes,long-only
                bruno,85,4512058,,Bruno Henrique Almeida,acoes,long-only
                isabela.cripto,85,4513007,001,Isabela Gomes Pereira,macro,cripto
                ghost,85,9999999,,Ninguém,acoes,
                """);
        oms.start(Map.of(OmsConfig.ACCOUNTS, accounts.toString()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static SubmitOrderRequest buy(String clOrdId, String account, long qty) {
        return SubmitOrderRequest.newBuilder().setClOrdId(clOrdId).setAccount(account).setInstrument(GatewayPart.BTC)
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(qty).setPrice("50000.00").build();
    }

    static Order order(String id) {
        return oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(id).build());
    }

    static List<String> gatewayKeys(String account, String sub) {
        return TradingGrpc.newBlockingStub(gateway.channel()).listOrders(ListOrdersRequest.newBuilder()
                .setAccount(AccountId.newBuilder().setBrokerId(85).setAccountId(account).setSubAccountId(sub)).build())
                .getOrdersList().stream().map(blackbox.gateway.v1.Order::getIdempotencyKey).toList();
    }

    @Test
    void aRiskLimitDeniesTheOrderWhichIsStoredDeniedAndNeverSent() throws Exception {
        new PgRiskStore(stack.database().jdbi()).setLimits(new Actor("risk-officer", Set.of(Actor.RISK)),
                List.of(LimitChange.set(Scope.instrument(new InstrumentId("BTCUSDT", "SPOT")), LimitKind.MAX_ORDER_QUANTITY, 5_000)),
                "test limit", Instant.now());
        // no Redis in this test: oms-svc re-reads risk's state every 100 ms
        TestStack.await(() -> !oms.instance().risk().view().snapshot().limits().rows().isEmpty(), Duration.ofSeconds(10),
                "the limit followed by oms-svc's gate");
        Order denied = oms.blocking().submitOrder(buy("risk-big", "bruno", 6_000)).getOrder();
        assertEquals(OrdStatus.ORD_STATUS_DENIED, denied.getOrdStatus());
        assertTrue(denied.getText().startsWith("MAX_ORDER_QUANTITY: "), denied.getText());
        Order ok = oms.blocking().submitOrder(buy("risk-small", "bruno", 4_000)).getOrder();
        assertEquals(OrdStatus.ORD_STATUS_PENDING_NEW, ok.getOrdStatus());
        TestStack.await(() -> order("risk-small").getOrdStatus() == OrdStatus.ORD_STATUS_NEW, Duration.ofSeconds(10), "risk-small acknowledged");
        List<String> keys = gatewayKeys("4512058", "");
        assertTrue(keys.contains("risk-small") && !keys.contains("risk-big"), "the denied order never reached the gateway: " + keys);
        assertEquals(OrdStatus.ORD_STATUS_DENIED, order("risk-big").getOrdStatus());
    }

    @Test
    void accountsTheGatewayDoesNotRouteAreRefusedNamingThem() {
        StatusRuntimeException ghost = assertThrows(StatusRuntimeException.class, () -> oms.blocking().submitOrder(buy("ghost-1", "ghost", 1000)));
        assertEquals(Status.Code.FAILED_PRECONDITION, ghost.getStatus().getCode());
        assertEquals("account ghost is refused for orders: not at the gateway: its ListAccounts does not have broker 85 account 9999999",
                ghost.getStatus().getDescription());
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> oms.blocking().submitOrder(buy("who-1", "4512031", 1000)));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode(), "accounts are the file's codes, not the DLL's");
    }

    @Test
    void workingOrdersAndCancelAllOfAnAccountWithConfirmations() throws Exception {
        for (int i = 0; i < 20; i++) oms.blocking().submitOrder(buy("scope-" + i, "isabela.cripto", 1000 + i));
        TestStack.await(() -> oms.blocking().workingOrders(WorkingOrdersRequest.newBuilder().setAccount("isabela.cripto").build())
                .getOrdersList().stream().filter(o -> o.getOrdStatus() == OrdStatus.ORD_STATUS_NEW).count() == 20,
                Duration.ofSeconds(10), "20 working orders acknowledged");
        assertEquals(20, gatewayKeys("4513007", "001").stream().filter(k -> k.startsWith("scope-")).count(), "routed to the sub-account");
        CancelAllResponse r = oms.blocking().cancelAll(CancelAllRequest.newBuilder().setAccount("isabela.cripto")
                .setConfirmTimeoutMillis(10_000).build());
        assertEquals(20, r.getCancelingCount());
        assertEquals(0, r.getSkippedCount());
        assertEquals(0, r.getUnconfirmedCount(), "every cancel confirmed: " + r.getUnconfirmedList());
        for (int i = 0; i < 20; i++) assertEquals(OrdStatus.ORD_STATUS_CANCELED, order("scope-" + i).getOrdStatus());
        assertEquals(0, oms.blocking().workingOrders(WorkingOrdersRequest.newBuilder().setAccount("isabela.cripto").build()).getOrdersCount());
        StatusRuntimeException noScope = assertThrows(StatusRuntimeException.class, () -> oms.blocking().cancelAll(CancelAllRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, noScope.getStatus().getCode());
    }

    @Test
    void withoutAPositionsSourceEveryOrderIsDeniedSayingWhichKeyToSet() throws Exception {
        try {
            oms.restart(Map.of(OmsConfig.ACCOUNTS, accounts.toString(), OmsConfig.POSITIONS, ""));
            Order denied = oms.blocking().submitOrder(buy("nopos-1", "ana", 1000)).getOrder();
            assertEquals(OrdStatus.ORD_STATUS_DENIED, denied.getOrdStatus());
            assertTrue(denied.getText().startsWith("POSITIONS_UNKNOWN: no positions source configured (" + OmsConfig.POSITIONS + " is unset"),
                    denied.getText());
        } finally {
            oms.restart(Map.of(OmsConfig.ACCOUNTS, accounts.toString()));
        }
    }
}
