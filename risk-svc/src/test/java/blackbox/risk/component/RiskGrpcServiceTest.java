package blackbox.risk.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.StrategyId;
import blackbox.risk.grpc.Callers;
import blackbox.risk.grpc.RiskGrpcService;
import blackbox.risk.halt.ClOrdId;
import blackbox.risk.halt.VenueThatConfirmsAllButSome;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.v1.CheckOrderRequest;
import blackbox.risk.v1.CheckOrderResponse;
import blackbox.risk.v1.GetLimitsRequest;
import blackbox.risk.v1.GetSwitchesRequest;
import blackbox.risk.v1.HaltMode;
import blackbox.risk.v1.HaltRequest;
import blackbox.risk.v1.LimitChange;
import blackbox.risk.v1.OrdType;
import blackbox.risk.v1.OrderContext;
import blackbox.risk.v1.PanicRequest;
import blackbox.risk.v1.ResumeRequest;
import blackbox.risk.v1.RiskEvent;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.RiskOrder;
import blackbox.risk.v1.Scope;
import blackbox.risk.v1.ScopeType;
import blackbox.risk.v1.SetLimitsRequest;
import blackbox.risk.v1.StreamRiskEventsRequest;
import blackbox.risk.v1.SwitchChangeResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class RiskGrpcServiceTest {
    static RiskStack stack;
    static Server server;
    static ManagedChannel channel;
    static ExecutorService streams = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void start() throws Exception {
        stack = new RiskStack(new VenueThatConfirmsAllButSome(List.of(
                new WorkingOrder(new ClOrdId("x1"), new AccountId("1234"), StrategyId.NONE, new InstrumentId("PETR4", "B"), Side.BUY, 100)),
                Set.of(), Map.of()));
        stack.events.clear();
        RiskGrpcService service = new RiskGrpcService(stack.writerGate, stack.desk, stack.writerView, stack.store, stack.hub,
                stack.clock, ZoneId.of("America/Sao_Paulo"), streams);
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(service).intercept(Callers.interceptor()).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow();
        streams.shutdownNow();
        stack.close();
    }

    static RiskGrpc.RiskBlockingStub as(String user, String roles) {
        Metadata m = new Metadata();
        m.put(Callers.USER, user);
        m.put(Callers.ROLES, roles);
        return RiskGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
    }

    static CheckOrderRequest order(long qty, String price) {
        return CheckOrderRequest.newBuilder()
                .setOrder(RiskOrder.newBuilder().setAccount("1234").setInstrument(blackbox.risk.v1.InstrumentId.newBuilder()
                        .setTicker("PETR4").setExchange("B")).setSide(blackbox.risk.v1.Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT)
                        .setQuantity(qty).setLimitPrice(price))
                .setContext(OrderContext.newBuilder().setLot(100).setTick("0.01").setSessionOpen("10:00").setSessionClose("17:55")
                        .setReferencePrice("38.50").setProjectedD2Cash("1000000").setSaleNeedsCover(true).setDebitsCash(true)
                        .setExchangeTime("12:00:00"))
                .build();
    }

    static Scope account(String a) {
        return Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_ACCOUNT).setKey(a).build();
    }

    @Test
    void checkOrderAnswersTheDecisionWithItsMessage() {
        var viewer = as("vera", "viewer");
        assertTrue(viewer.checkOrder(order(100, "38.50")).getAccepted());
        as("rita", "risk").setLimits(SetLimitsRequest.newBuilder().setReason("mandate").addChanges(LimitChange.newBuilder()
                .setScope(account("1234")).setKind("MAX_ORDER_NOTIONAL").setValue("500000.00")).build());
        CheckOrderResponse deny = viewer.checkOrder(order(15_900, "38.51"));
        assertFalse(deny.getAccepted());
        assertEquals("MAX_ORDER_NOTIONAL", deny.getReason());
        assertEquals("max order notional for account 1234 is R$ 500.000,00: order R$ 612.309,00", deny.getMessage());
        var limits = viewer.getLimits(GetLimitsRequest.newBuilder().setScope(account("1234")).build()).getLimitsList();
        assertEquals(1, limits.size());
        assertEquals("500000.00", limits.getFirst().getValue());
        assertEquals("rita", limits.getFirst().getChangedBy());
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> viewer.checkOrder(order(100, "38,50")));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertEquals("order.limit_price must be a decimal: order.limit_price=\"38,50\"", bad.getStatus().getDescription());
        as("rita", "risk").setLimits(SetLimitsRequest.newBuilder().setReason("cleanup").addChanges(LimitChange.newBuilder()
                .setScope(account("1234")).setKind("MAX_ORDER_NOTIONAL")).build());
    }

    @Test
    void mutatingCallsNeedTheRiskOrAdminRole() {
        StatusRuntimeException limit = assertThrows(StatusRuntimeException.class, () -> as("tiago", "trader").setLimits(
                SetLimitsRequest.newBuilder().setReason("x").addChanges(LimitChange.newBuilder().setScope(account("1234"))
                        .setKind("MAX_ORDER_QUANTITY").setValue("1")).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, limit.getStatus().getCode());
        assertEquals("to change limits needs role risk or admin: user=tiago roles=[trader]", limit.getStatus().getDescription());

        as("rita", "risk").halt(HaltRequest.newBuilder().setScope(account("5555")).setMode(HaltMode.HALT_MODE_KEEP).setReason("t").build());
        StatusRuntimeException resume = assertThrows(StatusRuntimeException.class, () -> as("tiago", "trader,viewer").resume(
                ResumeRequest.newBuilder().setScope(account("5555")).setReason("please").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, resume.getStatus().getCode());
        assertEquals("to resume a scope needs role risk or admin: user=tiago roles=[trader,viewer]", resume.getStatus().getDescription());
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> RiskGrpc.newBlockingStub(channel)
                .resume(ResumeRequest.newBuilder().setScope(account("5555")).setReason("x").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        assertTrue(as("ana", "admin").resume(ResumeRequest.newBuilder().setScope(account("5555")).setReason("ok").build()).getChanged());
        SwitchChangeResponse again = as("ana", "admin").resume(ResumeRequest.newBuilder().setScope(account("5555")).setReason("ok").build());
        assertFalse(again.getChanged());
        assertEquals("account 5555 is already ACTIVE", again.getUnchangedReason());
    }

    @Test
    void panicHaltsTheDeskCancelsAndStreamsTheEvents() throws Exception {
        LinkedBlockingQueue<RiskEvent> received = new LinkedBlockingQueue<>();
        RiskGrpc.newStub(channel).streamRiskEvents(StreamRiskEventsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override public void onNext(RiskEvent e) { received.add(e); }
            @Override public void onError(Throwable t) { }
            @Override public void onCompleted() { }
        });
        RiskEvent first = received.poll(5, TimeUnit.SECONDS);
        assertTrue(first.hasState() && first.getState().getKnown(), first.toString());
        SwitchChangeResponse r = as("rita", "risk").panic(PanicRequest.newBuilder().setFlatten(true).setReason("fire").setWaitForReport(true).build());
        assertTrue(r.getChanged());
        assertEquals(blackbox.risk.v1.SwitchState.SWITCH_STATE_HALTED, r.getSwitch().getState());
        assertEquals(1, r.getReport().getConfirmedCount());
        assertEquals(List.of("zero desk"), r.getReport().getFlattenOrdersList());
        List<String> kinds = new java.util.ArrayList<>();
        RiskEvent e;
        while ((e = received.poll(2, TimeUnit.SECONDS)) != null) kinds.add(e.getEventCase().name());
        assertEquals(List.of("SWITCH_CHANGED", "CANCEL_CONFIRMED", "HALT_COMPLETED"), kinds);
        var sw = as("vera", "viewer").getSwitches(GetSwitchesRequest.getDefaultInstance());
        assertTrue(sw.getStateKnown());
        assertEquals(1, sw.getSwitchesCount());
        as("rita", "risk").resume(ResumeRequest.newBuilder().setScope(Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_DESK)).setReason("over").build());
    }
}
