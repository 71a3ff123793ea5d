package blackbox.oms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.TestPaths;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.core.Prices;
import blackbox.oms.core.reconcile.Reconciliation;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.ChildJvm;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.GetBlockRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.platform.config.Config;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * oms-svc killed with SIGKILL in the middle of sending a 200-account block (its children all persisted, some sent, some
 * not), then started again on the same database: the children the venue never saw are REJECTED (not re-sent), the
 * others follow the venue, and after the tape moves on every child's state and every fill equal the simulator's —
 * 0 duplicate orders at the simulator, 0 lost fills. oms-svc runs in a child JVM ({@code OmsMain}); the gateway, the
 * simulator and PostgreSQL in this one (the gateway keeps its report log, so the restarted oms-svc resumes from its
 * cursor and every fill arrives as the report it is).
 */
@Timeout(300)
class OmsKillTest {
    static final int ACCOUNTS = 200;
    static final String BLOCK = "kill-oms";

    @Test
    void aKilledOmsSendsNothingTwiceLosesNoFillAndEndsAsTheSimulator(@TempDir Path dir) throws Exception {
        B3Tape tape = B3Tape.load(dir);
        Path roster = TradingGateway.roster(dir, ACCOUNTS);
        try (TestStack stack = new TestStack("oms-kill")) {
            stack.database(); // the embedded PostgreSQL the child JVM connects to
            Map<String, String> gw = new HashMap<>(TradingGateway.overrides(stack, roster, tape.replay,
                    "routing.instruments=" + B3Tape.instruments(dir) + ";fill.touch_quantity=100"));
            gw.put(GatewayConfig.LIBRARY, TestPaths.simulatorLibrary().toString());
            gw.put(GatewayConfig.STATS_INTERVAL, "0s");
            Gateway gateway = Gateway.start(GatewayConfig.from(Config.of(gw)),
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), stack.telemetry());
            ManagedChannel gwChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
            try {
                TestStack.await(() -> gateway.trading().engine().routingReady(), Duration.ofSeconds(10), "routing connected");
                StreamCollector<ExecutionReportMessage> simulator = new StreamCollector<>();
                TradingGrpc.newStub(gwChannel).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
                advance(gateway, B3Tape.at(11, 0, 0));
                BigDecimal limit = tape.lastTradeAt(B3Tape.at(11, 0, 0)).add(new BigDecimal("0.01"));

                int omsPort = ChildJvm.freePort();
                Map<String, String> env = Map.of(
                        "BLACKBOX_DATABASE_URL", stack.postgres().jdbcUrl(),
                        OmsConfig.PORT, Integer.toString(omsPort),
                        OmsConfig.GATEWAY, "127.0.0.1:" + gateway.port(),
                        OmsConfig.ACCOUNTS, roster.toString(),
                        OmsConfig.POSITIONS, "none",
                        OmsConfig.MAX_IN_FLIGHT, "1", // one send at a time: the kill lands in the middle of the block
                        OmsConfig.GATE_WAIT, "30s",
                        OmsConfig.RISK_POLL, "200ms",
                        OmsConfig.STATS_INTERVAL, "0s");
                Path log = dir.resolve("oms.log");
                ChildJvm first = ChildJvm.start("blackbox.oms.OmsMain", env, log);
                ManagedChannel omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                List<String> keys = new ArrayList<>();
                int seenBeforeKill;
                Set<String> sent;
                try {
                    var oms = OrderManagementGrpc.newStub(omsChannel).withInterceptors(OmsPart.as("trader"));
                    awaitServing(omsChannel, first);
                    BlockRequest.Builder request = BlockRequest.newBuilder().setBlockId(BLOCK).setInstrument(B3_PETR4)
                            .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(limit.toPlainString())
                            .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED);
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        request.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(300));
                        keys.add(BLOCK + "/" + i);
                    }
                    StreamCollector<SubmitBlockResponse> answer = new StreamCollector<>();
                    oms.submitBlock(request.build(), answer);
                    TestStack.await(() -> atSimulator(simulator).size() >= 50, Duration.ofSeconds(60),
                            () -> "50 children at the simulator; oms-svc log:\n" + first.log());
                    first.kill();
                    Thread.sleep(1_000); // a send on its way when the process died lands (or not) at the gateway
                    seenBeforeKill = atSimulator(simulator).size();
                } finally {
                    omsChannel.shutdownNow();
                    first.kill();
                }
                sent = atSimulator(simulator);
                System.out.printf("oms-svc killed with %d of %d children at the simulator%n", seenBeforeKill, ACCOUNTS);
                assertTrue(sent.size() < ACCOUNTS, "the kill interrupted the sending: " + sent.size() + " of " + ACCOUNTS + " sent");

                ChildJvm second = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms-2.log"));
                omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = OrderManagementGrpc.newBlockingStub(omsChannel).withInterceptors(OmsPart.as("trader"));
                    awaitServing(omsChannel, second);
                    // reconciliation: a child is either following the venue or REJECTED as never seen
                    TestStack.await(() -> keys.stream().map(k -> order(oms, k)).allMatch(o -> o.getOrdStatus() != OrdStatus.ORD_STATUS_PENDING_NEW
                            && o.getOrdStatus() != OrdStatus.ORD_STATUS_UNKNOWN), Duration.ofSeconds(60), () -> "every child reconciled; log:\n" + second.log());
                    assertEquals(sent, atSimulator(simulator), "nothing was sent after the restart (nothing re-sent blindly)");
                    advance(gateway, B3Tape.at(13, 0, 0));
                    TestStack.await(() -> caughtUp(oms, keys, simulator), Duration.ofSeconds(60), "oms-svc to apply every fill");

                    // 0 duplicates at the simulator: one DLL order per key, only the keys sent before the kill
                    Map<String, Integer> perKey = new TreeMap<>();
                    TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(gwChannel);
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        AccountId account = AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
                        for (var o : trading.listOrders(ListOrdersRequest.newBuilder().setAccount(account).build()).getOrdersList()) {
                            if (o.getIdempotencyKey().startsWith(BLOCK + "/")) perKey.merge(o.getIdempotencyKey(), 1, Integer::sum);
                        }
                    }
                    List<String> duplicates = perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
                    assertEquals(List.of(), duplicates, "no two DLL orders for one ClOrdID");
                    assertEquals(sent, perKey.keySet());

                    // every child as the simulator has it; every fill an event of oms-svc's
                    Map<String, Map<String, long[]>> simFills = fills(simulator);
                    Map<String, Map<String, long[]>> omsFills = omsFills(omsChannel);
                    Map<String, ExecutionReport> last = lastReports(simulator);
                    List<String> differ = new ArrayList<>();
                    int rejected = 0;
                    int fillsCount = 0;
                    for (String k : keys) {
                        Order o = order(oms, k);
                        if (!sent.contains(k)) {
                            rejected++;
                            if (o.getOrdStatus() != OrdStatus.ORD_STATUS_REJECTED || !o.getText().equals(Reconciliation.NEVER_SEEN_REASON)
                                    || o.getCumQty() != 0) {
                                differ.add(k + ": never sent, yet " + o.getOrdStatus() + " " + o.getText());
                            }
                            continue;
                        }
                        ExecutionReport s = last.get(k);
                        String simStatus = s.getOrdStatus().name().replace("ORD_STATUS_", "");
                        if (!simStatus.equals(o.getOrdStatus().name().replace("ORD_STATUS_", "")) || s.getCumQty() != o.getCumQty()) {
                            differ.add(k + ": simulator " + simStatus + " " + s.getCumQty() + ", oms-svc " + o.getOrdStatus() + " " + o.getCumQty());
                        }
                        Map<String, long[]> sf = simFills.getOrDefault(k, Map.of());
                        Map<String, long[]> of = omsFills.getOrDefault(k, Map.of());
                        fillsCount += sf.size();
                        if (!sf.keySet().equals(of.keySet())) differ.add(k + ": fills " + sf.keySet() + " at the simulator, " + of.keySet() + " in oms-svc");
                        long notional = sf.values().stream().mapToLong(f -> f[0] * f[1]).sum();
                        if (!Prices.format(notional).equals(o.getNotional())) differ.add(k + ": notional " + Prices.format(notional) + " vs " + o.getNotional());
                    }
                    System.out.printf("after restart: %d children sent once each, %d never sent (REJECTED, not re-sent), %d fills, all equal%n",
                            sent.size(), rejected, fillsCount);
                    assertEquals(List.of(), differ, "what differs from the simulator");
                    assertTrue(fillsCount > sent.size(), "fills came both before the kill and after the restart");
                    var block = oms.getBlock(GetBlockRequest.newBuilder().setBlockId(BLOCK).build());
                    assertEquals(ACCOUNTS, block.getChildClOrdIdsCount());
                } finally {
                    omsChannel.shutdownNow();
                    second.close();
                }
            } finally {
                gwChannel.shutdownNow();
                gateway.close();
            }
        }
    }

    static final blackbox.gateway.v1.InstrumentId B3_PETR4 = blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("PETR4").setExchange("B").build();

    static void advance(Gateway gateway, long ts) {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimAdvanceReplay(ts);
        if (rc != 0) throw new AssertionError("SimAdvanceReplay -> " + rc);
    }

    static void awaitServing(ManagedChannel channel, ChildJvm child) throws InterruptedException {
        TestStack.await(() -> {
            if (!child.alive()) throw new AssertionError("oms-svc exited:\n" + child.log());
            try {
                OrderManagementGrpc.newBlockingStub(channel).withDeadlineAfter(java.time.Duration.ofSeconds(1))
                        .getOrder(GetOrderRequest.newBuilder().setClOrdId("probe").build());
                return true;
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode() == Status.Code.NOT_FOUND;
            }
        }, Duration.ofSeconds(60), () -> "oms-svc serving; log:\n" + child.log());
    }

    static Order order(OrderManagementGrpc.OrderManagementBlockingStub oms, String key) {
        return oms.getOrder(GetOrderRequest.newBuilder().setClOrdId(key).build());
    }

    /** The block's keys the simulator has reported on. */
    static Set<String> atSimulator(StreamCollector<ExecutionReportMessage> simulator) {
        Set<String> out = new HashSet<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (m.hasReport() && m.getReport().getIdempotencyKey().startsWith(BLOCK + "/")) out.add(m.getReport().getIdempotencyKey());
        }
        return out;
    }

    static Map<String, Map<String, long[]>> fills(StreamCollector<ExecutionReportMessage> simulator) {
        Map<String, Map<String, long[]>> out = new TreeMap<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (!m.hasReport() || m.getReport().getExecType() != ExecType.EXEC_TYPE_TRADE) continue;
            ExecutionReport r = m.getReport();
            out.computeIfAbsent(r.getIdempotencyKey(), k -> new TreeMap<>()).put(r.getExecId(),
                    new long[] {r.getLastQty(), Prices.parse("last_px", r.getLastPx())});
        }
        return out;
    }

    static Map<String, ExecutionReport> lastReports(StreamCollector<ExecutionReportMessage> simulator) {
        Map<String, ExecutionReport> out = new HashMap<>();
        for (ExecutionReportMessage m : simulator.items()) if (m.hasReport()) out.put(m.getReport().getIdempotencyKey(), m.getReport());
        return out;
    }

    static boolean caughtUp(OrderManagementGrpc.OrderManagementBlockingStub oms, List<String> keys,
                            StreamCollector<ExecutionReportMessage> simulator) {
        Map<String, Map<String, long[]>> sim = fills(simulator);
        for (String k : keys) {
            long cum = sim.getOrDefault(k, Map.of()).values().stream().mapToLong(f -> f[0]).sum();
            if (order(oms, k).getCumQty() != cum) return false;
        }
        return true;
    }

    static Map<String, Map<String, long[]>> omsFills(ManagedChannel channel) throws InterruptedException {
        StreamCollector<OrderEventMessage> events = new StreamCollector<>();
        OrderManagementGrpc.newStub(channel).streamOrderEvents(StreamOrderEventsRequest.newBuilder().setBlockId(BLOCK)
                .addTypes(OrderEventType.ORDER_EVENT_TYPE_TRADE).build(), events);
        Map<String, Map<String, long[]>> out = new TreeMap<>();
        for (OrderEventMessage m : events.await(l -> l.stream().anyMatch(OrderEventMessage::hasCaughtUp), Duration.ofSeconds(20), "CaughtUp")) {
            if (!m.hasEvent()) continue;
            assertFalse(m.getEvent().getReconciled(), "the gateway kept its log: no fill is inferred " + m.getEvent());
            out.computeIfAbsent(m.getEvent().getClOrdId(), k -> new TreeMap<>()).put(m.getEvent().getExecId(),
                    new long[] {m.getEvent().getLastQty(), Prices.parse("last_px", m.getEvent().getLastPx())});
        }
        return out;
    }
}
