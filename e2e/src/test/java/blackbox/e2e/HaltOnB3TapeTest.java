package blackbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.GetPositionRequest;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.PositionType;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.risk.grpc.Callers;
import blackbox.risk.v1.HaltMode;
import blackbox.risk.v1.HaltReport;
import blackbox.risk.v1.HaltRequest;
import blackbox.risk.v1.ResumeRequest;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.Scope;
import blackbox.risk.v1.ScopeType;
import blackbox.risk.v1.SwitchChangeResponse;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Issue 15's acceptance on the real B3 tape (PETR4, 2025-04-07) through risk-svc, oms-svc, positions-svc, the gateway
 * and the simulator: a desk halt during a 200-account working block (resting limit orders that do not fill, and a
 * 20-account block that fills in part) while orders keep arriving — nothing passes once the halt is answered, every
 * working order is cancelled at the simulator; then a halt with flatten leaves every position at zero at the
 * simulator (GetPositionV2 through the gateway); then Redis flushed and restarted: the halted desk stays closed.
 * The simulator fills at most 100 shares on arrival ({@code fill.touch_quantity=100}).
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaltOnB3TapeTest {
    static final int ACCOUNTS = 200;
    static final int FILLING = 20;
    static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    static Desk desk;
    static final StreamCollector<ExecutionReportMessage> simulator = new StreamCollector<>();
    static BigDecimal last;

    @BeforeAll
    static void start() throws Exception {
        desk = new Desk("halt-b3", dir, TradingGateway.roster(dir, ACCOUNTS), "fill.touch_quantity=100", Map.of());
        TradingGrpc.newStub(desk.gateway.channel()).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
        desk.advanceTo(11, 0, 0);
        last = desk.tape.lastTradeAt(blackbox.oms.testing.B3Tape.at(11, 0, 0));
    }

    @AfterAll
    static void stop() {
        if (desk != null) desk.close();
    }

    static RiskGrpc.RiskBlockingStub riskDesk() {
        Metadata m = new Metadata();
        m.put(Callers.USER, "rita");
        m.put(Callers.ROLES, "risk");
        return RiskGrpc.newBlockingStub(desk.risk.channel()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
    }

    static final Scope DESK = Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_DESK).build();

    static BlockRequest block(String id, BigDecimal price, int accounts, long qty) {
        BlockRequest.Builder b = BlockRequest.newBuilder().setBlockId(id).setInstrument(GatewayPart.instrument("PETR4", "B"))
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(price.toPlainString())
                .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED);
        for (int i = 1; i <= accounts; i++) b.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(qty));
        return b.build();
    }

    /** Every idempotency key the simulator has reported on. */
    static Set<String> keysAtTheSimulator() {
        Set<String> keys = new HashSet<>();
        for (ExecutionReportMessage m : simulator.items()) if (m.hasReport()) keys.add(m.getReport().getIdempotencyKey());
        return keys;
    }

    static AccountId dll(int i) {
        return AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
    }

    /** Orders still open at the simulator, over every account. */
    static List<String> openAtTheSimulator() {
        TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(desk.gateway.channel());
        List<String> open = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            for (blackbox.gateway.v1.Order o : trading.listOrders(ListOrdersRequest.newBuilder().setAccount(dll(i)).build()).getOrdersList()) {
                switch (o.getOrdStatus()) {
                    case ORD_STATUS_PENDING_NEW, ORD_STATUS_NEW, ORD_STATUS_PARTIALLY_FILLED, ORD_STATUS_PENDING_CANCEL,
                         ORD_STATUS_PENDING_REPLACE, ORD_STATUS_UNKNOWN -> open.add(o.getIdempotencyKey() + " " + o.getOrdStatus());
                    default -> { }
                }
            }
        }
        return open;
    }

    /** A submitter's record of one SubmitOrder: when it started, how it ended. */
    record Submitted(String clOrdId, long startNanos, OrdStatus status, String text) {
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aDeskHaltDuringAWorkingBlockStopsEveryNewOrderOnceAnsweredAndCancelsEveryWorkingOrderAtTheSimulator() throws Exception {
        List<Order> resting = desk.oms.blocking().submitBlock(block("rest", last.subtract(BigDecimal.ONE), ACCOUNTS, 100)).getChildrenList();
        List<Order> filling = desk.oms.blocking().submitBlock(block("fill", last.add(new BigDecimal("0.05")), FILLING, 500)).getChildrenList();
        List<String> children = new ArrayList<>();
        resting.forEach(o -> children.add(o.getClOrdId()));
        filling.forEach(o -> children.add(o.getClOrdId()));
        TestStack.await(() -> keysAtTheSimulator().containsAll(children), WAIT, "every child of both blocks at the simulator");
        desk.advanceTo(11, 2, 0); // the filling block trades on the tape's prints

        // orders keep arriving while the desk is halted
        List<Submitted> submitted = new CopyOnWriteArrayList<>();
        AtomicBoolean run = new AtomicBoolean(true);
        Thread trader = Thread.ofPlatform().name("trader").start(() -> {
            for (int n = 0; run.get(); n++) {
                long started = System.nanoTime();
                String id = "s-" + n;
                try {
                    SubmitOrderResponse r = desk.oms.blocking().submitOrder(SubmitOrderRequest.newBuilder().setClOrdId(id)
                            .setAccount(TradingGateway.account(1 + n % ACCOUNTS)).setInstrument(GatewayPart.instrument("PETR4", "B"))
                            .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(100)
                            .setPrice(last.subtract(BigDecimal.ONE).toPlainString()).build());
                    submitted.add(new Submitted(id, started, r.getOrder().getOrdStatus(), r.getOrder().getText()));
                } catch (StatusRuntimeException e) {
                    submitted.add(new Submitted(id, started, OrdStatus.ORD_STATUS_UNSPECIFIED, e.getStatus().toString()));
                }
            }
        });
        TestStack.await(() -> submitted.size() >= 20, WAIT, "the trader sending");
        SwitchChangeResponse halt = riskDesk().halt(HaltRequest.newBuilder().setScope(DESK).setMode(HaltMode.HALT_MODE_KEEP)
                .setReason("halt during a block").setWaitForReport(true).build());
        long acknowledged = System.nanoTime();
        int atAck = submitted.size();
        TestStack.await(() -> submitted.size() >= atAck + 20, WAIT, "the trader still sending after the halt");
        run.set(false);
        trader.join();

        // nothing passes once the halt is answered
        List<Submitted> after = submitted.stream().filter(s -> s.startNanos() > acknowledged).toList();
        assertTrue(after.size() >= 20);
        for (Submitted s : after) {
            assertEquals(OrdStatus.ORD_STATUS_DENIED, s.status(), s.toString());
            assertTrue(s.text().startsWith("SWITCH_HALTED"), s.toString());
        }
        Set<String> passed = new HashSet<>(children);
        submitted.stream().filter(s -> s.status() != OrdStatus.ORD_STATUS_DENIED).forEach(s -> passed.add(s.clOrdId()));
        Set<String> stray = new HashSet<>(keysAtTheSimulator());
        stray.removeAll(passed);
        assertEquals(Set.of(), stray, "the simulator has only orders oms-svc let pass before the halt was answered");
        assertTrue(submitted.stream().anyMatch(s -> s.startNanos() < acknowledged && s.status() != OrdStatus.ORD_STATUS_DENIED),
                "orders were passing until the halt");

        // every working order cancelled: at oms-svc and at the simulator
        HaltReport report = halt.getReport();
        assertEquals(0, report.getUnconfirmedCount(), report.getUnconfirmedList().toString());
        assertEquals(0, report.getFailedCount(), report.getFailedList().toString());
        assertEquals(report.getCancelsSent(), report.getConfirmedCount() + report.getRejectedCount());
        assertTrue(report.getCancelsSent() >= ACCOUNTS, "at least the resting block's children: " + report.getCancelsSent());
        ListOrdersResponse working = desk.oms.blocking().listOrders(blackbox.oms.v1.ListOrdersRequest.newBuilder()
                .addAllStatuses(List.of(OrdStatus.ORD_STATUS_PENDING_NEW, OrdStatus.ORD_STATUS_NEW, OrdStatus.ORD_STATUS_PARTIALLY_FILLED,
                        OrdStatus.ORD_STATUS_PENDING_CANCEL, OrdStatus.ORD_STATUS_PENDING_REPLACE, OrdStatus.ORD_STATUS_UNKNOWN)).build());
        assertEquals(List.of(), working.getOrdersList().stream().map(Order::getClOrdId).toList(), "nothing working at oms-svc");
        TestStack.await(() -> openAtTheSimulator().isEmpty(), WAIT, () -> "nothing open at the simulator: " + openAtTheSimulator());
        System.out.printf("halt during the block: %d cancels sent, %d confirmed, %d refused (filled first); %d orders denied after the "
                + "answer; last cancel sent %.1f ms after the halt began%n", report.getCancelsSent(), report.getConfirmedCount(),
                report.getRejectedCount(), after.size(), (report.getLastCancelSentNanos() - report.getStartedNanos()) / 1e6);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aHaltWithFlattenLeavesEveryPositionOfTheDeskAtZeroAtTheSimulator() throws Exception {
        TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(desk.gateway.channel());
        Map<Integer, Long> before = new TreeMap<>();
        for (int i = 1; i <= FILLING; i++) before.put(i, simPosition(trading, i));
        assertTrue(before.values().stream().anyMatch(q -> q > 0), "the filling block left positions: " + before);

        SwitchChangeResponse halt = riskDesk().halt(HaltRequest.newBuilder().setScope(DESK).setMode(HaltMode.HALT_MODE_FLATTEN)
                .setReason("flatten the desk").setWaitForReport(true).build());
        HaltReport report = halt.getReport();
        long holders = before.values().stream().filter(q -> q != 0).count();
        assertEquals(holders, report.getFlattenOrdersCount(), report.getFlattenOrdersList().toString());
        for (String line : report.getFlattenOrdersList()) assertTrue(line.contains("PENDING_NEW"), line);

        desk.advanceTo(11, 20, 0); // the zeroing market orders trade on the tape
        TestStack.await(() -> {
            for (int i = 1; i <= FILLING; i++) if (simPosition(trading, i) != 0) return false;
            return true;
        }, WAIT, () -> "every position at zero at the simulator");
        for (int i = FILLING + 1; i <= ACCOUNTS; i++) assertEquals(0, simPosition(trading, i), "account " + i + " never traded");
    }

    /** The simulator's consolidated position (GetPositionV2 through the gateway); NOT_FOUND is none. */
    static long simPosition(TradingGrpc.TradingBlockingStub trading, int i) {
        try {
            return trading.getPosition(GetPositionRequest.newBuilder().setAccount(dll(i)).setInstrument(GatewayPart.instrument("PETR4", "B"))
                    .setPositionType(PositionType.POSITION_TYPE_CONSOLIDATED).build()).getOpenQuantity();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return 0;
            throw e;
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void withRedisFlushedAndThenRestartedNoOrderPassesTheHaltedDesk() throws Exception {
        EmbeddedRedisServer redis = desk.stack.redis();
        org.redisson.config.Config c = new org.redisson.config.Config();
        c.useSingleServer().setAddress(redis.url());
        RedissonClient client = Redisson.create(c);
        try {
            client.getKeys().flushall();
            for (int n = 0; n < 10; n++) assertDenied("flushed-" + n);
            int port = redis.port();
            redis.close();
            for (int n = 0; n < 10; n++) assertDenied("down-" + n);
            try (EmbeddedRedisServer again = EmbeddedRedisServer.start(desk.stack.dataDir(), port, 256)) {
                TestStack.await(() -> desk.omsPart.instance().risk().view().snapshot().known(), WAIT, "oms-svc's risk view known again");
                for (int n = 0; n < 10; n++) assertDenied("back-" + n);
                riskDesk().resume(ResumeRequest.newBuilder().setScope(DESK).setReason("end of the test").build());
                TestStack.await(() -> desk.omsPart.instance().risk().view().snapshot().switches().restricted().isEmpty(), WAIT,
                        "oms-svc sees the desk resumed");
                SubmitOrderResponse r = submit("resumed-1");
                assertEquals(OrdStatus.ORD_STATUS_PENDING_NEW, r.getOrder().getOrdStatus(), r.getOrder().getText());
            }
        } finally {
            client.shutdown();
        }
    }

    static SubmitOrderResponse submit(String id) {
        return desk.oms.blocking().submitOrder(SubmitOrderRequest.newBuilder().setClOrdId(id).setAccount(TradingGateway.account(7))
                .setInstrument(GatewayPart.instrument("PETR4", "B")).setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT)
                .setOrderQty(100).setPrice(last.subtract(BigDecimal.ONE).toPlainString()).build());
    }

    static void assertDenied(String id) {
        SubmitOrderResponse r = submit(id);
        assertEquals(OrdStatus.ORD_STATUS_DENIED, r.getOrder().getOrdStatus(), id + ": " + r.getOrder().getText());
        assertTrue(r.getOrder().getText().startsWith("SWITCH_HALTED") || r.getOrder().getText().startsWith("RISK_STATE_UNKNOWN"),
                id + ": " + r.getOrder().getText());
    }
}
