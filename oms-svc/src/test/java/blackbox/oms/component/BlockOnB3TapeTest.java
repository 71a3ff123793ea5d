package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsConfig;
import blackbox.oms.core.Prices;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AccountAllocation;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.Block;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.GetBlockRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.Routing;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200-account block on the real B3 tape (PETR4, 2025-04-07) through oms-svc, the gateway and the simulator, compared
 * with what the simulator reported: every child's fills (ExecID, LastQty, LastPx) and final state, the block's average
 * price and each account's allocation — one child per account; then one order in a master account with the fills
 * allocated at the average price. The simulator takes at most 100 shares at the top of book on arrival
 * ({@code fill.touch_quantity=100}), so the rest of each child rests and fills on the tape's prints, several fills each.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlockOnB3TapeTest {
    static final int ACCOUNTS = 200;
    @TempDir
    static Path dir;
    static B3Tape tape;
    static TestStack stack;
    static GatewayPart gateway;
    static OmsPart oms;
    static final StreamCollector<ExecutionReportMessage> simulator = new StreamCollector<>();

    @BeforeAll
    static void start() throws Exception {
        tape = B3Tape.load(dir);
        Path roster = TradingGateway.roster(dir, ACCOUNTS);
        stack = new TestStack("oms-block-b3");
        gateway = GatewayPart.on(stack);
        oms = OmsPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, roster, tape.replay,
                "routing.instruments=" + B3Tape.instruments(dir) + ";fill.touch_quantity=100"));
        TradingGrpc.newStub(gateway.channel()).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
        oms.start(Map.of(OmsConfig.ACCOUNTS, roster.toString()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static BlockRequest.Builder block(String id, BigDecimal price) {
        return BlockRequest.newBuilder().setBlockId(id).setInstrument(GatewayPart.instrument("PETR4", "B")).setSide(Side.SIDE_BUY)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(price.toPlainString());
    }

    /** The simulator's fills by key: ExecID → (LastQty, LastPx scaled). */
    static Map<String, Map<String, long[]>> simFills() {
        Map<String, Map<String, long[]>> out = new TreeMap<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (!m.hasReport() || m.getReport().getExecType() != ExecType.EXEC_TYPE_TRADE) continue;
            ExecutionReport r = m.getReport();
            out.computeIfAbsent(r.getIdempotencyKey(), k -> new TreeMap<>())
                    .put(r.getExecId(), new long[] {r.getLastQty(), Prices.parse("last_px", r.getLastPx())});
        }
        return out;
    }

    /** The simulator's last report of each key. */
    static Map<String, ExecutionReport> simLast() {
        Map<String, ExecutionReport> out = new HashMap<>();
        for (ExecutionReportMessage m : simulator.items()) if (m.hasReport()) out.put(m.getReport().getIdempotencyKey(), m.getReport());
        return out;
    }

    /** oms-svc's TRADE events of a block: ClOrdID → ExecID → (LastQty, LastPx scaled). */
    static Map<String, Map<String, long[]>> omsFills(String blockId) throws InterruptedException {
        StreamCollector<OrderEventMessage> events = new StreamCollector<>();
        oms.async().streamOrderEvents(StreamOrderEventsRequest.newBuilder().setBlockId(blockId)
                .addTypes(OrderEventType.ORDER_EVENT_TYPE_TRADE).build(), events);
        List<OrderEventMessage> got = events.await(l -> l.stream().anyMatch(OrderEventMessage::hasCaughtUp), Duration.ofSeconds(20), "CaughtUp");
        Map<String, Map<String, long[]>> out = new TreeMap<>();
        for (OrderEventMessage m : got) {
            if (!m.hasEvent()) continue;
            OrderEvent e = m.getEvent();
            assertFalse(e.getReconciled(), "nothing inferred: every fill came as a report " + e);
            out.computeIfAbsent(e.getClOrdId(), k -> new TreeMap<>()).put(e.getExecId(), new long[] {e.getLastQty(), Prices.parse("last_px", e.getLastPx())});
        }
        return out;
    }

    /**
     * Waits until the simulator has reported every one of these keys FILLED (the tape up to the advance fills each of
     * them in full), then until oms-svc has applied every one of those fills. Waiting for FILLED first matters: the
     * report stream reaches this test after the advance returns, and comparing with the fills seen so far could pass
     * after the first of them.
     */
    static void awaitCaughtUp(List<String> keys) throws InterruptedException {
        TestStack.await(() -> {
            Map<String, ExecutionReport> last = simLast();
            return keys.stream().allMatch(k -> last.containsKey(k) && last.get(k).getOrdStatus() == blackbox.gateway.v1.OrdStatus.ORD_STATUS_FILLED);
        }, Duration.ofSeconds(60), "the simulator to report every order FILLED");
        TestStack.await(() -> {
            Map<String, Map<String, long[]>> sim = simFills();
            for (String k : keys) {
                long cum = sim.getOrDefault(k, Map.of()).values().stream().mapToLong(f -> f[0]).sum();
                if (order(k).getCumQty() != cum) return false;
            }
            return true;
        }, Duration.ofSeconds(60), "oms-svc to apply every fill the simulator reported");
    }

    static Order order(String clOrdId) {
        return oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(clOrdId).build());
    }

    static String same(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) return "ExecIDs differ: " + a.keySet() + " vs " + b.keySet();
        for (String k : a.keySet()) {
            if (a.get(k)[0] != b.get(k)[0] || a.get(k)[1] != b.get(k)[1]) return k + " differs";
        }
        return "";
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aBlockOfOneChildPerAccountFillsAsTheSimulatorSaysWithTheBlocksAveragePriceAndEachAccountsAllocation() throws Exception {
        TradingGateway.advanceTo(gateway, B3Tape.at(11, 0, 0));
        BigDecimal limit = tape.lastTradeAt(B3Tape.at(11, 0, 0)).add(new BigDecimal("0.01"));
        BlockRequest.Builder request = block("b3-fixed", limit).setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED);
        Map<String, Long> planned = new TreeMap<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            long qty = 100L * (1 + i % 5);
            planned.put(TradingGateway.account(i), qty);
            request.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(qty));
        }
        BlockPreview preview = oms.blocking().previewBlock(request.build());
        assertEquals(ACCOUNTS, preview.getAllocationsCount());
        assertEquals(0, preview.getResidualQty());
        SubmitBlockResponse submitted = oms.blocking().submitBlock(request.build());
        assertFalse(submitted.getDuplicate());
        assertEquals(ACCOUNTS, submitted.getChildrenCount());
        List<String> keys = submitted.getChildrenList().stream().map(Order::getClOrdId).toList();
        for (Order child : submitted.getChildrenList()) assertEquals(OrdStatus.ORD_STATUS_PENDING_NEW, child.getOrdStatus());
        assertTrue(oms.blocking().submitBlock(request.build()).getDuplicate(), "a retried BlockID answers the block as stored");

        TestStack.await(() -> keys.stream().allMatch(k -> simLast().containsKey(k)), Duration.ofSeconds(30), "the simulator to have every child");
        TradingGateway.advanceTo(gateway, B3Tape.at(13, 0, 0));
        awaitCaughtUp(keys);

        Map<String, Map<String, long[]>> sim = simFills();
        Map<String, Map<String, long[]>> ours = omsFills("b3-fixed");
        Map<String, ExecutionReport> last = simLast();
        long totalQty = 0;
        long totalNotional = 0;
        int fills = 0;
        int several = 0;
        Map<String, Long> filledByAccount = new TreeMap<>();
        for (String k : keys) {
            Map<String, long[]> s = sim.getOrDefault(k, Map.of());
            assertEquals("", same(s, ours.getOrDefault(k, Map.of())), k + ": oms-svc's fills are the simulator's");
            Order o = order(k);
            long qty = s.values().stream().mapToLong(f -> f[0]).sum();
            long notional = s.values().stream().mapToLong(f -> f[0] * f[1]).sum();
            assertEquals(qty, o.getCumQty(), k);
            assertEquals(Prices.format(notional), o.getNotional(), k);
            assertEquals(Prices.formatAvgPx(notional, qty), o.getAvgPx(), k);
            assertEquals(last.get(k).getCumQty(), o.getCumQty(), k + ": the simulator's CumQty");
            assertEquals(last.get(k).getOrderQty(), o.getOrderQty(), k);
            assertEquals(last.get(k).getOrdStatus().name().replace("ORD_STATUS_", ""), o.getOrdStatus().name().replace("ORD_STATUS_", ""), k);
            filledByAccount.merge(o.getAccount(), qty, Long::sum);
            totalQty += qty;
            totalNotional += notional;
            fills += s.size();
            if (s.size() > 1) several++;
        }
        System.out.printf("block b3-fixed: %d children, %d fills (%d children with several), %d of %d shares filled, AvgPx %s%n",
                keys.size(), fills, several, totalQty, planned.values().stream().mapToLong(Long::longValue).sum(),
                Prices.formatAvgPx(totalNotional, totalQty));
        assertTrue(totalQty > 0 && several > 0, "the tape filled children, several of them more than once");

        Block block = oms.blocking().getBlock(GetBlockRequest.newBuilder().setBlockId("b3-fixed").build());
        assertEquals(Prices.formatAvgPx(totalNotional, totalQty), block.getAvgPx(), "the block's AvgPx is Σ LastQty × LastPx / Σ LastQty");
        assertEquals(totalQty, block.getProgress().getFilledQty());
        for (AccountAllocation a : block.getAllocationsList()) {
            assertEquals((long) planned.get(a.getAccount()), a.getQuantity(), a.getAccount() + ": the FIXED allocation");
        }
        for (Order child : submitted.getChildrenList()) {
            assertEquals(planned.get(child.getAccount()), child.getOrderQty(), "one child per account with its allocation");
        }
        assertEquals(ACCOUNTS, filledByAccount.size());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void anAveragePriceBlockAllocatesTheMasterOrdersFillsAtItsAveragePrice() throws Exception {
        TradingGateway.advanceTo(gateway, B3Tape.at(13, 30, 0));
        BigDecimal limit = tape.lastTradeAt(B3Tape.at(13, 30, 0)).add(new BigDecimal("0.01"));
        BlockRequest.Builder request = block("b3-avg", limit).setMethod(AllocationMethod.ALLOCATION_METHOD_PERCENT).setTotalQty(40_000)
                .setRouting(Routing.ROUTING_AVERAGE_PRICE).setMasterAccount(TradingGateway.account(1));
        for (int i = 1; i <= ACCOUNTS; i++) {
            request.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setPercent("0.5"));
        }
        SubmitBlockResponse submitted = oms.blocking().submitBlock(request.build());
        assertEquals(1, submitted.getChildrenCount(), "one order, in the master account");
        String master = submitted.getChildren(0).getClOrdId();
        assertEquals(TradingGateway.account(1), submitted.getChildren(0).getAccount());
        TestStack.await(() -> simLast().containsKey(master), Duration.ofSeconds(30), "the simulator to have the master order");
        TradingGateway.advanceTo(gateway, B3Tape.at(15, 0, 0));
        awaitCaughtUp(List.of(master));

        Map<String, long[]> fills = simFills().getOrDefault(master, Map.of());
        long cum = fills.values().stream().mapToLong(f -> f[0]).sum();
        long notional = fills.values().stream().mapToLong(f -> f[0] * f[1]).sum();
        assertTrue(fills.size() > 1, "the master order filled several times: " + fills.size());
        Block block = oms.blocking().getBlock(GetBlockRequest.newBuilder().setBlockId("b3-avg").build());
        assertEquals(Prices.formatAvgPx(notional, cum), block.getAvgPx());
        // equal weights: every account gets the same whole lots, and the lots left over go one each to the first
        // accounts in account order (the recorded tie-break) — what the cumulative largest remainder gives, fill by fill
        long lots = cum / 100;
        TreeSet<String> accounts = new TreeSet<>();
        for (int i = 1; i <= ACCOUNTS; i++) accounts.add(TradingGateway.account(i));
        Map<String, Long> expected = new HashMap<>();
        int rank = 0;
        for (String a : accounts) expected.put(a, 100 * (lots / ACCOUNTS + (rank++ < lots % ACCOUNTS ? 1 : 0)));
        long allocated = 0;
        List<String> wrong = new ArrayList<>();
        for (AccountAllocation a : block.getAllocationsList()) {
            if (a.getAllocatedQty() != expected.get(a.getAccount())) wrong.add(a.getAccount() + "=" + a.getAllocatedQty() + "≠" + expected.get(a.getAccount()));
            if (a.getAllocatedQty() > 0) assertEquals(Prices.formatAvgPx(notional, cum), a.getAvgPx(), "every account at the master's AvgPx");
            allocated += a.getAllocatedQty();
        }
        System.out.printf("block b3-avg: master %s filled %d in %d fills at %s; %d allocated over %d accounts%n", master, cum,
                fills.size(), Prices.formatAvgPx(notional, cum), allocated, ACCOUNTS);
        assertEquals(List.of(), wrong);
        assertEquals(cum, allocated, "everything filled is allocated (fills are whole lots)");
    }
}
