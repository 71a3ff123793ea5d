package blackbox.oms.algo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.Oco;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.Side;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OCO bracket on the real B3 tape (PETR4, 2025-04-07) through oms-svc, the gateway and the simulator: 50 accounts
 * short 200 PETR4 each cover with a BUY bracket over ten minutes of the tape that rise (the first such half hour from
 * 10:30) — a take profit under the ten minutes' lowest print (it never fills) and a stop 2 ticks under their highest
 * (the tape touches it), its limit 5 ticks over the stop. The tape moves 30 s at a
 * time; at every step no account has two live legs, and no stop leg exists before the tape reached the stop. At the
 * end every take profit is cancelled, every account's stop went out once for its 200, the bracket is FILLED, and each
 * child's CumQty is exactly the simulator's fills (every fill counted once). oms-svc subscribes PETR4 itself.
 */
@Timeout(300)
class OcoOnB3TapeTest {
    static final int ACCOUNTS = 50;
    static final long SEC = 1_000_000_000L;
    static final long QTY = 200;
    static final String PARENT = "oco-50";
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
        stack = new TestStack("oms-oco-b3");
        gateway = GatewayPart.on(stack);
        oms = new AlgoOmsPart(stack);
        gateway.start(TradingGateway.overrides(stack, roster, tape.replay, "routing.instruments=" + B3Tape.instruments(dir)));
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

    static boolean stopLeg(Order o) {
        return o.getClOrdId().startsWith(PARENT + "/2/");
    }

    /** The simulator's fills of each child: ClOrdID → Σ LastQty. */
    static Map<String, Long> simFilled() {
        Map<String, Map<String, Long>> byExec = new TreeMap<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (!m.hasReport() || m.getReport().getExecType() != ExecType.EXEC_TYPE_TRADE) continue;
            ExecutionReport r = m.getReport();
            byExec.computeIfAbsent(r.getIdempotencyKey(), k -> new TreeMap<>()).put(r.getExecId(), r.getLastQty());
        }
        Map<String, Long> out = new HashMap<>();
        byExec.forEach((id, fills) -> out.put(id, fills.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    @Test
    void aBuyBracketOverFiftyAccountsCancelsEveryTakeProfitOnTheTouchAndEachStopGoesOutOnceAndFills() throws Exception {
        B3Tape.RisingWindow window = tape.risingTenMinutes();
        long start = window.start();
        long end = window.end();
        BigDecimal high = window.high();
        long highAt = window.highAt();
        BigDecimal stop = high.subtract(new BigDecimal("0.02"));
        BigDecimal takeProfit = window.low().subtract(new BigDecimal("0.05"));
        assertTrue(stop.compareTo(tape.lastTradeAt(start)) > 0, "the stop is above the market at the start: " + stop);
        // the first print at or above the stop: before it no stop leg may exist
        long touchAt = tape.firstTradeAtOrAbove(start, stop);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start);
        BlockRequest.Builder block = BlockRequest.newBuilder().setBlockId(PARENT).setInstrument(GatewayPart.instrument("PETR4", "B"))
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(takeProfit.toPlainString())
                .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setOco(Oco.newBuilder().setLimitPrice(takeProfit.toPlainString())
                        .setStopPrice(stop.toPlainString()).setStopLimitPrice(stop.add(new BigDecimal("0.05")).toPlainString())));
        for (int i = 1; i <= ACCOUNTS; i++) block.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(QTY));
        assertTrue(oms.blocking().submitBlock(block.build()).getParent().getIsParent());
        TestStack.await(() -> children().stream().filter(c -> c.getOrdStatus() == OrdStatus.ORD_STATUS_NEW).count() == ACCOUNTS,
                Duration.ofSeconds(30), "every account's take profit at the venue");

        int checks = 0;
        for (long t = start + 30 * SEC; t <= end; t += 30 * SEC) {
            TradingGateway.advanceTo(gateway, t);
            oms.at(t);
            long now = t;
            // let what this move caused settle: after the touch, every account's stop is out
            if (t >= touchAt) {
                TestStack.await(() -> children().stream().filter(OcoOnB3TapeTest::stopLeg).count() == ACCOUNTS,
                        Duration.ofSeconds(30), "every account's stop leg after the touch at " + touchAt);
            }
            Map<String, Integer> live = new HashMap<>();
            for (Order c : children()) {
                if (stopLeg(c)) assertTrue(now >= touchAt, "a stop leg " + c.getClOrdId() + " before the tape reached " + stop);
                if (open(c)) live.merge(c.getAccount(), 1, Integer::sum);
            }
            live.forEach((a, n) -> assertTrue(n <= 1, "account " + a + " has " + n + " live legs"));
            checks++;
        }
        assertTrue(touchAt > 0 && touchAt <= end, "the tape reached the stop " + stop + " (high " + high + " at " + highAt + ")");

        TradingGateway.advanceTo(gateway, end + 1800 * SEC);
        oms.at(end + 1800 * SEC);
        TestStack.await(() -> order(PARENT).getOrdStatus() == OrdStatus.ORD_STATUS_FILLED, Duration.ofSeconds(60),
                () -> "the bracket FILLED through its stops: " + order(PARENT).getOrdStatus() + " " + order(PARENT).getText());
        TestStack.await(() -> {
            Map<String, Long> sim = simFilled();
            return children().stream().allMatch(c -> c.getCumQty() == sim.getOrDefault(c.getClOrdId(), 0L));
        }, Duration.ofSeconds(30), "oms-svc to apply every fill the simulator reported, once");

        List<Order> kids = children();
        Map<String, Long> filled = new HashMap<>();
        for (Order c : kids) {
            filled.merge(c.getAccount(), c.getCumQty(), Long::sum);
            if (!stopLeg(c)) assertEquals(OrdStatus.ORD_STATUS_CANCELED, c.getOrdStatus(), c.getClOrdId() + ": the take profit is cancelled");
            else assertEquals(QTY, c.getOrderQty(), c.getClOrdId() + ": the stop is for what the take profit did not fill");
        }
        assertEquals(2L * ACCOUNTS, kids.size(), "one take profit and one stop per account, each once");
        for (int i = 1; i <= ACCOUNTS; i++) assertEquals(QTY, filled.get(TradingGateway.account(i)), TradingGateway.account(i));
        assertEquals(ACCOUNTS * QTY, order(PARENT).getCumQty(), "the parent's CumQty is Σ of its children's");
        assertEquals("every account filled", order(PARENT).getText());
        System.out.printf("oco-50: take profit %s, stop %s touched at %d, %d checks, %d children, %d filled%n", takeProfit, stop,
                touchAt, checks, kids.size(), ACCOUNTS * QTY);
    }
}
