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
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TopOfBook;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.core.Prices;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.ChildJvm;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CoverUpTo;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.platform.config.Config;
import blackbox.platform.domain.Decimals;
import blackbox.testkit.TestStack;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * oms-svc killed with SIGKILL while a 30-account "cobrir até X" re-prices, twice, each time started again on the same
 * database, then compared with the simulator's truth. The cover buys 500 PETR4 per account one tick above the best bid,
 * capped at X = 34.30, from 11:11:05 on the real tape, where the bid climbs from 33.51 past X within two minutes; the
 * tape is moved 5 s at a time so every account's child is re-priced (cancel, then the account's next slice for what is
 * left), and the simulator lets the children take 20 % of each print. One send and one cancel in flight at a time
 * ({@code MAX_IN_FLIGHT=1}), so a re-price wave over 30 accounts takes a while, and the kills are triggered from the
 * simulator's report stream:
 * <ol>
 *   <li>kill 1: at the first cancel the simulator confirms in the first re-price wave — that account's child is out
 *       and its replacement not sent, the wave's other cancels persisted but mostly not sent;</li>
 *   <li>kill 2: at the 15th cancel the simulator confirms after the first restart settled — replacements partly sent,
 *       partly persisted and not sent (the reconciliation then rejects those as never at the venue).</li>
 * </ol>
 * While oms-svc is dead the tape moves on 30 s (the book moves, resting children fill). After the second restart the
 * cover runs up to a minute more of the tape, settled after each step, until it is filled (else the trader cancels
 * it). Then: no ClOrdID twice at the venue, no account with two live children at the venue at any point of the report
 * stream, every child priced within X (and X bound at some step), every fill the simulator reported counted once by
 * oms-svc (per child and per account), the parent WORKING across both kills (a crash does not end the cover) and at
 * the end FILLED or CANCELED with its CumQty the sum of its children's. oms-svc runs in a child JVM
 * ({@code OmsMain}); gateway, simulator and PostgreSQL in this one.
 */
@Timeout(480)
class CoverKillTest {
    static final int ACCOUNTS = 30;
    static final long PER_ACCOUNT = 500;
    static final long SEC = 1_000_000_000L;
    static final long TICK = 100; // R$ 0,01 scaled
    static final String PARENT = "kill-cover";
    static final InstrumentId PETR4 = InstrumentId.newBuilder().setTicker("PETR4").setExchange("B").build();

    /** The simulator's reports of the cover's children, as they come, with a trigger on the n-th cancel. */
    static final class Venue implements StreamObserver<ExecutionReportMessage> {
        final List<ExecutionReport> reports = new ArrayList<>();
        private int canceled;
        private int killAt = Integer.MAX_VALUE;
        private CountDownLatch trigger = new CountDownLatch(1);

        @Override
        public synchronized void onNext(ExecutionReportMessage m) {
            if (!m.hasReport() || !m.getReport().getIdempotencyKey().startsWith(PARENT + "/")) return;
            reports.add(m.getReport());
            if (m.getReport().getExecType() == ExecType.EXEC_TYPE_CANCELED && ++canceled >= killAt) trigger.countDown();
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }

        /** Arms the trigger: it fires at the {@code n}-th cancel confirmed from now on. */
        synchronized CountDownLatch armAfter(int n) {
            trigger = new CountDownLatch(1);
            killAt = canceled + n;
            return trigger;
        }

        synchronized int canceled() {
            return canceled;
        }

        synchronized List<ExecutionReport> snapshot() {
            return List.copyOf(reports);
        }
    }

    /** One child as the venue's reports tell it. */
    static final class Child {
        final String key;
        long firstSeq = Long.MAX_VALUE;
        long endSeq = Long.MAX_VALUE; // the first report with a final status
        long price;
        long orderQty;
        VenueStatus status = VenueStatus.OPEN;
        final Map<String, long[]> fills = new TreeMap<>(); // ExecID → {LastQty, LastPx}

        Child(String key) {
            this.key = key;
        }

        long cum() {
            return fills.values().stream().mapToLong(f -> f[0]).sum();
        }

        long notional() {
            return fills.values().stream().mapToLong(f -> f[0] * f[1]).sum();
        }

        boolean live() {
            return endSeq == Long.MAX_VALUE;
        }

        int slice() {
            return Integer.parseInt(key.split("/")[1]);
        }

        int account() {
            return Integer.parseInt(key.split("/")[2]);
        }
    }

    enum VenueStatus { OPEN, FILLED, CANCELED, EXPIRED, REJECTED }

    static Map<String, Child> children(List<ExecutionReport> reports) {
        Map<String, Child> out = new TreeMap<>();
        for (ExecutionReport r : reports) {
            Child c = out.computeIfAbsent(r.getIdempotencyKey(), Child::new);
            c.firstSeq = Math.min(c.firstSeq, r.getSequence());
            if (c.price == 0 && !r.getPrice().isEmpty()) c.price = Prices.parse("price", r.getPrice());
            if (r.getOrderQty() > 0) c.orderQty = r.getOrderQty();
            if (r.getExecType() == ExecType.EXEC_TYPE_TRADE) {
                c.fills.put(r.getExecId(), new long[] {r.getLastQty(), Prices.parse("last_px", r.getLastPx())});
            }
            VenueStatus end = switch (r.getOrdStatus()) {
                case ORD_STATUS_FILLED -> VenueStatus.FILLED;
                case ORD_STATUS_CANCELED -> VenueStatus.CANCELED;
                case ORD_STATUS_EXPIRED -> VenueStatus.EXPIRED;
                case ORD_STATUS_REJECTED -> VenueStatus.REJECTED;
                default -> null;
            };
            if (end != null && c.live()) {
                c.endSeq = r.getSequence();
                c.status = end;
            }
        }
        return out;
    }

    static Map<Integer, List<Child>> byAccount(Map<String, Child> children) {
        Map<Integer, List<Child>> out = new TreeMap<>();
        for (Child c : children.values()) out.computeIfAbsent(c.account(), a -> new ArrayList<>()).add(c);
        for (List<Child> l : out.values()) l.sort((a, b) -> Long.compare(a.firstSeq, b.firstSeq));
        return out;
    }

    /** Accounts whose last child at the venue was cancelled with quantity left and has no successor there: mid re-price. */
    static int betweenCancelAndReplacement(Map<String, Child> children) {
        int n = 0;
        for (List<Child> l : byAccount(children).values()) {
            Child last = l.get(l.size() - 1);
            long filled = l.stream().mapToLong(Child::cum).sum();
            if (last.status == VenueStatus.CANCELED && filled < PER_ACCOUNT) n++;
        }
        return n;
    }

    @Test
    void aCoverKilledWhileItRepricesResumesWithoutADuplicateChildOrALostFill(@TempDir Path dir) throws Exception {
        B3Tape tape = B3Tape.load(dir);
        Path roster = TradingGateway.roster(dir, ACCOUNTS);
        try (TestStack stack = new TestStack("oms-cover-kill")) {
            stack.database();
            Map<String, String> gw = new HashMap<>(TradingGateway.overrides(stack, roster, tape.replay,
                    "routing.instruments=" + B3Tape.instruments(dir) + ";fill.participation=0.2"));
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
                long[] tapeAt = {B3Tape.at(11, 11, 5)};
                Runnable step = () -> {
                    tapeAt[0] += 5 * SEC;
                    assertEquals(0, sim.SimAdvanceReplay(tapeAt[0]));
                };
                assertEquals(0, sim.SimAdvanceReplay(tapeAt[0]));
                // the bid goes 33.51 → 33.82 (11:11:10) → 33.92 → 34.08 (11:11:45) → 34.15 → ... 34.33 (11:12:40) → 34.27:
                // the children follow it, and X binds at the top
                assertEquals(new BigDecimal("33.51"), bidAt(tape, tapeAt[0]).stripTrailingZeros());
                BigDecimal xPrice = new BigDecimal("34.30");
                long x = Prices.parse("x", xPrice.toPlainString());
                var md = MarketDataGatewayGrpc.newBlockingStub(gwChannel);

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
                int steps = 0;

                // life 1: submit, settle, move the tape until a re-price wave; kill at its first confirmed cancel
                ChildJvm first = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms.log"));
                ManagedChannel omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = stub(omsChannel);
                    awaitServing(omsChannel, first);
                    BlockRequest.Builder block = BlockRequest.newBuilder().setBlockId(PARENT).setInstrument(PETR4)
                            .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(xPrice.toPlainString())
                            .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                            .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setCoverUpTo(CoverUpTo.newBuilder()
                                    .setLimitPrice(xPrice.toPlainString()).setOffsetTicks(1)));
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        block.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(PER_ACCOUNT));
                    }
                    assertTrue(oms.submitBlock(block.build()).getParent().getIsParent());
                    awaitSettled(venue, md, oms, x, first, "life 1 start");
                    steps += stepUntilKill(venue, venue.armAfter(1), step, md, oms, x, first, "life 1");
                    first.kill();
                } finally {
                    omsChannel.shutdownNow();
                    first.kill();
                }
                Map<String, Child> atKill = children(venue.snapshot());
                killPoints.add(killPoint(1, "1st cancel confirmed in a re-price wave", atKill, venue, tapeAt[0]));
                for (int k = 0; k < 6; k++) step.run(); // 30 s of tape with oms-svc down: the book moves, children fill
                int gap1 = betweenCancelAndReplacement(children(venue.snapshot()));

                // life 2: recovery, settled; kill at the 15th cancel confirmed from then on
                ChildJvm second = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms-2.log"));
                omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = stub(omsChannel);
                    awaitServing(omsChannel, second);
                    awaitSettled(venue, md, oms, x, second, "after restart 1");
                    steps += stepUntilKill(venue, venue.armAfter(ACCOUNTS / 2), step, md, oms, x, second, "life 2");
                    second.kill();
                } finally {
                    omsChannel.shutdownNow();
                    second.kill();
                }
                atKill = children(venue.snapshot());
                killPoints.add(killPoint(2, (ACCOUNTS / 2) + "th cancel confirmed after restart 1", atKill, venue, tapeAt[0]));
                for (int k = 0; k < 6; k++) step.run();
                int gap2 = betweenCancelAndReplacement(children(venue.snapshot()));
                System.out.printf("kill points: %s%n", String.join("; ", killPoints));
                assertTrue(gap1 + gap2 > 0, "at least one kill left an account cancelled at the venue with no replacement yet: "
                        + gap1 + ", " + gap2);

                // life 3: recovery, then a minute of tape settled step by step, then the trader cancels the cover
                ChildJvm third = ChildJvm.start("blackbox.oms.OmsMain", env, dir.resolve("oms-3.log"));
                omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", omsPort).usePlaintext().build();
                try {
                    var oms = stub(omsChannel);
                    awaitServing(omsChannel, third);
                    awaitSettled(venue, md, oms, x, third, "after restart 2");
                    int capped = 0;
                    for (int k = 0; k < 12 && order(oms, PARENT).getOrdStatus() != OrdStatus.ORD_STATUS_FILLED; k++) {
                        step.run();
                        steps++;
                        awaitSettled(venue, md, oms, x, third, "life 3 step " + k);
                        if (expected(top(md), x) == x) capped++;
                    }
                    assertTrue(capped > 0, "at some step the bid + 1 tick was beyond X and the children rested at X");
                    Order beforeCancel = order(oms, PARENT);
                    int repriceCancels = venue.canceled();
                    if (working(beforeCancel)) {
                        oms.cancelOrder(CancelOrderRequest.newBuilder().setClOrdId(PARENT).build());
                    } else {
                        assertEquals(OrdStatus.ORD_STATUS_FILLED, beforeCancel.getOrdStatus(), "the parent after two kills: "
                                + beforeCancel.getText());
                    }
                    // the cancel may cross the last fills: FILLED then (checked below: every account filled)
                    TestStack.await(() -> {
                        OrdStatus s = order(oms, PARENT).getOrdStatus();
                        return (s == OrdStatus.ORD_STATUS_CANCELED || s == OrdStatus.ORD_STATUS_FILLED)
                                && children(venue.snapshot()).values().stream().noneMatch(Child::live);
                    }, Duration.ofSeconds(30), () -> "the parent ended and no child live at the venue; log:\n" + third.log());
                    Order parent = order(oms, PARENT);
                    OrdStatus end = parent.getOrdStatus();
                    List<String> kids = parent.getChildClOrdIdsList();
                    TestStack.await(() -> {
                        Map<String, Child> v = children(venue.snapshot());
                        for (String k : kids) {
                            Child c = v.get(k);
                            if (order(oms, k).getCumQty() != (c == null ? 0 : c.cum())) return false;
                        }
                        return true;
                    }, Duration.ofSeconds(60), "oms-svc to apply every fill the simulator reported");

                    Map<String, Child> truth = children(venue.snapshot());
                    // 0 duplicates: one DLL order per ClOrdID at the venue, each a child oms-svc knows
                    Map<String, Integer> perKey = new TreeMap<>();
                    TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(gwChannel);
                    for (int i = 1; i <= ACCOUNTS; i++) {
                        AccountId account = AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
                        for (var o : trading.listOrders(ListOrdersRequest.newBuilder().setAccount(account).build()).getOrdersList()) {
                            if (o.getIdempotencyKey().startsWith(PARENT + "/")) {
                                perKey.merge(o.getIdempotencyKey(), 1, Integer::sum);
                                assertTrue(Prices.parse("price", o.getPrice()) <= x, o.getIdempotencyKey() + " at " + o.getPrice()
                                        + " beyond X " + xPrice);
                            }
                        }
                    }
                    assertEquals(List.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                            "no two DLL orders for one child ClOrdID");
                    assertEquals(truth.keySet(), perKey.keySet(), "the venue's listing and its report stream name the same children");
                    assertTrue(new HashSet<>(kids).containsAll(truth.keySet()), "every order at the venue is a child oms-svc knows");

                    // never two live children of one account at the venue: each child ended before the next one's first report
                    List<String> overlaps = new ArrayList<>();
                    for (var e : byAccount(truth).entrySet()) {
                        List<Child> l = e.getValue();
                        for (int i = 1; i < l.size(); i++) {
                            if (l.get(i - 1).endSeq > l.get(i).firstSeq) {
                                overlaps.add(l.get(i - 1).key + " (ended at report " + (l.get(i - 1).live() ? "never" : l.get(i - 1).endSeq)
                                        + ") and " + l.get(i).key + " (from report " + l.get(i).firstSeq + ")");
                            }
                        }
                    }
                    assertEquals(List.of(), overlaps, "accounts with two live children at the venue at once");
                    for (Child c : truth.values()) assertTrue(c.price > 0 && c.price <= x, c.key + " priced " + c.price + " beyond X " + x);

                    // 0 lost fills: per child and per account, oms-svc's quantity and notional are the simulator's
                    List<String> differ = new ArrayList<>();
                    Map<String, Long> omsByAccount = new TreeMap<>();
                    Map<String, Long> simByAccount = new TreeMap<>();
                    long total = 0;
                    int rejected = 0;
                    for (String k : kids) {
                        Order o = order(oms, k);
                        Child c = truth.get(k);
                        long cum = c == null ? 0 : c.cum();
                        String notional = Prices.format(c == null ? 0 : c.notional());
                        if (o.getCumQty() != cum || !notional.equals(o.getNotional())) {
                            differ.add(k + ": simulator " + cum + " / " + notional + ", oms-svc " + o.getCumQty() + " / " + o.getNotional());
                        }
                        if (Prices.parse("price", o.getPrice()) > x) differ.add(k + ": oms-svc priced it " + o.getPrice() + " beyond X");
                        if (c == null) {
                            rejected++;
                            if (o.getOrdStatus() != OrdStatus.ORD_STATUS_REJECTED) differ.add(k + ": never at the venue, yet " + o.getOrdStatus());
                        }
                        omsByAccount.merge(o.getAccount(), o.getCumQty(), Long::sum);
                        simByAccount.merge(o.getAccount(), cum, Long::sum);
                        total += o.getCumQty();
                    }
                    assertEquals(List.of(), differ, "what differs from the simulator");
                    assertEquals(simByAccount, omsByAccount, "each account's filled quantity");
                    omsByAccount.forEach((a, q) -> assertTrue(q <= PER_ACCOUNT, "account " + a + " filled " + q + " of " + PER_ACCOUNT));
                    assertEquals(total, parent.getCumQty(), "the parent's CumQty is the sum of its children's");
                    long simTotal = truth.values().stream().mapToLong(Child::cum).sum();
                    assertEquals(simTotal, total, "every fill at the simulator is in a child oms-svc knows");
                    long repriced = truth.values().stream().filter(c -> c.slice() > 1).count();
                    long fills = truth.values().stream().mapToLong(c -> c.fills.size()).sum();
                    assertTrue(repriced >= ACCOUNTS, "the children were re-priced across the kills: " + repriced);
                    if (end == OrdStatus.ORD_STATUS_FILLED) {
                        omsByAccount.forEach((a, q) -> assertEquals(PER_ACCOUNT, q, "account " + a + " of a FILLED cover"));
                    }
                    System.out.printf("cover-kill: %d children at the venue (%d re-priced slices, %d re-price cancels; once each, never two live per account),"
                                    + " %d never sent (REJECTED), %d fills = %d of %d filled, counted once; X %s; %d tape steps;"
                                    + " between cancel and replacement at restart: %d, %d; parent %s (%s)%n", truth.size(), repriced, repriceCancels, rejected,
                            fills, total, ACCOUNTS * PER_ACCOUNT, xPrice, steps, gap1, gap2, parent.getOrdStatus(), parent.getText());
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

    /** A parent WORKING (oms-svc shows it NEW, or PARTIALLY_FILLED once something filled). */
    static boolean working(Order parent) {
        return parent.getOrdStatus() == OrdStatus.ORD_STATUS_NEW || parent.getOrdStatus() == OrdStatus.ORD_STATUS_PARTIALLY_FILLED;
    }

    /** Moves the tape 5 s at a time, each step settled, until the trigger fires (then returns at once: the kill is next). */
    static int stepUntilKill(Venue venue, CountDownLatch trigger, Runnable step, MarketDataGatewayGrpc.MarketDataGatewayBlockingStub md,
                             OrderManagementGrpc.OrderManagementBlockingStub oms, long x, ChildJvm child, String what) throws Exception {
        for (int k = 1; k <= 60; k++) {
            step.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String why;
            do {
                if (trigger.await(20, TimeUnit.MILLISECONDS)) return k;
                why = settled(venue, md, oms, x);
                if (why.isEmpty()) break;
            } while (System.nanoTime() < deadline);
            if (!why.isEmpty()) throw new AssertionError(what + " step " + k + ": the cover at rest: " + why + "; log:\n" + child.log());
        }
        throw new AssertionError(what + ": no re-price wave confirmed the cancels to kill at over 5 minutes of tape; log:\n" + child.log());
    }

    static String killPoint(int n, String trigger, Map<String, Child> atKill, Venue venue, long tapeNanos) {
        int open = (int) atKill.values().stream().filter(Child::live).count();
        return String.format("kill %d at the %s (tape %s, %d cancels confirmed so far): %d children at the venue, %d live, %d accounts"
                        + " cancelled with no replacement", n, trigger, java.time.Instant.ofEpochSecond(0, tapeNanos).atOffset(B3Tape.LOCAL)
                        .toLocalTime(), venue.canceled(), atKill.size(), open, betweenCancelAndReplacement(atKill));
    }

    /**
     * Waits until the cover is at rest against the book as the gateway shows it: the parent WORKING, every account with
     * quantity left has one live child at the venue at the cover's price (bid + 1 tick, passive, capped at X) that
     * oms-svc has as NEW or PARTIALLY_FILLED at that price.
     */
    static void awaitSettled(Venue venue, MarketDataGatewayGrpc.MarketDataGatewayBlockingStub md,
                             OrderManagementGrpc.OrderManagementBlockingStub oms, long x, ChildJvm child, String what) throws InterruptedException {
        AtomicReference<String> why = new AtomicReference<>("");
        TestStack.await(() -> {
            if (!child.alive()) throw new AssertionError("oms-svc exited:\n" + child.log());
            Order parent = order(oms, PARENT);
            if (parent.getOrdStatus() == OrdStatus.ORD_STATUS_FILLED) return true;
            if (!working(parent)) {
                throw new AssertionError(what + ": the parent ended " + parent.getOrdStatus() + ": " + parent.getText() + "; log:\n"
                        + child.log());
            }
            String s = settled(venue, md, oms, x);
            why.set(s);
            return s.isEmpty();
        }, Duration.ofSeconds(60), () -> what + ": the cover at rest: " + why.get() + "; log:\n" + child.log());
    }

    /** Empty when settled, else why not. */
    static String settled(Venue venue, MarketDataGatewayGrpc.MarketDataGatewayBlockingStub md,
                          OrderManagementGrpc.OrderManagementBlockingStub oms, long x) {
        long[] top;
        try {
            top = top(md);
        } catch (StatusRuntimeException e) {
            return "no top of book yet: " + e.getStatus();
        }
        long want = expected(top, x);
        Map<Integer, List<Child>> accounts = byAccount(children(venue.snapshot()));
        for (int i = 1; i <= ACCOUNTS; i++) {
            List<Child> l = accounts.getOrDefault(i, List.of());
            long filled = l.stream().mapToLong(Child::cum).sum();
            List<Child> live = l.stream().filter(Child::live).toList();
            if (live.size() > 1) throw new AssertionError("account " + i + " has two live children at the venue: " + live.get(0).key + ", " + live.get(1).key);
            if (filled >= PER_ACCOUNT) continue;
            if (live.isEmpty()) return "account " + i + " has no live child at the venue, " + filled + " filled";
            Child c = live.get(0);
            if (top[0] > 0 && c.price != want) {
                return c.key + " at " + Prices.format(c.price) + ", want " + Prices.format(want) + " (bid " + Prices.format(top[0])
                        + ", ask " + Prices.format(top[1]) + ")";
            }
            Order o = order(oms, c.key);
            if ((o.getOrdStatus() != OrdStatus.ORD_STATUS_NEW && o.getOrdStatus() != OrdStatus.ORD_STATUS_PARTIALLY_FILLED)
                    || Prices.parse("price", o.getPrice()) != c.price) {
                return c.key + " is " + o.getOrdStatus() + " at " + o.getPrice() + " in oms-svc";
            }
        }
        return "";
    }

    /** The gateway's top of book of PETR4 now, bid and ask scaled (0: empty side). */
    static long[] top(MarketDataGatewayGrpc.MarketDataGatewayBlockingStub md) {
        TopOfBook t = md.getTopOfBook(GetTopOfBookRequest.newBuilder().setInstrument(PETR4).build());
        return new long[] {scaled(t.getBidPrice()), scaled(t.getAskPrice())};
    }

    /** What the cover asks of a buy's price: one tick above the best bid, never taking the offer, never beyond X. */
    static long expected(long[] top, long x) {
        long p = top[0] + TICK;
        if (top[1] > 0 && p >= top[1]) p = Math.max(top[0], top[1] - TICK);
        return Math.min(p, x);
    }

    static long scaled(double p) {
        return Double.isNaN(p) || p <= 0 ? 0 : Decimals.scaledFromDouble(p, Prices.SCALE);
    }

    /** The tape's best bid at {@code tsNanos}: the last one a row gave at or before it. */
    static BigDecimal bidAt(B3Tape tape, long tsNanos) {
        BigDecimal bid = null;
        for (var e : tape.events) {
            if (e.tsNanos() > tsNanos) break;
            if (e.bid() != null) bid = e.bid();
        }
        if (bid == null) throw new IllegalStateException("no bid before " + tsNanos);
        return bid;
    }

    static OrderManagementGrpc.OrderManagementBlockingStub stub(ManagedChannel channel) {
        return OrderManagementGrpc.newBlockingStub(channel).withInterceptors(OmsPart.as("trader"));
    }

    static void awaitServing(ManagedChannel channel, ChildJvm child) throws InterruptedException {
        TestStack.await(() -> {
            if (!child.alive()) throw new AssertionError("oms-svc exited:\n" + child.log());
            try {
                OrderManagementGrpc.newBlockingStub(channel).withDeadlineAfter(Duration.ofSeconds(1))
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
}
