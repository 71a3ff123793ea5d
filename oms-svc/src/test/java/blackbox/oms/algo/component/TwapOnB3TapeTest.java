package blackbox.oms.algo.component;

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
import blackbox.oms.algo.engine.ParentStore;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.Prices;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.ScheduledSlice;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.Twap;
import blackbox.platform.domain.AccountId;
import blackbox.risk.core.Scope;
import blackbox.risk.store.Actor;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchState;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TWAP parents on the real B3 tape (PETR4, 2025-04-07) through oms-svc, the gateway and the simulator, the algorithms
 * on the tape's clock (moved with {@code SimAdvanceReplay}): a 50-account block sliced at its planned times and
 * quantities, never beyond its limit, unfilled quantity rolling into the next slice within the cap, each account's fills
 * the simulator's; then a desk halt stops every algorithm at once. The simulator takes at most 100 shares at the top of
 * book on arrival ({@code fill.touch_quantity=100}); the rest rests and fills on the tape's prints.
 */
@Timeout(400)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwapOnB3TapeTest {
    static final int ACCOUNTS = 50;
    static final long SEC = 1_000_000_000L;
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
        stack = new TestStack("oms-twap-b3");
        gateway = GatewayPart.on(stack);
        oms = new AlgoOmsPart(stack);
        gateway.start(TradingGateway.overrides(stack, roster, tape.replay,
                "routing.instruments=" + B3Tape.instruments(dir) + ";fill.touch_quantity=100"));
        TradingGrpc.newStub(gateway.channel()).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
        oms.clock.set(B3Tape.at(10, 0, 0));
        oms.start(Map.of(OmsConfig.ACCOUNTS, roster.toString()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static BlockRequest.Builder twapBlock(String id, long start, long horizon, long interval, BigDecimal limit, int from, int to, long qty) {
        BlockRequest.Builder b = BlockRequest.newBuilder().setBlockId(id).setInstrument(GatewayPart.instrument("PETR4", "B"))
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(limit.toPlainString())
                .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setTwap(Twap.newBuilder().setHorizonSecs(horizon)
                        .setIntervalSecs(interval).setStartNanos(start)));
        for (int i = from; i <= to; i++) b.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(qty));
        return b;
    }

    static Optional<Order> find(String clOrdId) {
        try {
            return Optional.of(oms.blocking().getOrder(GetOrderRequest.newBuilder().setClOrdId(clOrdId).build()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    static Order order(String clOrdId) {
        return find(clOrdId).orElseThrow(() -> new AssertionError("no order " + clOrdId));
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

    /** The keys the simulator reported on. */
    static java.util.Set<String> simKeys() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ExecutionReportMessage m : simulator.items()) if (m.hasReport()) out.add(m.getReport().getIdempotencyKey());
        return out;
    }

    /** The DLL orders per key at the venue (the gateway's ListOrders of accounts 1..n): a second one would be a duplicate child. */
    static Map<String, Integer> venueOrdersByKey(int accounts) {
        Map<String, Integer> perKey = new TreeMap<>();
        TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(gateway.channel());
        for (int i = 1; i <= accounts; i++) {
            var account = blackbox.gateway.v1.AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
            for (var o : trading.listOrders(blackbox.gateway.v1.ListOrdersRequest.newBuilder().setAccount(account).build()).getOrdersList()) {
                perKey.merge(o.getIdempotencyKey(), 1, Integer::sum);
            }
        }
        return perKey;
    }

    static void awaitCaughtUp(List<String> keys) throws InterruptedException {
        TestStack.await(() -> {
            Map<String, Map<String, long[]>> sim = simFills();
            for (String k : keys) {
                long cum = sim.getOrDefault(k, Map.of()).values().stream().mapToLong(f -> f[0]).sum();
                if (order(k).getCumQty() != cum) return false;
            }
            return true;
        }, Duration.ofSeconds(60), "oms-svc to apply every fill the simulator reported");
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aTwapOverFiftyAccountsSlicesAtPlannedTimesNeverBeyondItsLimitRollsOverAndEachAccountGetsItsFills() throws Exception {
        long start = B3Tape.at(11, 0, 0);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start - SEC);
        BigDecimal limit = tape.lastTradeAt(start).subtract(new BigDecimal("0.01")); // a tick below: slices fill in part
        long limitScaled = Prices.parse("limit", limit.toPlainString());
        int slices = 10;
        long perAccount = 3_000;
        long perSlice = perAccount / slices;
        BlockRequest request = twapBlock("twap-50", start, 600, 60, limit, 1, ACCOUNTS, perAccount).build();

        BlockPreview preview = oms.blocking().previewBlock(request);
        assertEquals(slices, preview.getScheduleCount(), "PreviewBlock shows the schedule");
        for (ScheduledSlice s : preview.getScheduleList()) {
            assertEquals(start + (s.getSlice() - 1) * 60 * SEC, s.getAtNanos(), "slice " + s.getSlice() + "'s time");
            assertEquals(ACCOUNTS * perSlice, s.getQty());
            assertEquals(ACCOUNTS, s.getAccountsCount());
            s.getAccountsList().forEach(a -> assertEquals(perSlice, a.getQuantity()));
        }

        SubmitBlockResponse submitted = oms.blocking().submitBlock(request);
        assertFalse(submitted.getDuplicate());
        assertEquals(0, submitted.getChildrenCount(), "children come slice by slice");
        assertTrue(submitted.getParent().getIsParent());
        assertEquals(ACCOUNTS * perAccount, submitted.getParent().getOrderQty());
        assertTrue(oms.blocking().submitBlock(request).getDuplicate(), "a retried block_id answers the parent as stored");
        assertTrue(find("twap-50/1/1").isEmpty(), "nothing before the start");

        List<String> keys = new ArrayList<>();
        for (int k = 1; k <= slices; k++) {
            long t = start + (k - 1) * 60 * SEC;
            TradingGateway.advanceTo(gateway, t);
            oms.at(t);
            List<String> slice = new ArrayList<>();
            for (int n = 1; n <= ACCOUNTS; n++) slice.add("twap-50/" + k + "/" + n);
            int kk = k;
            // every account is behind its plan by at least a slice at every slice (it never fills more than was planned before)
            TestStack.await(() -> slice.stream().allMatch(id -> find(id).isPresent()), Duration.ofSeconds(30),
                    () -> "slice " + kk + "'s 50 children");
            TestStack.await(() -> simKeys().containsAll(slice), Duration.ofSeconds(30), "the simulator to have slice " + k);
            keys.addAll(slice);
            TradingGateway.advanceTo(gateway, t + 59 * SEC); // the tape trades against the slice
            Order parent = order("twap-50");
            assertEquals(k, parent.getProgress().getReleasedSlices());
            assertEquals(ACCOUNTS * perSlice * k, parent.getProgress().getScheduledQty());
        }
        long end = start + 600 * SEC;
        TradingGateway.advanceTo(gateway, end);
        oms.at(end);
        TestStack.await(() -> {
            OrdStatus s = order("twap-50").getOrdStatus();
            return s == OrdStatus.ORD_STATUS_EXPIRED || s == OrdStatus.ORD_STATUS_FILLED;
        }, Duration.ofSeconds(30), "the parent to end at its horizon");
        awaitCaughtUp(keys);

        // the slices were released at their planned times with their planned quantities
        List<ParentStore.Slice> released = oms.instance().algos().view(new ClOrdId("twap-50")).orElseThrow().slices();
        assertEquals(slices, released.size());
        for (ParentStore.Slice s : released) {
            assertEquals(start + (s.slice() - 1) * 60 * SEC, s.releasedNanos(), "slice " + s.slice() + " released on time");
            assertEquals(ACCOUNTS * perSlice, s.plannedQty());
        }

        Map<String, Map<String, long[]>> sim = simFills();
        Map<String, Integer> simOrders = venueOrdersByKey(ACCOUNTS);
        int rolled = 0;
        long total = 0;
        for (int n = 1; n <= ACCOUNTS; n++) {
            long filledBefore = 0;
            for (int k = 1; k <= slices; k++) {
                String id = "twap-50/" + k + "/" + n;
                Order child = order(id);
                assertEquals("twap-50", child.getParentClOrdId());
                assertEquals("twap-50", child.getBlockId());
                assertEquals(TradingGateway.account(n), child.getAccount());
                assertEquals(limit.setScale(2).toPlainString(), new BigDecimal(child.getPrice()).setScale(2).toPlainString(), id + " at the limit");
                assertEquals(1, simOrders.get(id), id + ": one order at the simulator");
                // roll-over: the slice carries what the account is behind its plan, capped at two slices, whole lots
                long expected = Math.min(Math.min(perSlice * k - filledBefore, 2 * perSlice), perAccount - filledBefore);
                expected -= expected % 100;
                assertEquals(expected, child.getOrderQty(), id + ": planned " + perSlice * k + ", filled before " + filledBefore);
                if (child.getOrderQty() > perSlice) rolled++;
                assertTrue(child.getOrdStatus() != OrdStatus.ORD_STATUS_NEW && child.getOrdStatus() != OrdStatus.ORD_STATUS_PARTIALLY_FILLED,
                        id + " is not working after the horizon: " + child.getOrdStatus());
                Map<String, long[]> fills = sim.getOrDefault(id, Map.of());
                long cum = fills.values().stream().mapToLong(f -> f[0]).sum();
                assertEquals(cum, child.getCumQty(), id + ": oms-svc's fills are the simulator's");
                for (long[] f : fills.values()) assertTrue(f[1] <= limitScaled, id + " filled at " + f[1] + " beyond the limit " + limitScaled);
                filledBefore += cum;
            }
            assertTrue(filledBefore <= perAccount, "account " + n + " filled " + filledBefore + " of its " + perAccount);
            total += filledBefore;
        }
        assertEquals(keys.size(), simOrders.keySet().stream().filter(k -> k.startsWith("twap-50/")).count(), "no other child at the simulator");
        Order parent = order("twap-50");
        assertEquals(total, parent.getCumQty(), "the parent's CumQty is Σ of its children's");
        assertEquals(keys.size(), parent.getChildClOrdIdsCount());
        System.out.printf("twap-50: %d children, %d of %d filled, %d children carried roll-over, parent %s (%s)%n", keys.size(), total,
                ACCOUNTS * perAccount, rolled, parent.getOrdStatus(), parent.getText());
        assertTrue(total > 0, "the tape filled some");
        assertTrue(rolled > 0, "some slices rolled unfilled quantity over");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aCancelledParentMakesNoMoreChildrenAndItsWorkingChildIsCancelled() throws Exception {
        long start = B3Tape.at(12, 0, 0);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start);
        BigDecimal limit = tape.lastTradeAt(start).subtract(new BigDecimal("0.05")); // below the market: the child rests
        oms.blocking().submitOrder(SubmitOrderRequest.newBuilder().setClOrdId("cancel-single").setAccount(TradingGateway.account(12))
                .setInstrument(GatewayPart.instrument("PETR4", "B")).setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT)
                .setOrderQty(1_000).setPrice(limit.toPlainString())
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setTwap(Twap.newBuilder().setHorizonSecs(100).setIntervalSecs(10)
                        .setStartNanos(start))).build());
        TestStack.await(() -> find("cancel-single/1").map(o -> o.getOrdStatus() == OrdStatus.ORD_STATUS_NEW).orElse(false),
                Duration.ofSeconds(30), "slice 1 working");
        assertEquals(100, order("cancel-single/1").getOrderQty());
        oms.blocking().cancelOrder(blackbox.oms.v1.CancelOrderRequest.newBuilder().setClOrdId("cancel-single").build());
        TestStack.await(() -> order("cancel-single").getOrdStatus() == OrdStatus.ORD_STATUS_CANCELED
                && order("cancel-single/1").getOrdStatus() == OrdStatus.ORD_STATUS_CANCELED, Duration.ofSeconds(30),
                "the parent and its working child cancelled");
        oms.at(start + 10 * SEC);
        oms.at(start + 20 * SEC);
        Thread.sleep(500);
        assertTrue(find("cancel-single/2").isEmpty(), "no child after the cancel");
        assertEquals(List.of("cancel-single/1"), order("cancel-single").getChildClOrdIdsList());
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void anIcebergOverFiftyAccountsNeverShowsMoreThanItsDisplayAndRefreshesOnlyOnFills() throws Exception {
        long start = B3Tape.at(14, 0, 0);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start);
        BigDecimal limit = tape.lastTradeAt(start).add(new BigDecimal("0.01")); // crosses: each slice takes the touch, the rest rests
        long limitScaled = Prices.parse("limit", limit.toPlainString());
        BlockRequest.Builder b = BlockRequest.newBuilder().setBlockId("ice-50").setInstrument(GatewayPart.instrument("PETR4", "B"))
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(limit.toPlainString())
                .setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setIceberg(blackbox.oms.v1.Iceberg.newBuilder().setMaxFloor(10_000)));
        for (int i = 1; i <= ACCOUNTS; i++) b.addAccounts(BlockAccount.newBuilder().setAccount(TradingGateway.account(i)).setQuantity(100L * (2 + i % 4)));
        long total = b.getAccountsList().stream().mapToLong(BlockAccount::getQuantity).sum();
        oms.blocking().submitBlock(b.build());
        TestStack.await(() -> simKeys().stream().filter(k -> k.startsWith("ice-50/1/")).count() == ACCOUNTS, Duration.ofSeconds(30),
                "every account's first slice at the simulator");
        for (int m = 1; m <= 60; m++) {
            TradingGateway.advanceTo(gateway, start + m * 60 * SEC);
            Thread.sleep(100); // refreshed slices reach the venue before the tape moves on
        }
        // settled: every fill applied and no slice made for a while (the rest rests at the limit)
        int[] lastCount = {-1};
        TestStack.await(() -> {
            List<String> now = order("ice-50").getChildClOrdIdsList();
            boolean stable = now.size() == lastCount[0];
            lastCount[0] = now.size();
            if (!stable) return false;
            try {
                Thread.sleep(300);
                awaitCaughtUp(now);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return order("ice-50").getChildClOrdIdsCount() == now.size();
        }, Duration.ofSeconds(60), "the iceberg to settle");
        Order parent = order("ice-50");
        Map<String, Map<String, long[]>> sim = simFills();
        Map<String, Integer> venue = venueOrdersByKey(ACCOUNTS);
        Map<String, List<Order>> byAccount = new TreeMap<>();
        for (String id : parent.getChildClOrdIdsList()) byAccount.computeIfAbsent(order(id).getAccount(), k -> new ArrayList<>()).add(order(id));
        long filled = 0;
        int slices = 0;
        for (int i = 1; i <= ACCOUNTS; i++) {
            String account = TradingGateway.account(i);
            long qty = 100L * (2 + i % 4);
            long display = Math.max(100, 10_000 * qty / total / 100 * 100);
            List<Order> kids = byAccount.getOrDefault(account, List.of());
            kids.sort(java.util.Comparator.comparing(o -> Integer.parseInt(o.getClOrdId().split("/")[1])));
            long accountFilled = 0;
            for (int k = 0; k < kids.size(); k++) {
                Order c = kids.get(k);
                assertTrue(c.getOrderQty() <= display, c.getClOrdId() + " shows " + c.getOrderQty() + " > display " + display);
                assertEquals(1, venue.get(c.getClOrdId()), c.getClOrdId() + ": one venue order");
                assertEquals(limit.setScale(2).toPlainString(), new BigDecimal(c.getPrice()).setScale(2).toPlainString());
                long cum = sim.getOrDefault(c.getClOrdId(), Map.of()).values().stream().mapToLong(f -> f[0]).sum();
                assertEquals(cum, c.getCumQty(), c.getClOrdId() + ": the simulator's fills");
                sim.getOrDefault(c.getClOrdId(), Map.of()).values().forEach(f -> assertTrue(f[1] <= limitScaled, "beyond the limit"));
                if (k > 0) {
                    Order prev = kids.get(k - 1);
                    assertEquals(OrdStatus.ORD_STATUS_FILLED, prev.getOrdStatus(), "a slice follows only a filled one");
                    assertTrue(c.getCreatedNanos() >= prev.getUpdatedNanos(), c.getClOrdId() + " was created after " + prev.getClOrdId() + " filled");
                }
                accountFilled += c.getCumQty();
            }
            assertTrue(accountFilled <= qty, account + " filled " + accountFilled + " of " + qty);
            filled += accountFilled;
            slices += kids.size();
        }
        assertEquals(filled, parent.getCumQty());
        System.out.printf("ice-50: %d slices over %d accounts, %d of %d filled, parent %s (%s)%n", slices, ACCOUNTS, filled, total,
                parent.getOrdStatus(), parent.getText());
        assertTrue(slices > ACCOUNTS, "the iceberg refreshed: " + slices + " slices");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aDeskHaltStopsEveryAlgorithmAtOnceAndItsCancelAllCancelsTheWorkingChildren() throws Exception {
        long start = B3Tape.at(13, 0, 0);
        TradingGateway.advanceTo(gateway, start);
        oms.at(start);
        BigDecimal limit = tape.lastTradeAt(start).subtract(new BigDecimal("0.05")); // below the market: children rest
        oms.blocking().submitBlock(twapBlock("halt-block", start, 300, 30, limit, 1, 10, 1_000).build());
        oms.blocking().submitOrder(SubmitOrderRequest.newBuilder().setClOrdId("halt-single").setAccount(TradingGateway.account(11))
                .setInstrument(GatewayPart.instrument("PETR4", "B")).setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT)
                .setOrderQty(1_000).setPrice(limit.toPlainString())
                .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setTwap(Twap.newBuilder().setHorizonSecs(300).setIntervalSecs(30)
                        .setStartNanos(start))).build());
        for (int k = 1; k <= 2; k++) {
            long t = start + (k - 1) * 30 * SEC;
            oms.at(t);
            int kk = k;
            TestStack.await(() -> find("halt-single/" + kk).isPresent() && find("halt-block/" + kk + "/10").isPresent(),
                    Duration.ofSeconds(30), "slice " + k);
        }
        // the halt: risk-svc writes the desk's switch; once oms-svc's view has it, it drives CancelAll
        PgRiskStore risk = new PgRiskStore(stack.database().jdbi());
        KillSwitch before = KillSwitch.active(Scope.DESK);
        risk.saveSwitch(Actor.system("test"), "halt", before, new KillSwitch(Scope.DESK, SwitchState.HALTED, HaltMode.KEEP, "test",
                "algo halt test", start, 0), Instant.now());
        TestStack.await(() -> oms.instance().risk().view().snapshot().switches().get(Scope.DESK).state() == SwitchState.HALTED,
                Duration.ofSeconds(10), "oms-svc to see the halt");
        TestStack.await(() -> order("halt-single").getOrdStatus() == OrdStatus.ORD_STATUS_CANCELED
                && order("halt-block").getOrdStatus() == OrdStatus.ORD_STATUS_CANCELED, Duration.ofSeconds(5), "both parents stopped");
        assertTrue(order("halt-block").getText().contains("kill switch"), order("halt-block").getText());
        var cancel = oms.blocking().cancelAll(CancelAllRequest.newBuilder().setAll(true).setConfirmTimeoutMillis(10_000).build());
        assertEquals(0, cancel.getUnconfirmedCount(), cancel.toString());
        // time goes on: no slice after the halt, at oms-svc or at the simulator
        for (int k = 3; k <= 10; k++) oms.at(start + (k - 1) * 30 * SEC);
        oms.at(start + 300 * SEC);
        Thread.sleep(1_000);
        for (int k = 3; k <= 10; k++) {
            assertTrue(find("halt-single/" + k).isEmpty(), "no child after the halt: halt-single/" + k);
            for (int n = 1; n <= 10; n++) assertTrue(find("halt-block/" + k + "/" + n).isEmpty(), "no child after the halt");
        }
        assertTrue(simKeys().stream().noneMatch(key -> key.matches("halt-(single|block)/([3-9]|10)(/.*)?")),
                "the simulator saw no child after the halt");
        for (String id : order("halt-block").getChildClOrdIdsList()) {
            OrdStatus s = order(id).getOrdStatus();
            assertTrue(s == OrdStatus.ORD_STATUS_CANCELED || s == OrdStatus.ORD_STATUS_FILLED, id + " still " + s);
        }
        assertEquals(20, order("halt-block").getChildClOrdIdsCount(), "2 slices × 10 accounts, nothing more");
        assertEquals(new AccountId(TradingGateway.account(11)).value(), order("halt-single").getAccount());
    }
}
