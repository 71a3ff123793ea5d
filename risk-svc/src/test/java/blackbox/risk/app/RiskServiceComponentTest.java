package blackbox.risk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.risk.RiskApp;
import blackbox.risk.RiskConfig;
import blackbox.risk.core.Scope;
import blackbox.risk.grpc.Callers;
import blackbox.risk.redis.RedisRiskLink;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.Actor;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.switches.SwitchState;
import blackbox.risk.testing.GatewayWithRouting;
import blackbox.risk.testing.OmsWithRestingOrders;
import blackbox.risk.testing.PositionsThatHold;
import blackbox.risk.testing.RiskPart;
import blackbox.risk.v1.HaltMode;
import blackbox.risk.v1.HaltReport;
import blackbox.risk.v1.HaltRequest;
import blackbox.risk.v1.PanicRequest;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.ScopeType;
import blackbox.risk.v1.SwitchChangeResponse;
import blackbox.risk.v1.WorkingOrder;
import blackbox.testkit.TestStack;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * risk-svc as it runs (RiskApp on PostgreSQL, Redis and in-process gRPC) against hand-written oms-svc,
 * positions-svc and gateway fakes: halts carried out through oms-svc's API, flatten after positions-svc caught up,
 * the circuit breakers' feeds, the panic file, the caller headers, and a halt answered only once another view
 * (as oms-svc's gate) denies the scope. Each test uses its own accounts; switches are resumed between tests.
 */
@Timeout(120)
class RiskServiceComponentTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Actor ADMIN = new Actor("root", Set.of("admin"));
    static TestStack stack;
    static OmsWithRestingOrders oms;
    static PositionsThatHold positions;
    static GatewayWithRouting gateway;
    static List<Server> fakes;
    static RiskPart risk;
    static Path panicFile;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("risk-app-test");
        oms = new OmsWithRestingOrders();
        positions = new PositionsThatHold();
        gateway = new GatewayWithRouting();
        fakes = List.of(stack.serverBuilder(RiskPart.OMS).addService(oms).build().start(),
                stack.serverBuilder(RiskPart.POSITIONS).addService(positions).build().start(),
                stack.serverBuilder(RiskPart.GATEWAY).addService(gateway).build().start());
        panicFile = stack.dataDir().resolve("PANIC");
        risk = RiskPart.on(stack);
        risk.start(Map.of(RiskConfig.BREAKER_REJECTS, "3", RiskConfig.BREAKER_REJECT_WINDOW, "60s",
                RiskConfig.BREAKER_ON_REJECTS, "halted", RiskConfig.BREAKER_DRAWDOWN, "1000.00",
                RiskConfig.BREAKER_DRAWDOWN_INTERVAL, "100ms", RiskConfig.BREAKER_ON_ROUTING_LOSS, "reducing",
                RiskConfig.PANIC_FILE, panicFile.toString()));
        TestStack.await(() -> app().orderEvents().live(), WAIT, "risk-svc following the fake oms-svc's events");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) stack.close();
        if (fakes != null) for (Server s : fakes) s.shutdownNow();
    }

    static RiskApp app() {
        return risk.instance();
    }

    @BeforeEach
    void resumeEverything() {
        for (KillSwitch k : app().view().snapshot().switches().restricted()) {
            app().desk().command(ADMIN, k.scope(), new SwitchCommand.Resume("root", "test reset"));
        }
    }

    static RiskGrpc.RiskBlockingStub as(String user, String roles) {
        Metadata headers = new Metadata();
        if (user != null) headers.put(Callers.USER, user);
        if (roles != null) headers.put(Callers.ROLES, roles);
        return RiskGrpc.newBlockingStub(risk.channel()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    static blackbox.risk.v1.Scope account(String key) {
        return blackbox.risk.v1.Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_ACCOUNT).setKey(key).build();
    }

    static SwitchState state(Scope scope) {
        return app().view().snapshot().switches().get(scope).state();
    }

    static List<String> ids(List<WorkingOrder> orders) {
        return orders.stream().map(WorkingOrder::getClOrdId).sorted().toList();
    }

    @Test
    void haltOfAnAccountCancelsItsOrdersWithOneCancelAllAndReportsEachOutcome() {
        oms.rest("h1", "1001", "mesa", "", "PETR4", Side.SIDE_BUY, 100);
        oms.rest("h2", "1001", "mesa", "twap-1", "VALE3", Side.SIDE_SELL, 200);
        oms.rest("h3", "1001", "mesa", "", "PETR4", Side.SIDE_BUY, 300);
        oms.rest("h4", "1001", "mesa", "", "PETR4", Side.SIDE_BUY, 400);
        oms.rest("other", "1002", "mesa", "", "PETR4", Side.SIDE_BUY, 100);
        oms.fillBeforeCancel("h3");
        oms.leaveSilent("h4");

        SwitchChangeResponse r = as("rita", "risk").halt(HaltRequest.newBuilder().setScope(account("1001"))
                .setMode(HaltMode.HALT_MODE_KEEP).setReason("client asked").setWaitForReport(true).build());

        assertTrue(r.getChanged());
        HaltReport report = r.getReport();
        assertEquals(4, report.getCancelsSent(), "every working order of the account, the algorithm's child too");
        assertEquals(List.of("h1", "h2"), ids(report.getConfirmedList()));
        assertEquals(List.of("h3"), ids(report.getRejectedList()), "filled before the cancel reached the venue");
        assertEquals(List.of("h4"), ids(report.getUnconfirmedList()), "no answer within the 2 s timeout");
        assertTrue(oms.cancelAllCalls.contains(CancelAllRequest.newBuilder().setAccount("1001").build()),
                "one CancelAll for the account: " + oms.cancelAllCalls);
        assertEquals(OrdStatus.ORD_STATUS_NEW, oms.status("other"), "another account's order is left alone");
        assertEquals(SwitchState.HALTED, state(Scope.account(new blackbox.platform.domain.AccountId("1001"))));
    }

    @Test
    void deskHaltCancelsPerDeskAndReportsTheOrderOmsWillNotCancelWithItsReason() {
        oms.rest("d1", "2001", "mesa", "", "PETR4", Side.SIDE_BUY, 100);
        oms.rest("d2", "2002", "renda", "", "PETR4", Side.SIDE_SELL, 100);
        oms.unknown("d3", "2003", "mesa", "PETR4");

        SwitchChangeResponse r = as("rita", "risk").halt(HaltRequest.newBuilder()
                .setScope(blackbox.risk.v1.Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_DESK))
                .setMode(HaltMode.HALT_MODE_KEEP).setReason("desk stop").setWaitForReport(true).build());

        HaltReport report = r.getReport();
        assertTrue(ids(report.getConfirmedList()).containsAll(List.of("d1", "d2")), report.toString());
        assertTrue(ids(report.getRejectedList()).contains("d3"), "UNKNOWN: oms-svc reconciles before cancelling");
        assertTrue(oms.cancelAllCalls.contains(CancelAllRequest.newBuilder().setDesk("mesa").build()));
        assertTrue(oms.cancelAllCalls.contains(CancelAllRequest.newBuilder().setDesk("renda").build()));
        assertEquals(OrdStatus.ORD_STATUS_CANCELED, oms.status("d2"));
    }

    @Test
    void flattenWaitsForPositionsToReflectTheCancelsThenSendsOneOppositeMarketOrderPerPosition() throws Exception {
        oms.rest("f1", "3001", "mesa", "", "PETR4", Side.SIDE_BUY, 100);
        positions.hold("3001", "PETR4", 300, "0", "0");
        positions.hold("3001", "VALE3", -200, "0", "0");
        positions.hold("3001", "ITUB4", 0, "15.00", "0");
        positions.caughtUpTo(0); // behind: the halt's cancel events are not yet reflected
        int before = oms.submitted.size();

        java.util.concurrent.atomic.AtomicInteger sentWhileBehind = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread catchUp = new Thread(() -> {
            try {
                TestStack.await(() -> oms.status("f1") == OrdStatus.ORD_STATUS_CANCELED, WAIT, "the halt's cancel confirmed");
                Thread.sleep(300); // the flatten is waiting now: positions-svc has not reflected the cancel
                sentWhileBehind.set(oms.submitted.size() - before);
            } catch (InterruptedException e) {
                return;
            }
            positions.caughtUpTo(oms.lastSequence());
        });
        catchUp.start();
        SwitchChangeResponse r = as("rita", "risk").halt(HaltRequest.newBuilder().setScope(account("3001"))
                .setMode(HaltMode.HALT_MODE_FLATTEN).setReason("close the client").setWaitForReport(true).build());
        catchUp.join();

        List<SubmitOrderRequest> sent = oms.submitted.subList(before, oms.submitted.size());
        assertEquals(2, sent.size(), "one order per non-zero position: " + sent);
        SubmitOrderRequest petr = sent.stream().filter(s -> s.getInstrument().getTicker().equals("PETR4")).findFirst().orElseThrow();
        assertEquals(Side.SIDE_SELL, petr.getSide());
        assertEquals(300, petr.getOrderQty());
        assertEquals(OrdType.ORD_TYPE_MARKET, petr.getOrdType());
        assertTrue(petr.getRiskFlatten(), "marked as risk-svc's zeroing order: it passes the halted switch");
        SubmitOrderRequest vale = sent.stream().filter(s -> s.getInstrument().getTicker().equals("VALE3")).findFirst().orElseThrow();
        assertEquals(Side.SIDE_BUY, vale.getSide());
        assertEquals(200, vale.getOrderQty());
        assertEquals(0, sentWhileBehind.get(), "nothing was sent while positions-svc lagged behind the cancels");
        assertEquals(2, r.getReport().getFlattenOrdersCount(), r.getReport().toString());
        assertTrue(r.getReport().getFlattenOrders(0).contains("PENDING_NEW"), r.getReport().getFlattenOrders(0));
    }

    @Test
    void aHaltIsAnsweredOnlyOnceAnotherViewFollowingTheBroadcastDeniesTheScope() throws Exception {
        PgRiskStore store = new PgRiskStore(stack.database().jdbi());
        RiskView omsGate = new RiskView(store, RiskApp::wallClockNanos, e -> { });
        try (RedisRiskLink follower = RedisRiskLink.connect(stack.redis().url(), omsGate, store, false, "oms-svc")) {
            TestStack.await(() -> omsGate.snapshot().known(), WAIT, "the follower view known");
            Scope scope = Scope.account(new blackbox.platform.domain.AccountId("4001"));
            for (int i = 0; i < 20; i++) {
                as("rita", "risk").halt(HaltRequest.newBuilder().setScope(account("4001")).setMode(HaltMode.HALT_MODE_KEEP)
                        .setReason("halt " + i).build());
                assertEquals(SwitchState.HALTED, omsGate.snapshot().switches().get(scope).state(),
                        "the follower denies the account the moment the halt is answered (round " + i + ")");
                app().desk().command(ADMIN, scope, new SwitchCommand.Resume("root", "again"));
                TestStack.await(() -> omsGate.snapshot().switches().get(scope).state() == SwitchState.ACTIVE, WAIT, "resumed");
            }
        }
    }

    @Test
    void theCallerComesFromTheHeadersAndOnlyRiskOrAdminMayHalt() {
        HaltRequest halt = HaltRequest.newBuilder().setScope(account("5001")).setMode(HaltMode.HALT_MODE_KEEP)
                .setReason("test").build();
        StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> as(null, null).halt(halt));
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
        StatusRuntimeException trader = assertThrows(StatusRuntimeException.class, () -> as("tiago", "trader").halt(halt));
        assertEquals(Status.Code.PERMISSION_DENIED, trader.getStatus().getCode());
        assertEquals("to change a kill switch needs role risk or admin: user=tiago roles=[trader]",
                trader.getStatus().getDescription());
        assertTrue(as("root", "viewer, ADMIN").halt(halt).getChanged(), "roles are comma-separated, any case");
        assertEquals("root", app().view().snapshot().switches().get(Scope.account(new blackbox.platform.domain.AccountId("5001"))).who());
    }

    @Test
    void venueRejectsSeenLiveTripTheirAccountButTheReplayedHistoryDoesNot() throws Exception {
        Scope account = Scope.account(new blackbox.platform.domain.AccountId("6001"));
        Scope old = Scope.account(new blackbox.platform.domain.AccountId("6002"));
        // three rejects of 6002 happen while risk-svc is away: at its restart they are history, not a burst
        risk.stop();
        for (int i = 0; i < 3; i++) oms.venueReject("old" + i, "6002", "rejected by the broker");
        risk.restart();
        TestStack.await(() -> app().orderEvents().live(), WAIT, "following again");
        oms.venueReject("r1", "6001", "rejected by the broker");
        oms.venueReject("r2", "6001", "rejected by the broker");
        Thread.sleep(200);
        assertEquals(SwitchState.ACTIVE, state(account), "two rejects: under the threshold of 3");
        oms.venueReject("r3", "6001", "price outside the band");
        TestStack.await(() -> state(account) == SwitchState.HALTED, WAIT, "the third reject trips account 6001");
        KillSwitch k = app().view().snapshot().switches().get(account);
        assertEquals("circuit-breaker", k.who());
        assertTrue(k.why().contains("3 venue rejects in 60 s, the last: price outside the band"), k.why());
        assertEquals(SwitchState.ACTIVE, state(old), "replayed rejects do not trip");
    }

    @Test
    void anEventSentWhileTheStreamIsDownArrivesAfterTheResumption() throws Exception {
        Scope account = Scope.account(new blackbox.platform.domain.AccountId("6101"));
        oms.dropStreams();
        oms.venueReject("x1", "6101", "r");
        oms.venueReject("x2", "6101", "r");
        oms.venueReject("x3", "6101", "r");
        TestStack.await(() -> state(account) == SwitchState.HALTED, WAIT,
                "the rejects emitted while the stream was down, delivered after the resumption, trip 6101");
        assertTrue(app().orderEvents().live());
    }

    @Test
    void routingLostAtTheGatewayPutsTheDeskInReducingOnlyAfterItWasConnected() throws Exception {
        TestStack.await(() -> gateway.streams() >= 1, WAIT, "risk-svc watching the gateway's session state");
        gateway.routing(false, 1);
        Thread.sleep(200);
        assertEquals(SwitchState.ACTIVE, state(Scope.DESK), "not yet connected: a gateway logging in is no loss");
        gateway.routing(true, 2);
        gateway.routing(false, 3);
        TestStack.await(() -> state(Scope.DESK) == SwitchState.REDUCING, WAIT, "routing lost: desk REDUCING");
        gateway.routing(true, 4);
    }

    @Test
    void anAccountWhoseProfitFallsMoreThanTheLimitFromItsPeakIsReduced() throws Exception {
        Scope account = Scope.account(new blackbox.platform.domain.AccountId("7001"));
        positions.hold("7001", "PETR4", 100, "500.00", "300.00");   // P&L 800: the peak
        Thread.sleep(300);
        positions.hold("7001", "PETR4", 100, "500.00", "-300.00");  // 200: 600 below the peak
        Thread.sleep(300);
        assertEquals(SwitchState.ACTIVE, state(account), "600 below the peak, the limit is 1000");
        positions.hold("7001", "PETR4", 100, "500.00", "-700.01");  // -200.01: 1000.01 below
        TestStack.await(() -> state(account) == SwitchState.REDUCING, WAIT, "drawdown beyond 1000: REDUCING");
        TestStack.await(() -> state(Scope.DESK) == SwitchState.REDUCING, WAIT, "the desk's P&L fell as much: REDUCING too");
        positions.hold("7001", "PETR4", 0, "800.00", "0");          // back at the peak: the breakers re-arm
        int calls = positions.calls();
        TestStack.await(() -> positions.calls() >= calls + 2, WAIT, "the breaker reading the recovered P&L");
    }

    @Test
    void creatingThePanicFileHaltsTheDeskOnceAndRenamesTheFile() throws Exception {
        Files.writeString(panicFile, "web app down, closing\n");
        TestStack.await(() -> state(Scope.DESK) == SwitchState.HALTED, WAIT, "panic from the signal file");
        KillSwitch k = app().view().snapshot().switches().get(Scope.DESK);
        assertEquals("signal-file", k.who());
        assertEquals("web app down, closing", k.why());
        TestStack.await(() -> !Files.exists(panicFile), WAIT, "the file renamed once handled");
        try (var done = Files.list(stack.dataDir())) {
            assertTrue(done.anyMatch(p -> p.getFileName().toString().startsWith("PANIC.done-")));
        }
    }

    @Test
    void panicWithoutARoleIsRefusedAndWithOneHaltsTheDesk() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> as("tiago", "trader")
                .panic(PanicRequest.newBuilder().setReason("x").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertFalse(state(Scope.DESK) == SwitchState.HALTED);
        assertTrue(as("rita", "risk").panic(PanicRequest.newBuilder().setReason("test").build()).getChanged());
        assertEquals(SwitchState.HALTED, state(Scope.DESK));
    }
}
