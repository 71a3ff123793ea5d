package blackbox.positions.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.Side;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.PositionsConfig;
import blackbox.positions.core.PositionView;
import blackbox.positions.feed.FillFeed;
import blackbox.positions.redis.RedisPositions;
import blackbox.positions.testing.OmsEventLog;
import blackbox.positions.testing.PositionsPart;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.GetPositionsResponse;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.testkit.TestStack;
import io.grpc.Server;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * positions-svc as it runs (PositionsApp on PostgreSQL, Redis and in-process gRPC) fed by a hand-written oms-svc
 * event log: fills become positions, the feed's cursor is stored with them and a restart resumes after it, a dropped
 * stream resumes without a gap, Redis flushed and the service restarted mid-session give the same state with no fill
 * counted twice, a lost asynchronous commit is recovered from the stream, a new trade date opens the day. The tests
 * share one stack and run on distinct accounts; the event log only grows.
 */
@Timeout(120)
class FillFeedComponentTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    /** The session date of the tests' fills; the day-opening test moves it on (then the days before it are closed). */
    static LocalDate MON = LocalDate.of(2025, 4, 7);
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static TestStack stack;
    static OmsEventLog oms;
    static Server omsServer;
    static PositionsPart positions;
    static RedissonClient redisson;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("positions-feed-test");
        oms = new OmsEventLog();
        omsServer = stack.serverBuilder(PositionsPart.OMS).addService(oms).build().start();
        positions = PositionsPart.on(stack);
        positions.start(Map.of(PositionsConfig.MARKETDATA, "off"));
        org.redisson.config.Config c = new org.redisson.config.Config();
        c.useSingleServer().setAddress(stack.redis().url());
        redisson = Redisson.create(c);
    }

    @AfterAll
    static void stop() {
        if (redisson != null) redisson.shutdown();
        if (stack != null) stack.close();
        if (omsServer != null) omsServer.shutdownNow();
    }

    @BeforeEach
    void caughtUp() throws InterruptedException {
        positions.awaitFeed(oms.lastSequence(), WAIT);
    }

    static PositionView position(String account, InstrumentId instrument) {
        return positions.instance().engine().positions(new AccountId(account)).stream()
                .filter(p -> p.instrument().equals(instrument)).findFirst().orElseThrow();
    }

    static long storedCursor() {
        return stack.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT last_sequence FROM positions.feed_cursor WHERE source = 'oms'").mapTo(Long.class).one());
    }

    static int storedFills(String execIdPrefix) {
        return stack.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM positions.fills WHERE exec_id LIKE :p").bind("p", execIdPrefix + "%").mapTo(Integer.class).one());
    }

    @Test
    void tradeEventsBecomePositionsAndEveryOtherEventMovesTheReflectedSequence() throws Exception {
        oms.other(OrderEventType.ORDER_EVENT_TYPE_NEW, "a1", "1001");
        oms.trade("A-1", "1001", "PETR4", Side.SIDE_BUY, 300, "38.50", MON);
        oms.trade("A-2", "1001", "PETR4", Side.SIDE_SELL, 100, "38.70", MON);
        long last = oms.other(OrderEventType.ORDER_EVENT_TYPE_CANCELED, "a1", "1001");
        positions.awaitFeed(last, WAIT);

        PositionView p = position("1001", PETR4);
        assertEquals(200, p.quantity());
        assertEquals(300, p.dayBuyQuantity());
        assertEquals(100, p.dayTradeQuantity());
        GetPositionsResponse r = PositionsGrpc.newBlockingStub(positions.channel())
                .getPositions(GetPositionsRequest.newBuilder().setAccount("1001").build());
        assertEquals(last, r.getOmsSequence(), "the answer says which of oms-svc's events it reflects");
        assertTrue(storedCursor() >= last - 1, "the cursor is stored with the last fill's batch: " + storedCursor());
    }

    @Test
    void aDroppedStreamResumesAfterTheLastEventReceivedWithoutGapOrRepeat() throws Exception {
        oms.trade("B-1", "1002", "PETR4", Side.SIDE_BUY, 100, "38.00", MON);
        positions.awaitFeed(oms.lastSequence(), WAIT);
        int requests = oms.requests().size();
        oms.dropStreams();
        oms.trade("B-2", "1002", "PETR4", Side.SIDE_BUY, 100, "38.10", MON); // while no stream is open
        long last = oms.trade("B-3", "1002", "PETR4", Side.SIDE_BUY, 100, "38.20", MON);
        positions.awaitFeed(last, WAIT);
        assertEquals(300, position("1002", PETR4).quantity());
        var resumed = oms.requests().get(requests);
        assertEquals(last - 2, resumed.getAfterSequence(), "resumed after the last event received");
        assertEquals(0, positions.instance().fills().duplicates(), "nothing sent twice");
    }

    @Test
    void aRestartResumesAfterTheStoredCursorAndARedisFlushGivesTheSameStateWithNoFillCountedTwice() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            oms.trade("C-" + i, "20" + (i % 10), "PETR4", random.nextBoolean() ? Side.SIDE_BUY : Side.SIDE_SELL,
                    100 * (1 + random.nextInt(5)), "38." + (10 + random.nextInt(80)), MON);
        }
        positions.awaitFeed(oms.lastSequence(), WAIT);
        RedisPositions view = new RedisPositions(redisson, "positions");
        Map<String, Map<String, String>> before = view.dump();
        List<PositionView> booked = positions.instance().engine().allPositions();

        // mid-session: Redis flushed and the service restarted while oms-svc goes on
        positions.stop();
        redisson.getKeys().flushall();
        for (int i = 200; i < 250; i++) oms.other(OrderEventType.ORDER_EVENT_TYPE_NEW, "n" + i, "2000");
        long cursor = storedCursor();
        positions.restart();
        positions.awaitFeed(oms.lastSequence(), WAIT);

        assertEquals(cursor, oms.requests().getLast().getAfterSequence(), "the restart resumed after the stored cursor");
        assertEquals(booked, positions.instance().engine().allPositions(), "the book rebuilt from PostgreSQL is the same");
        TestStack.await(() -> view.dump().equals(before), WAIT, () -> "Redis rewritten as it was: " + diff(before, view.dump()));
        assertEquals(200, storedFills("C-"), "every fill stored once");
        assertEquals(0, positions.instance().fills().applied(), "nothing applied again after the restart");
    }

    @Test
    void fillsWhoseAsynchronousCommitWasLostAreSentAgainByTheStreamAndAppliedOnce() throws Exception {
        oms.trade("D-1", "3001", "PETR4", Side.SIDE_BUY, 100, "38.00", MON);
        positions.awaitFeed(oms.lastSequence(), WAIT);
        long keep = storedCursor();
        oms.trade("D-2", "3001", "PETR4", Side.SIDE_BUY, 200, "38.10", MON);
        long last = oms.trade("D-3", "3001", "PETR4", Side.SIDE_SELL, 50, "38.20", MON);
        positions.awaitFeed(last, WAIT);
        long quantity = position("3001", PETR4).quantity();
        positions.stop();
        // what a PostgreSQL crash does to transactions committed with synchronous_commit = off: they are gone whole,
        // their fills and the cursor they moved
        stack.database().jdbi().useHandle(h -> {
            h.execute("DELETE FROM positions.fills WHERE exec_id IN ('D-2', 'D-3')");
            h.execute("UPDATE positions.feed_cursor SET last_sequence = ? WHERE source = 'oms'", keep);
        });
        positions.restart();
        positions.awaitFeed(last, WAIT);
        assertEquals(quantity, position("3001", PETR4).quantity(), "the lost fills came back from the stream");
        assertEquals(1, storedFills("D-2"));
        assertEquals(1, storedFills("D-3"));
    }

    @Test
    void theFirstFillOfANewTradeDateOpensTheDayFromThePreviousClose() throws Exception {
        LocalDate day = MON;
        LocalDate next = day.plusDays(1);
        oms.trade("E-1", "4001", "PETR4", Side.SIDE_BUY, 500, "38.00", day);
        long last = oms.trade("E-2", "4001", "PETR4", Side.SIDE_SELL, 200, "39.00", next);
        MON = next;
        positions.awaitFeed(last, WAIT);
        PositionView p = position("4001", PETR4);
        assertEquals(next, p.tradeDate());
        assertEquals(500, p.openingQuantity(), "Monday's close is Tuesday's opening");
        assertEquals(300, p.quantity());
        assertEquals(0, p.dayTradeQuantity(), "no day trade across days");
        int openings = stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM positions.opening_positions "
                + "WHERE trade_date = :d AND account = '4001'").bind("d", next).mapTo(Integer.class).one());
        assertEquals(1, openings, "the opening stored, so a rebuild starts there");
        long late = oms.trade("E-3", "4002", "VALE3", Side.SIDE_BUY, 100, "60.00", day);
        positions.awaitFeed(late, WAIT);
        assertEquals(1L, positions.instance().fills().refused().get("CLOSED_DAY"),
                "a late fill of the closed day is refused, even for a position that did not exist");
    }

    @Test
    void aFillTheCoreRefusesOrAMalformedOneIsCountedByReasonAndTheFeedGoesOn() throws Exception {
        oms.append(blackbox.oms.v1.OrderEvent.newBuilder().setType(OrderEventType.ORDER_EVENT_TYPE_TRADE).setExecId("F-1")
                .setAccount("5001").setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT"))
                .setSide(Side.SIDE_BUY).setLastQty(1).setLastPx("61000.00").setTradeDate(MON.toString()).build());
        oms.append(blackbox.oms.v1.OrderEvent.newBuilder().setType(OrderEventType.ORDER_EVENT_TYPE_TRADE).setExecId("F-2")
                .setAccount("5001").setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("PETR4").setExchange("B"))
                .setSide(Side.SIDE_BUY).setLastQty(100).setLastPx("38.123456").setTradeDate(MON.toString()).build());
        long last = oms.trade("F-3", "5001", "PETR4", Side.SIDE_BUY, 100, "38.00", MON);
        positions.awaitFeed(last, WAIT);
        assertEquals(100, position("5001", PETR4).quantity(), "the good fill after the bad ones is applied");
        Map<String, Long> refused = positions.instance().fills().refused();
        assertEquals(1L, refused.get("MALFORMED_TRADE_EVENT"), refused.toString());
        assertEquals(1L, refused.get("UNKNOWN_INSTRUMENT"), "SPOT is in no instrument master row: " + refused);
    }

    private static String diff(Map<String, Map<String, String>> a, Map<String, Map<String, String>> b) {
        StringBuilder s = new StringBuilder();
        for (String k : a.keySet()) if (!a.get(k).equals(b.get(k))) s.append(k).append(' ');
        for (String k : b.keySet()) if (!a.containsKey(k)) s.append("+").append(k).append(' ');
        return s.toString();
    }
}
