package blackbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.GetPositionRequest;
import blackbox.gateway.v1.PositionType;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.TradingGateway;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.positions.v1.Consolidated;
import blackbox.positions.v1.Difference;
import blackbox.positions.v1.GetConsolidatedRequest;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.positions.v1.ReconcileRequest;
import blackbox.positions.v1.ReconcileResponse;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Issue 16's acceptance on the real B3 tape (PETR4, 2025-04-07): orders sent through oms-svc into six accounts fill at
 * the simulator (at most 100 shares on arrival when the book's top is known, the rest on the tape's prints),
 * positions-svc follows oms-svc's
 * {@code StreamOrderEvents}. Checked: every account's positions equal the simulator's {@code GetPositionV2} (both
 * position types: quantities, the day's buys and sells and their averages); the consolidated view equals the sum over
 * accounts; Redis flushed under the running service is rewritten to the same state; positions-svc stopped, Redis
 * flushed, restarted: the same state; stopped while fills happen at the simulator, restarted: it resumes from its
 * stored sequence and counts every fill once.
 *
 * <p>The open average price is where the two definitions differ (positions-svc's README, "Day trade and average
 * price"): the simulator averages sequentially (b3-trading.md "In brief"), positions-svc day-trade-first from the
 * day's totals (§5's partial day trade at the day's average prices). The test computes both from the simulator's
 * fills and asserts that {@code Reconcile} reports exactly the positions where they differ, and nothing else.
 */
@Timeout(300)
class PositionsOnB3TapeTest {
    static final int ACCOUNTS = 6;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final BigDecimal TICK = new BigDecimal("0.01");
    @TempDir
    static Path dir;
    static Desk desk;
    static final StreamCollector<ExecutionReportMessage> simulator = new StreamCollector<>();
    static int minute = 0; // tape time: minutes after 11:00

    @AfterAll
    static void stop() {
        if (desk != null) desk.close();
    }

    @Test
    void positionsFollowTheFillsAtTheSimulatorAcrossRedisFlushesAndRestartsCountingEachFillOnce() throws Exception {
        desk = new Desk("positions-b3", dir, TradingGateway.roster(dir, ACCOUNTS), "fill.touch_quantity=100", Map.of());
        TradingGrpc.newStub(desk.gateway.channel()).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), simulator);
        desk.advanceTo(11, 0, 0);

        // buys in every account, 100 to 400 shares (several fills each)
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) ids.add(buy("b1-" + i, i, 100L * (1 + (i - 1) % 4)));
        fill(ids);
        awaitPositionsAsAtTheSimulator();

        // day trades: account 1 sells part and buys again later (the two average rules part), 3 goes flat, 4 sells part
        fill(List.of(sell("s1-1", 1, 100), sell("s1-3", 3, 100), sell("s1-4", 4, 100)));
        advanceMinutes(4);
        fill(List.of(buy("b2-1", 1, 100), buy("b2-3", 3, 100)));
        awaitPositionsAsAtTheSimulator();

        // Redis flushed under the running service: rewritten to the same state
        Map<String, Map<String, String>> redisBefore = redisState();
        List<Position> before = positions();
        try (Redis redis = new Redis()) {
            redis.client.getKeys().flushall();
        }
        TestStack.await(() -> redisState().equals(redisBefore), WAIT, "Redis rewritten by the running positions-svc");

        // stopped, Redis flushed, restarted: the same state, in the service and in Redis
        desk.positions.stop();
        try (Redis redis = new Redis()) {
            redis.client.getKeys().flushall();
        }
        desk.positions.start(Map.of(blackbox.positions.PositionsConfig.MARKETDATA, "off",
                blackbox.positions.PositionsConfig.ACCOUNTS, desk.roster.toString()));
        awaitFollowing();
        assertEquals(before, positions(), "positions after a restart on a flushed Redis");
        TestStack.await(() -> redisState().equals(redisBefore), WAIT, "Redis rebuilt by the restarted positions-svc");

        // orders at the simulator that fill on the tape's prints while positions-svc is down
        List<String> late = List.of(buy("b3-2", 2, 300), buy("b3-5", 5, 300), sell("s3-6", 6, 200));
        TestStack.await(() -> late.stream().allMatch(id -> !reportsOf(id).isEmpty()), WAIT, "the late orders at the simulator");
        awaitPositionsAsAtTheSimulator();
        desk.positions.stop();
        long fillsBefore = simFills();
        fill(late);
        long whileDown = simFills() - fillsBefore;
        assertTrue(whileDown > 0, "fills at the simulator while positions-svc was down");
        desk.positions.start(Map.of(blackbox.positions.PositionsConfig.MARKETDATA, "off",
                blackbox.positions.PositionsConfig.ACCOUNTS, desk.roster.toString()));
        awaitFollowing();
        awaitPositionsAsAtTheSimulator();

        // each fill once: one stored row per fill at the simulator, no ExecID twice
        long simFills = simFills();
        assertEquals(simFills, storedFills("count(*)"), "fills stored once per fill at the simulator");
        assertEquals(simFills, storedFills("count(DISTINCT exec_id)"), "no ExecID stored twice");

        // the desk's view is the sum over accounts
        List<Position> all = positions();
        long quantity = 0, buys = 0, sells = 0;
        for (Position p : all) {
            quantity += p.getQuantity();
            buys += p.getDayBuyQuantity();
            sells += p.getDaySellQuantity();
        }
        Consolidated view = consolidated();
        assertEquals(quantity, view.getQuantity(), "consolidated quantity = sum over accounts");
        assertEquals(buys, view.getDayBuyQuantity(), "consolidated day buys = sum over accounts");
        assertEquals(sells, view.getDaySellQuantity(), "consolidated day sells = sum over accounts");
        assertEquals(sum(all, Position::getCost), new BigDecimal(view.getCost()).stripTrailingZeros(), "consolidated cost = sum");
        assertEquals(sum(all, Position::getRealized), new BigDecimal(view.getRealized()).stripTrailingZeros(), "consolidated realized = sum");
        System.out.println("consolidated: " + com.google.protobuf.TextFormat.shortDebugString(view));

        // Reconcile: exactly the open average prices where the sequential and the day-trade-first rules part
        ReconcileResponse reconcile = PositionsGrpc.newBlockingStub(desk.positions.channel()).reconcile(ReconcileRequest.getDefaultInstance());
        Set<String> expected = new TreeSet<>();
        int parted = 0;
        for (int i = 1; i <= ACCOUNTS; i++) {
            List<ExecutionReport> fills = accountFills(i);
            BigDecimal sequential = sequentialAverage(fills);
            BigDecimal dayTradeFirst = excessSideAverage(fills);
            if (sequential.subtract(dayTradeFirst).abs().compareTo(new BigDecimal("0.0001")) > 0) {
                parted++;
                expected.add(TradingGateway.account(i) + " POSITION_TYPE_CONSOLIDATED open_average_price");
                expected.add(TradingGateway.account(i) + " POSITION_TYPE_DAY_TRADE open_average_price");
            }
            System.out.printf("account %s: sequential average %s (the simulator's), day-trade-first %s (positions-svc's)%n",
                    TradingGateway.account(i), sequential, dayTradeFirst);
        }
        Set<String> reported = new TreeSet<>();
        for (Difference d : reconcile.getDifferencesList()) reported.add(d.getAccount() + " " + d.getPositionType() + " " + d.getField());
        assertEquals(expected, reported, reconcile.getDifferencesList().toString());
        assertEquals(ACCOUNTS, reconcile.getAccounts());
        System.out.printf("positions on the B3 tape: %d fills in %d accounts (%d while positions-svc was down), each stored once "
                + "across 2 restarts; Reconcile: %d differences, all open average prices of the %d accounts where the two rules part%n",
                simFills, ACCOUNTS, whileDown, reconcile.getDifferencesCount(), parted);
    }

    // ------------------------------------------------------------------ orders and the tape

    static String buy(String id, int account, long qty) {
        return submit(id, account, Side.SIDE_BUY, qty, last().add(TICK.multiply(BigDecimal.valueOf(5))));
    }

    static String sell(String id, int account, long qty) {
        return submit(id, account, Side.SIDE_SELL, qty, last().subtract(TICK.multiply(BigDecimal.valueOf(5))));
    }

    /**
     * Submits until oms-svc passes the order: after positions-svc restarts, oms-svc denies POSITIONS_UNKNOWN (fail
     * closed) until its StreamPositions snapshot is complete again; each retry is a new ClOrdID. Returns the one sent.
     */
    static String submit(String id, int account, Side side, long qty, BigDecimal price) {
        for (int attempt = 0; ; attempt++) {
            String clOrdId = attempt == 0 ? id : id + ".r" + attempt;
            SubmitOrderResponse r = desk.oms.blocking().submitOrder(SubmitOrderRequest.newBuilder().setClOrdId(clOrdId)
                    .setAccount(TradingGateway.account(account)).setInstrument(GatewayPart.instrument("PETR4", "B")).setSide(side)
                    .setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(qty).setPrice(price.toPlainString()).build());
            if (r.getOrder().getOrdStatus() == OrdStatus.ORD_STATUS_DENIED && r.getOrder().getText().startsWith("POSITIONS_UNKNOWN")
                    && attempt < 100) {
                sleep(100);
                continue;
            }
            assertEquals(OrdStatus.ORD_STATUS_PENDING_NEW, r.getOrder().getOrdStatus(), clOrdId + ": " + r.getOrder().getText());
            if (attempt > 0) System.out.printf("%s passed after %d denials POSITIONS_UNKNOWN (oms-svc resyncing)%n", clOrdId, attempt);
            return clOrdId;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static BigDecimal last() {
        return desk.tape.lastTradeAt(B3Tape.at(11, minute, 0));
    }

    static void advanceMinutes(int n) {
        minute += n;
        desk.advanceTo(11, minute, 0);
    }

    /** Moves the tape a minute at a time until every order is filled at the simulator (at most 20 minutes). */
    static void fill(List<String> ids) throws InterruptedException {
        TestStack.await(() -> ids.stream().allMatch(id -> !reportsOf(id).isEmpty()), WAIT, "every order at the simulator");
        for (int n = 0; n < 20 && !ids.stream().allMatch(PositionsOnB3TapeTest::filled); n++) {
            advanceMinutes(1);
            Thread.sleep(50); // the fills' reports on their way
        }
        TestStack.await(() -> ids.stream().allMatch(PositionsOnB3TapeTest::filled), WAIT,
                () -> "filled at the simulator: " + ids.stream().filter(id -> !filled(id)).toList());
    }

    static long simFills() {
        return simulator.items().stream().filter(m -> m.hasReport() && m.getReport().getExecType() == ExecType.EXEC_TYPE_TRADE).count();
    }

    static List<ExecutionReport> reportsOf(String id) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReportMessage m : simulator.items()) if (m.hasReport() && m.getReport().getIdempotencyKey().equals(id)) out.add(m.getReport());
        return out;
    }

    static boolean filled(String id) {
        return reportsOf(id).stream().anyMatch(r -> r.getOrdStatus() == blackbox.gateway.v1.OrdStatus.ORD_STATUS_FILLED);
    }

    /** The fills of the {@code i}-th account at the simulator, in the order it reported them. */
    static List<ExecutionReport> accountFills(int i) {
        List<ExecutionReport> out = new ArrayList<>();
        for (ExecutionReportMessage m : simulator.items()) {
            if (m.hasReport() && m.getReport().getExecType() == ExecType.EXEC_TYPE_TRADE
                    && m.getReport().getAccount().getAccountId().equals(TradingGateway.account(i))) out.add(m.getReport());
        }
        return out;
    }

    // ------------------------------------------------------------------ positions-svc and the simulator

    static void awaitFollowing() throws InterruptedException {
        TestStack.await(() -> desk.stack.channel(blackbox.positions.testing.PositionsPart.NAME).getState(true)
                == io.grpc.ConnectivityState.READY, WAIT, "the channel to positions-svc ready");
        TestStack.await(() -> desk.positions.instance().fills().live(), WAIT,
                () -> "positions-svc following oms-svc: " + desk.positions.instance().fills().state());
    }

    /** Waits until every account's positions-svc position equals the simulator's, both position types. */
    static void awaitPositionsAsAtTheSimulator() throws InterruptedException {
        TestStack.await(() -> mismatches().isEmpty(), WAIT, () -> "positions-svc as the simulator: " + mismatches());
    }

    /**
     * Differences with the simulator's GetPositionV2 per account: quantities (CONSOLIDATED {@code quantity}, DAY_TRADE
     * the day's net) and the day's buys and sells with their averages; the open average price is Reconcile's (above).
     */
    static List<String> mismatches() {
        TradingGrpc.TradingBlockingStub trading = TradingGrpc.newBlockingStub(desk.gateway.channel());
        Map<String, Position> ours = new TreeMap<>();
        for (Position p : positions()) ours.put(p.getAccount(), p);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String account = TradingGateway.account(i);
            Position p = ours.getOrDefault(account, Position.getDefaultInstance());
            for (PositionType type : List.of(PositionType.POSITION_TYPE_CONSOLIDATED, PositionType.POSITION_TYPE_DAY_TRADE)) {
                blackbox.gateway.v1.Position g = simPosition(trading, i, type);
                long qty = type == PositionType.POSITION_TYPE_CONSOLIDATED ? p.getQuantity() : p.getDayTradeNetQuantity();
                String what = account + " " + type + ": ";
                if (qty != g.getOpenQuantity()) out.add(what + "quantity " + qty + " vs " + g.getOpenQuantity());
                if (p.getDayBuyQuantity() != g.getDailyBuyQuantity()) out.add(what + "day buys " + p.getDayBuyQuantity() + " vs " + g.getDailyBuyQuantity());
                if (p.getDaySellQuantity() != g.getDailySellQuantity()) out.add(what + "day sells " + p.getDaySellQuantity() + " vs " + g.getDailySellQuantity());
                if (p.getDayBuyQuantity() != 0 && !samePrice(p.getDayBuyAveragePrice(), g.getDailyAverageBuyPrice())) {
                    out.add(what + "day buy average " + p.getDayBuyAveragePrice() + " vs " + g.getDailyAverageBuyPrice());
                }
                if (p.getDaySellQuantity() != 0 && !samePrice(p.getDaySellAveragePrice(), g.getDailyAverageSellPrice())) {
                    out.add(what + "day sell average " + p.getDaySellAveragePrice() + " vs " + g.getDailyAverageSellPrice());
                }
            }
        }
        return out;
    }

    /** GetPositionV2 through the gateway; NOT_FOUND (never traded) as zeros. */
    static blackbox.gateway.v1.Position simPosition(TradingGrpc.TradingBlockingStub trading, int i, PositionType type) {
        try {
            return trading.getPosition(GetPositionRequest.newBuilder().setAccount(dll(i)).setInstrument(GatewayPart.instrument("PETR4", "B"))
                    .setPositionType(type).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return blackbox.gateway.v1.Position.getDefaultInstance();
            throw e;
        }
    }

    static boolean samePrice(String ours, String theirs) {
        if (ours.isEmpty() || theirs.isEmpty()) return false;
        return new BigDecimal(ours).subtract(new BigDecimal(theirs)).abs().compareTo(new BigDecimal("0.0001")) <= 0;
    }

    static AccountId dll(int i) {
        return AccountId.newBuilder().setBrokerId(85).setAccountId(TradingGateway.account(i)).build();
    }

    static List<Position> positions() {
        return PositionsGrpc.newBlockingStub(desk.positions.channel()).getPositions(GetPositionsRequest.getDefaultInstance()).getPositionsList();
    }

    static Consolidated consolidated() {
        return PositionsGrpc.newBlockingStub(desk.positions.channel()).getConsolidated(GetConsolidatedRequest.getDefaultInstance())
                .getPositionsList().stream().filter(c -> c.getGroup().isEmpty()).findFirst().orElseThrow();
    }

    static BigDecimal sum(List<Position> all, java.util.function.Function<Position, String> field) {
        BigDecimal s = BigDecimal.ZERO;
        for (Position p : all) s = s.add(new BigDecimal(field.apply(p)));
        return s.stripTrailingZeros();
    }

    /** positions-svc's state in Redis (every hash under its prefix). */
    static Map<String, Map<String, String>> redisState() {
        try (Redis redis = new Redis()) {
            return new blackbox.positions.redis.RedisPositions(redis.client, "positions").dump();
        }
    }

    static long storedFills(String aggregate) throws Exception {
        try (Connection c = desk.stack.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + aggregate + " FROM positions.fills WHERE effect = 'apply'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A Redisson client on the stack's Redis. */
    static final class Redis implements AutoCloseable {
        final RedissonClient client;

        Redis() {
            org.redisson.config.Config c = new org.redisson.config.Config();
            c.useSingleServer().setAddress(desk.stack.redis().url());
            client = Redisson.create(c);
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }

    // ------------------------------------------------------------------ the two average-price rules

    /**
     * The simulator's rule (its README, "Positions"; b3-trading.md "In brief"): weighted over the fills that increase
     * the position, reducing fills leave it, a flip starts at the fill price. 0 when flat. Opening positions: none.
     */
    static BigDecimal sequentialAverage(List<ExecutionReport> fills) {
        long q = 0;
        BigDecimal avg = BigDecimal.ZERO;
        for (ExecutionReport f : fills) {
            long signed = f.getSide() == blackbox.gateway.v1.Side.SIDE_BUY ? f.getLastQty() : -f.getLastQty();
            BigDecimal px = new BigDecimal(f.getLastPx());
            if (q == 0 || Long.signum(q) == Long.signum(signed)) {
                avg = avg.multiply(BigDecimal.valueOf(Math.abs(q))).add(px.multiply(BigDecimal.valueOf(Math.abs(signed))))
                        .divide(BigDecimal.valueOf(Math.abs(q) + Math.abs(signed)), 8, RoundingMode.HALF_EVEN);
            } else if (Math.abs(signed) > Math.abs(q)) {
                avg = px; // through zero
            }
            q += signed;
            if (q == 0) avg = BigDecimal.ZERO;
        }
        return avg;
    }

    /**
     * positions-svc's rule (its README, "Day trade and average price"): with no opening, what is left after the day
     * trade, {@code B − S}, is at the average price of the side in excess. 0 when flat.
     */
    static BigDecimal excessSideAverage(List<ExecutionReport> fills) {
        long b = 0, s = 0;
        BigDecimal bv = BigDecimal.ZERO, sv = BigDecimal.ZERO;
        for (ExecutionReport f : fills) {
            BigDecimal value = new BigDecimal(f.getLastPx()).multiply(BigDecimal.valueOf(f.getLastQty()));
            if (f.getSide() == blackbox.gateway.v1.Side.SIDE_BUY) {
                b += f.getLastQty();
                bv = bv.add(value);
            } else {
                s += f.getLastQty();
                sv = sv.add(value);
            }
        }
        if (b > s) return bv.divide(BigDecimal.valueOf(b), 8, RoundingMode.HALF_EVEN);
        if (s > b) return sv.divide(BigDecimal.valueOf(s), 8, RoundingMode.HALF_EVEN);
        return BigDecimal.ZERO;
    }
}
