package blackbox.oms.algo.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.TestPaths;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.algo.crash.CoverKillTest.Child;
import blackbox.oms.algo.crash.CoverKillTest.VenueStatus;
import blackbox.oms.core.Prices;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.ChildJvm;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.Oco;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.platform.config.Config;
import blackbox.testkit.TestStack;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * oms-svc killed with SIGKILL twice while a 20-account BUY OCO bracket reacts to its stop being touched on the real
 * PETR4 tape (the window of {@code OcoOnB3TapeTest}: take profits under the ten minutes' low, never filled; the stop 2
 * ticks under their high), each time started again on the same database, then compared with the simulator's truth.
 * One send and one cancel in flight at a time ({@code MAX_IN_FLIGHT=1}), so the reaction to the touch (cancel 20 take
 * profits, send 20 stops) takes a while, and the kills are triggered from the simulator's report stream:
 * <ol>
 *   <li>kill 1: at the first take-profit cancel the simulator confirms — the trigger persisted, the other take profits
 *       still live, their cancels mostly not sent, no stop at the venue yet;</li>
 *   <li>kill 2: at the 5th take-profit cancel the simulator confirms after the first restart — that account's stop
 *       being persisted and sent just then (when persisted and not sent, the reconciliation rejects it as never at the
 *       venue, and the bracket sends it again under the account's next slice).</li>
 * </ol>
 * After the second restart the tape runs on half an hour, and the bracket must be FILLED. Then: no ClOrdID twice at the venue; no
 * account with two live legs at the venue at any point of the report stream; no stop at the venue before the tape
 * touched the stop; every take profit cancelled; exactly one stop per account at the venue, for its 200; every fill
 * the simulator reported counted once by oms-svc; the parent FILLED with CumQty Σ of its children's. oms-svc runs in a
 * child JVM ({@code OmsMain}); gateway, simulator and PostgreSQL in this one.
 */
@Timeout(420)
class OcoKillTest {
    static final int ACCOUNTS = 20;
    static final long QTY = 200;
    static final long SEC = 1_000_000_000L;
    static final String PARENT = "kill-oco";
    static final InstrumentId PETR4 = InstrumentId.newBuilder().setTicker("PETR4").setExchange("B").build();

    /** The simulator's reports of the bracket's children, as they come, with a trigger on a kind of report. */
    static final class Venue implements StreamObserver<ExecutionReportMessage> {
        final List<ExecutionReport> reports = new ArrayList<>();
        private Predicate<ExecutionReport> counted = r -> false;
        private int left = Integer.MAX_VALUE;
        private CountDownLatch trigger = new CountDownLatch(1);

        @Override
        public synchronized void onNext(ExecutionReportMessage m) {
            if (!m.hasReport() || !m.getReport().getIdempotencyKey().startsWith(PARENT + "/")) return;
            reports.add(m.getReport());
            if (counted.test(m.getReport()) && --left <= 0) trigger.countDown();
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }

        /** Arms the trigger: it fires at the {@code n}-th report from now on that {@code what} matches. */
        synchronized CountDownLatch armAt(int n, Predicate<ExecutionReport> what) {
            trigger = new CountDownLatch(1);
            counted = what;
            left = n;
            return trigger;
        }

        synchronized List<ExecutionReport> snapshot() {
            return List.copyOf(reports);
        }
    }

    static boolean stopLeg(String key) {
        return Integer.parseInt(key.split("/")[1]) >= 2;
    }

    @Test
    void aBracketKilledWhileItReactsToTheTouchEndsWithOneStopPerAccountAndEveryFillCountedOnce(@TempDir Path dir) throws Exception {
        B3Tape tape = B3Tape.load(dir);
        B3Tape.RisingWindow window = tape.risingTenMinutes(); // OcoOnB3TapeTest's
        long start = window.start();
        BigDecimal stop = window.high().subtract(new BigDecimal("0.02"));
        BigDecimal takeProfit = window.low().subtract(new BigDecimal("0.05"));
        long touchAt = tape.firstTradeAtOrAbove(start, stop);
        assertTrue(touchAt > start, "the tape touches the stop " + stop);

        Path roster = TradingGateway.roster(dir, ACCOUNTS);
        try (TestStack stack = new TestStack("oms-oco-kill")) {
            stack.database();
            Map<String, String> gw = new HashMap<>(TradingGateway.overrides(stack, roster, tape.replay,
                    "routing.instruments=" + B3Tape.instruments(dir)));
            gw.put(GatewayConfig.LIBRARY, TestPaths.simulatorLibrary().toString());
            gw.put(GatewayConfig.STATS_INTERVAL, "0s");
            Gateway gateway = Gateway.start(GatewayConfig.from(Config.of(gw)),
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), stack.telemetry());
            ManagedChannel gwChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
            try {
                TestStack.await(() -> gateway.trading().engine().routingReady(), Duration.ofSeconds(10), "routing connected");
                Venue venue = new Venue();
                TradingGrpc.newStub(gwChannel).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), venue);
                var sim = ProfitDLL.load(gateway.library()).simulator().orElseThrow();
                long[] tapeAt = {start};
                assertEquals(0, sim.SimAdvanceReplay(tapeAt[0]));

                int omsPort = ChildJvm.freePort();
                Map<String, String> env = Map.of(
                        "BLACKBOX_DATABASE_URL", stack.postgres().jdbcUrl(),
                        OmsConfig.PORT, Integer.toString(omsPort),
                        OmsConfig.GATEWAY, "127.0.0.1:" + gateway.port(),
                        OmsConfig.ACCOUNTS, roster.toString(),
                        OmsConfig.POSITIONS, "none",
                        OmsConfig.MAX_IN_FLIGHT, "1",
                        OmsConfig.GATE_WAIT, "30s",
                        OmsConfig.RISK_POLL, "200ms",
                        OmsConfig.STATS_INTERVAL, "0s");
                List<String> killPoints = new ArrayList<>();

                // life 1: submit, every take profit at the venue, then the tape 10 s at a time; kill at the first
                // take-profit cancel confirmed
                ChildJvm first = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms.log"));
                ManagedChannel omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = CoverKillTest.stub(omsChannel);
                    CoverKillTest.awaitServing(omsChannel, first);
                    BlockRequest.Builder block = BlockRequest.newBuilder().setBlockId(PARENT).setInstrument(PETR4)
                            .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(takeProfit.toPlainString())
                            .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                            .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setOco(Oco.newBuilder()
                                    .setLimitPrice(takeProfit.toPlainString()).setStopPrice(stop.toPlainString())
                                    .setStopLimitPrice(stop.add(new BigDecimal("0.05")).toPlainString())));
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        block.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(QTY));
                    }
                    assertTrue(oms.submitBlock(block.build()).getParent().getIsParent());
                    TestStack.await(() -> live(venue, k -> !stopLeg(k)) == ACCOUNTS, Duration.ofSeconds(60),
                            () -> "every take profit at the venue; log:\n" + first.log());
                    CountDownLatch firstCancel = venue.armAt(1, r -> r.getExecType() == ExecType.EXEC_TYPE_CANCELED);
                    boolean fired = false;
                    while (!fired && tapeAt[0] < start + 600 * SEC) {
                        long before = tapeAt[0];
                        tapeAt[0] += 10 * SEC;
                        assertEquals(0, sim.SimAdvanceReplay(tapeAt[0]));
                        if (tapeAt[0] < touchAt) {
                            assertEquals(0, stops(venue).size(), "a stop at the venue before the tape reached " + stop + " (tape "
                                    + before + ")");
                            continue;
                        }
                        fired = firstCancel.await(30, TimeUnit.SECONDS);
                    }
                    assertTrue(fired, "the touch cancelled a take profit; log:\n" + first.log());
                    first.kill();
                } finally {
                    omsChannel.shutdownNow();
                    first.kill();
                }
                killPoints.add(killPoint(1, "the first take-profit cancel confirmed", venue));

                // life 2: recovery; kill at the 5th take-profit cancel confirmed from now on: that account's stop is
                // being persisted and sent just then
                CountDownLatch fifthStop = venue.armAt(5, r -> r.getExecType() == ExecType.EXEC_TYPE_CANCELED);
                ChildJvm second = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms-2.log"));
                try {
                    assertTrue(fifthStop.await(90, TimeUnit.SECONDS), "the restarted bracket sent its stops; log:\n" + second.log());
                    second.kill();
                } finally {
                    second.kill();
                }
                killPoints.add(killPoint(2, "the 5th take-profit cancel confirmed after restart 1", venue));

                // life 3: recovery, then the tape runs on until the bracket is FILLED
                ChildJvm third = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms-3.log"));
                omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = CoverKillTest.stub(omsChannel);
                    CoverKillTest.awaitServing(omsChannel, third);
                    TestStack.await(() -> stops(venue).size() == ACCOUNTS, Duration.ofSeconds(90),
                            () -> "every account's stop at the venue after restart 2: " + stops(venue).size() + "; log:\n" + third.log());
                    tapeAt[0] = start + 2400 * SEC; // the ten minutes and half an hour more: the stops fill
                    assertEquals(0, sim.SimAdvanceReplay(tapeAt[0]));
                    TestStack.await(() -> CoverKillTest.order(oms, PARENT).getOrdStatus() == OrdStatus.ORD_STATUS_FILLED,
                            Duration.ofSeconds(60), () -> "the bracket FILLED through its stops: " + CoverKillTest.order(oms, PARENT).getText()
                                    + "; log:\n" + third.log());
                    Order parent = CoverKillTest.order(oms, PARENT);
                    List<String> kids = parent.getChildClOrdIdsList();
                    TestStack.await(() -> {
                        Map<String, Child> v = CoverKillTest.children(venue.snapshot());
                        for (String k : kids) {
                            Child c = v.get(k);
                            if (CoverKillTest.order(oms, k).getCumQty() != (c == null ? 0 : c.cum())) return false;
                        }
                        return true;
                    }, Duration.ofSeconds(60), "oms-svc to apply every fill the simulator reported");

                    Map<String, Child> truth = CoverKillTest.children(venue.snapshot());
                    // 0 duplicates: one DLL order per ClOrdID at the venue, each a child oms-svc knows
                    Map<String, Integer> perKey = new TreeMap<>();
                    TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(gwChannel);
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        AccountId account = AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
                        for (var o : trading.listOrders(ListOrdersRequest.newBuilder().setAccount(account).build()).getOrdersList()) {
                            if (o.getIdempotencyKey().startsWith(PARENT + "/")) perKey.merge(o.getIdempotencyKey(), 1, Integer::sum);
                        }
                    }
                    assertEquals(List.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                            "no two DLL orders for one child ClOrdID");
                    assertEquals(truth.keySet(), perKey.keySet(), "the venue's listing and its report stream name the same children");
                    assertTrue(new java.util.HashSet<>(kids).containsAll(truth.keySet()), "every order at the venue is a child oms-svc knows");

                    // never two live legs of one account at the venue; one stop each, for its 200; every take profit cancelled
                    List<String> wrong = new ArrayList<>();
                    for (var e : CoverKillTest.byAccount(truth).entrySet()) {
                        List<Child> legs = e.getValue();
                        for (int i = 1; i < legs.size(); i++) {
                            if (legs.get(i - 1).endSeq > legs.get(i).firstSeq) {
                                wrong.add(legs.get(i - 1).key + " still live when " + legs.get(i).key + " reached the venue");
                            }
                        }
                        List<Child> accountStops = legs.stream().filter(c -> stopLeg(c.key)).toList();
                        if (accountStops.size() != 1) wrong.add("account " + e.getKey() + " has " + accountStops.size() + " stops at the venue");
                        for (Child c : accountStops) if (c.orderQty != QTY) wrong.add(c.key + " for " + c.orderQty);
                        for (Child c : legs) {
                            if (!stopLeg(c.key) && c.status != VenueStatus.CANCELED) wrong.add(c.key + " (take profit) " + c.status);
                        }
                    }
                    assertEquals(List.of(), wrong, "the legs at the venue");

                    // 0 lost fills: per child, oms-svc's quantity and notional are the simulator's
                    List<String> differ = new ArrayList<>();
                    long total = 0;
                    int neverSent = 0;
                    int resent = 0;
                    for (String k : kids) {
                        Order o = CoverKillTest.order(oms, k);
                        Child c = truth.get(k);
                        long cum = c == null ? 0 : c.cum();
                        String notional = Prices.format(c == null ? 0 : c.notional());
                        if (o.getCumQty() != cum || !notional.equals(o.getNotional())) {
                            differ.add(k + ": simulator " + cum + " / " + notional + ", oms-svc " + o.getCumQty() + " / " + o.getNotional());
                        }
                        if (c == null) {
                            neverSent++;
                            if (o.getOrdStatus() != OrdStatus.ORD_STATUS_REJECTED) differ.add(k + ": never at the venue, yet " + o.getOrdStatus());
                        }
                        if (Integer.parseInt(k.split("/")[1]) > 2) resent++;
                        total += o.getCumQty();
                    }
                    assertEquals(List.of(), differ, "what differs from the simulator");
                    assertEquals(ACCOUNTS * QTY, total, "every account filled its 200 once");
                    assertEquals(total, parent.getCumQty(), "the parent's CumQty is the sum of its children's");
                    assertEquals("every account filled", parent.getText());
                    long fills = truth.values().stream().mapToLong(c -> c.fills.size()).sum();
                    System.out.printf("oco-kill: %s; take profit %s, stop %s; %d children at the venue (once each, never two live legs per"
                                    + " account), %d persisted and never sent (REJECTED by the reconciliation), %d stops sent again under"
                                    + " a later slice; %d fills = %d, counted once; parent %s (%s)%n", String.join("; ", killPoints),
                            takeProfit, stop, truth.size(), neverSent, resent, fills, total, parent.getOrdStatus(), parent.getText());
                } finally {
                    omsChannel.shutdownNow();
                    third.close();
                }
            } finally {
                gwChannel.shutdownNow();
                gateway.close();
            }
        }
    }

    /** The children matching {@code which} live at the venue now. */
    static long live(Venue venue, Predicate<String> which) {
        return CoverKillTest.children(venue.snapshot()).values().stream().filter(c -> which.test(c.key) && c.live()).count();
    }

    static List<Child> stops(Venue venue) {
        return CoverKillTest.children(venue.snapshot()).values().stream().filter(c -> stopLeg(c.key)).toList();
    }

    static String killPoint(int n, String trigger, Venue venue) {
        Map<String, Child> v = CoverKillTest.children(venue.snapshot());
        long tpLive = v.values().stream().filter(c -> !stopLeg(c.key) && c.live()).count();
        return String.format("kill %d at %s: %d take profits live, %d stops at the venue", n, trigger, tpLive, stops(venue).size());
    }
}
