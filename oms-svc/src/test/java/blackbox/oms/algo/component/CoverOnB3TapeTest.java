package blackbox.oms.algo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TopOfBook;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.core.Prices;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CoverUpTo;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.Side;
import blackbox.platform.domain.Decimals;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Cobrir até X" on the real B3 tape (PETR4, 2025-04-07) through oms-svc, the gateway and the simulator: a 50-account
 * buy block bidding one tick above the best bid, never beyond X. The tape is moved 30 s at a time over ten minutes of
 * the morning; after each move every account's working child is at the price the gateway's top of book then calls for
 * (the bid + 1 tick, kept one tick under the offer, capped at X), no account ever has two working children, no child is
 * ever priced beyond X, and at the end each account's fills are exactly the simulator's. The simulator lets its orders
 * take 2 % of each print ({@code fill.participation=0.02}), so the children work for a while before they fill.
 * oms-svc subscribes PETR4 at the gateway itself for its book (nobody else does here).
 */
@Timeout(300)
class CoverOnB3TapeTest {
    static final int ACCOUNTS = 50;
    static final long SEC = 1_000_000_000L;
    static final long TICK = 100; // R$ 0,01 scaled
    static final String PARENT = "cover-50";
    @TempDir
    static Path dir;
    static B3Tape tape;
    static TestStack stack;
    static GatewayPart gateway;
    static AlgoOmsPart oms;
    static final StreamCollector<ExecutionReportMessage> simulator = new StreamCollector<>();

    @BeforeAll
    static void start() throws Exception {
        tape = B3Tape.load(dir);
        Path roster = TradingGateway.roster(dir, ACCOUNTS);
        stack = new TestStack("oms-cover-b3");
        gateway = GatewayPart.on(stack);
        oms = new AlgoOmsPart(stack);
        gateway.start(TradingGateway.overrides(stack, roster, tape.replay,
                "routing.instruments=" + B3Tape.instruments(dir) + ";fill.participation=0.02"));
        TradingGrpc.newStub(gateway.channel()).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
        oms.clock.set(B3Tape.at(10, 0, 0));
        oms.start(Map.of(OmsConfig.ACCOUNTS, roster.toString()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static Order order(String clOrdId) {
        return oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(clOrdId).build());
    }

    static List<Order> children() {
        return oms.blocking().listOrders(ListOrdersRequest.newBuilder().setBlockId(PARENT).setLimit(10_000).build()).getOrdersList()
                .stream().filter(o -> !o.getIsParent() && o.getParentClOrdId().equals(PARENT)).toList();
    }

    static boolean open(Order o) {
        return switch (o.getOrdStatus()) {
            case ORD_STATUS_FILLED, ORD_STATUS_CANCELED, ORD_STATUS_REJECTED, ORD_STATUS_EXPIRED -> false;
            default -> true;
        };
    }

    /** The gateway's top of book of PETR4 now, bid and ask scaled (0: empty side). */
    static long[] top() {
        TopOfBook t = MarketDataGatewayGrpc.newBlockingStub(gateway.channel()).getTopOfBook(GetTopOfBookRequest.newBuilder()
                .setInstrument(GatewayPart.instrument("PETR4", "B")).build());
        return new long[] {scaled(t.getBidPrice()), scaled(t.getAskPrice())};
    }

    static long scaled(double p) {
        return Double.isNaN(p) || p <= 0 ? 0 : Decimals.scaledFromDouble(p, Prices.SCALE);
    }

    /** What the issue asks of the price: one tick above the best bid, never taking the offer, never beyond X. */
    static long expected(long[] top, long x) {
        long p = top[0] + TICK;
        if (top[1] > 0 && p >= top[1]) p = Math.max(top[0], top[1] - TICK);
        return Math.min(p, x);
    }

    /** The tape's best bid at {@code tsNanos}: the last one a row gave at or before it. */
    static BigDecimal bidAt(long tsNanos) {
        BigDecimal bid = null;
        for (var e : tape.events) {
            if (e.tsNanos() > tsNanos) break;
            if (e.bid() != null) bid = e.bid();
        }
        if (bid == null) throw new IllegalStateException("no bid before " + tsNanos);
        return bid;
    }

    /** The simulator's fills by key: ExecID → LastQty. */
    static Map<String, Map<String, Long>> simFills() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (!m.hasReport() || m.getReport().getExecType() != ExecType.EXEC_TYPE_TRADE) continue;
            ExecutionReport r = m.getReport();
            out.computeIfAbsent(r.getIdempotencyKey(), k -> new TreeMap<>()).put(r.getExecId(), r.getLastQty());
        }
        return out;
    }

    @Test
    void aCoverOverFiftyAccountsFollowsTheBidNeverBeyondXWithOneWorkingChildPerAccountAndEachAccountGetsItsFills()
            throws Exception {
        long start = B3Tape.at(11, 0, 0);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start);
        // three ticks over the bid at the start: the bid rises past it within the ten minutes (the cap binds), then falls
        BigDecimal xPrice = bidAt(start).add(new BigDecimal("0.03"));
        long x = Prices.parse("x", xPrice.toPlainString());
        long perAccount = 300;
        BlockRequest.Builder block = BlockRequest.newBuilder().setBlockId(PARENT).setInstrument(GatewayPart.instrument("PETR4", "B"))
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(xPrice.toPlainString())
                .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setCoverUpTo(CoverUpTo.newBuilder()
                        .setLimitPrice(xPrice.toPlainString()).setOffsetTicks(1)));
        for (int i = 1; i <= ACCOUNTS; i++) block.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(perAccount));
        assertTrue(oms.blocking().submitBlock(block.build()).getParent().getIsParent());

        Map<String, Long> everPriced = new HashMap<>();
        int steps = 20;
        int cappedSteps = 0;
        for (int k = 0; k <= steps; k++) {
            long t = start + k * 30 * SEC;
            TradingGateway.advanceTo(gateway, t);
            oms.at(t);
            AtomicReference<String> why = new AtomicReference<>("");
            int step = k;
            TestStack.await(() -> {
                long[] top;
                try {
                    top = top();
                } catch (StatusRuntimeException e) {
                    why.set("no top of book yet: " + e.getStatus());
                    return false; // until oms-svc has subscribed PETR4 for its book
                }
                long want = expected(top, x);
                Map<String, Integer> openPerAccount = new HashMap<>();
                Map<String, Long> filled = new HashMap<>();
                for (Order c : children()) {
                    everPriced.put(c.getClOrdId(), Prices.parse("price", c.getPrice()));
                    filled.merge(c.getAccount(), c.getCumQty(), Long::sum);
                    if (open(c)) {
                        openPerAccount.merge(c.getAccount(), 1, Integer::sum);
                        if (c.getOrdStatus() != OrdStatus.ORD_STATUS_NEW && c.getOrdStatus() != OrdStatus.ORD_STATUS_PARTIALLY_FILLED
                                || Prices.parse("price", c.getPrice()) != want) {
                            why.set(c.getClOrdId() + " " + c.getOrdStatus() + " at " + c.getPrice() + ", want " + Prices.format(want)
                                    + " (bid " + Prices.format(top[0]) + ", ask " + Prices.format(top[1]) + ")");
                            return false;
                        }
                    }
                }
                for (int n = 1; n <= ACCOUNTS; n++) {
                    String a = TradingGateway.account(n);
                    int working = openPerAccount.getOrDefault(a, 0);
                    assertTrue(working <= 1, "step " + step + ": account " + a + " has " + working + " working children");
                    if (working == 0 && filled.getOrDefault(a, 0L) < perAccount) {
                        why.set("account " + a + " has no working child with " + filled.getOrDefault(a, 0L) + " filled");
                        return false;
                    }
                }
                return true;
            }, Duration.ofSeconds(30), () -> "step " + step + ": every account's child at the cover's price: " + why.get());
            if (expected(top(), x) == x) cappedSteps++;
        }

        for (var e : everPriced.entrySet()) assertTrue(e.getValue() <= x, e.getKey() + " priced " + e.getValue() + " beyond X " + x);
        List<Order> kids = children();
        long repriced = kids.stream().filter(c -> !c.getClOrdId().startsWith(PARENT + "/1/")).count();
        assertTrue(repriced > 0, "the bid moved over ten minutes and the children followed it");
        assertTrue(cappedSteps > 0, "at some step the bid + 1 tick was beyond X and the children rested at X");

        oms.blocking().cancelOrder(CancelOrderRequest.newBuilder().setClOrdId(PARENT).build());
        TestStack.await(() -> order(PARENT).getOrdStatus() == OrdStatus.ORD_STATUS_CANCELED && children().stream().noneMatch(CoverOnB3TapeTest::open),
                Duration.ofSeconds(30), "the parent and every working child cancelled");
        TestStack.await(() -> {
            Map<String, Map<String, Long>> sim = simFills();
            return children().stream().allMatch(c -> c.getCumQty() == sim.getOrDefault(c.getClOrdId(), Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum());
        }, Duration.ofSeconds(60), "oms-svc to apply every fill the simulator reported, once");
        kids = children();
        Map<String, Long> perAccountFilled = new HashMap<>();
        long total = 0;
        for (Order c : kids) {
            perAccountFilled.merge(c.getAccount(), c.getCumQty(), Long::sum);
            total += c.getCumQty();
        }
        perAccountFilled.forEach((a, f) -> assertTrue(f <= perAccount, "account " + a + " filled " + f + " of " + perAccount));
        assertEquals(total, order(PARENT).getCumQty(), "the parent's CumQty is Σ of its children's");
        System.out.printf("cover-50: %d children (%d re-priced), %d of %d filled, X %s reached at %d of %d steps%n", kids.size(),
                repriced, total, ACCOUNTS * perAccount, xPrice, cappedSteps, steps + 1);
    }
}
