package blackbox.positions.service;

import static blackbox.positions.core.Books.A1;
import static blackbox.positions.core.Books.MON;
import static blackbox.positions.core.Books.PETR4;
import static blackbox.positions.core.Books.WINM25;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.positions.core.Books;
import blackbox.positions.core.Fill;
import blackbox.positions.core.FillOutcome;
import blackbox.positions.core.PositionBook;
import blackbox.testkit.Seeds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;

/** The engine on a real PostgreSQL and Redis: idempotency, Redis layout and publication, recovery. */
@Timeout(180)
class PositionsEngineComponentTest {
    static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) stack.close();
    }

    @BeforeEach
    void empty() {
        stack.truncate();
    }

    static final List<AccountId> ACCOUNTS = new ArrayList<>();
    static {
        for (int i = 0; i < 40; i++) ACCOUNTS.add(new AccountId("C" + (2000 + i)));
        ACCOUNTS.add(Books.A1);
        ACCOUNTS.add(Books.A2);
        ACCOUNTS.add(Books.A3);
    }

    /** A session day of random fills with cancels and corrections of earlier ones, printed seed. */
    static List<Fill> day(Random random, LocalDate date, String tag, int count) {
        List<InstrumentId> instruments = List.of(PETR4, Books.VALE3, WINM25);
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!fills.isEmpty() && random.nextInt(12) == 0) {
                Fill target = fills.get(random.nextInt(fills.size()));
                if (target.execType() == blackbox.positions.core.ExecType.TRADE && fills.stream().noneMatch(f -> f.execRefId().equals(target.execId()))) {
                    fills.add(random.nextBoolean() ? Fill.cancelOf(tag + "X" + i, target, i)
                            : Fill.correctionOf(tag + "C" + i, target, target.quantity(), target.priceE4() + 100, i));
                    continue;
                }
            }
            InstrumentId instrument = instruments.get(random.nextInt(instruments.size()));
            boolean future = instrument.equals(WINM25);
            fills.add(Fill.trade(tag + "T" + i, ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), instrument,
                    random.nextBoolean() ? Side.BUY : Side.SELL, future ? 1 + random.nextInt(4) : 100L * (1 + random.nextInt(5)),
                    future ? (128_000 + 5L * random.nextInt(400)) * 10_000 : 300_000 + 100L * random.nextInt(500), i, date,
                    tag + "O" + random.nextInt(30)));
        }
        return fills;
    }

    static void applyInBatches(PositionsEngine engine, List<Fill> fills, int batch) {
        for (int i = 0; i < fills.size(); i += batch) engine.apply(fills.subList(i, Math.min(fills.size(), i + batch)));
    }

    @Test
    void aFillIsStoredAndAppliedOnceWhateverTheRetries() {
        PositionsEngine engine = stack.engine();
        Fill buy = Books.fill(A1, PETR4, Side.BUY, 100, "10.00", MON);
        var first = engine.apply(List.of(buy, buy));
        assertInstanceOf(FillOutcome.Applied.class, first.get(0).outcome());
        assertEquals(new FillOutcome.Duplicate(buy.execId()), first.get(1).outcome());
        assertEquals(new FillOutcome.Duplicate(buy.execId()), engine.apply(List.of(buy)).getFirst().outcome());
        // a restarted service (book rebuilt) still knows it
        PositionsEngine restarted = stack.engine();
        assertEquals(new FillOutcome.Duplicate(buy.execId()), restarted.apply(List.of(buy)).getFirst().outcome());
        assertEquals(100, restarted.positions(A1).getFirst().quantity());
        assertEquals(1L, (long) stack.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM positions.fills").mapTo(Long.class).one()));
    }

    @Test
    void aCorrectionIsStoredAsAReversalAndAReapplication() {
        PositionsEngine engine = stack.engine();
        Fill buy = Books.fill("B1", A1, PETR4, Side.BUY, 100, "10.00", MON, "O1");
        engine.apply(List.of(buy, Fill.correctionOf("G1", buy, 200, Books.e4("9.90"), 5)));
        List<Map<String, Object>> rows = stack.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT exec_id, effect, exec_type, quantity, price_e4 FROM positions.fills ORDER BY seq").mapToMap().list());
        assertEquals(List.of(
                Map.of("exec_id", "B1", "effect", "apply", "exec_type", "TRADE", "quantity", 100L, "price_e4", 100_000L),
                Map.of("exec_id", "G1", "effect", "reverse", "exec_type", "TRADE_CORRECT", "quantity", 100L, "price_e4", 100_000L),
                Map.of("exec_id", "G1", "effect", "apply", "exec_type", "TRADE_CORRECT", "quantity", 200L, "price_e4", 99_000L)),
                rows);
        assertEquals(200, engine.positions(A1).getFirst().quantity());
    }

    @Test
    void redisHoldsEachAccountTheDeskAndPublishesEachFillAfterItsWrite() throws Exception {
        PositionsEngine engine = stack.engine();
        List<String> messages = new CopyOnWriteArrayList<>();
        List<String> seenQuantity = new CopyOnWriteArrayList<>();
        RTopic topic = stack.redisson.getTopic("positions:changes", StringCodec.INSTANCE);
        int id = topic.addListener(String.class, (channel, msg) -> {
            messages.add(msg);
            // the data is readable when the message arrives
            seenQuantity.add(String.valueOf(stack.redisson.<String, String>getMap("positions:account:1001",
                    StringCodec.INSTANCE).get("pos:PETR4:B")));
        });
        try {
            engine.apply(List.of(Books.fill("R1", A1, PETR4, Side.BUY, 300, "10.00", MON, "O1")));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (messages.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        } finally {
            topic.removeListener(id);
        }
        assertEquals(List.of("{\"seq\":1,\"exec_id\":\"R1\",\"account\":\"1001\",\"instrument\":\"PETR4:B\"}"), messages);
        assertTrue(seenQuantity.getFirst().contains("\"quantity\":300"), seenQuantity.getFirst());
        Map<String, Map<String, String>> dump = stack.redis().dump();
        assertEquals(Map.of("seq", "1"), dump.get("positions:meta"));
        Map<String, String> account = dump.get("positions:account:1001");
        assertEquals("fundA", account.get("group"));
        assertEquals("{\"account\":\"1001\",\"as_of\":\"2025-04-07\",\"d0\":\"0.00\",\"d1\":\"0.00\",\"d2\":\"-3000.90\","
                + "\"settling_d1\":\"0.00\",\"settling_d2\":\"-3000.90\",\"d1_date\":\"2025-04-08\",\"d2_date\":\"2025-04-09\"}",
                account.get("balances"));
        assertTrue(dump.get("positions:consolidated").containsKey("all:PETR4:B"));
        assertTrue(dump.get("positions:consolidated").containsKey("group:fundA:PETR4:B"));
    }

    @Test
    void flushedRedisAndARestartedServiceMidSessionGiveTheSameStateAndCountNoFillTwice() {
        long seed = Seeds.seed("PositionsEngineComponentTest.flushedRedisAndARestartedService");
        Random random = new Random(seed);
        LocalDate tue = MON.plusDays(1);
        List<Fill> monday = day(random, MON, "M", 600);
        List<Fill> tuesdayMorning = day(random, tue, "A", 300);
        List<Fill> tuesdayAfternoon = day(random, tue, "P", 300);

        PositionsEngine engine = stack.engine();
        applyInBatches(engine, monday, 7);
        engine.settle(WINM25, MON, 1_290_000_000L);
        engine.openDay(tue);
        applyInBatches(engine, tuesdayMorning, 5);
        engine.mark(PETR4, 310_000);
        Map<String, Map<String, String>> before = stack.redis().dump();
        var positionsBefore = engine.allPositions();

        // Redis flushed under a running service
        stack.redisson.getKeys().flushall();
        assertTrue(engine.resyncRedis());
        assertFalse(engine.resyncRedis());
        assertSameHashes(before, stack.redis().dump());

        // flushed again and the service restarted: rebuilt from PostgreSQL alone
        stack.redisson.getKeys().flushall();
        PositionsEngine restarted = stack.engine();
        restarted.mark(PETR4, 310_000);
        assertSameHashes(before, stack.redis().dump());
        assertEquals(positionsBefore, restarted.allPositions());

        // oms-svc replays what it had sent: all duplicates; then the session goes on
        for (Fill f : tuesdayMorning) {
            assertInstanceOf(FillOutcome.Duplicate.class, restarted.apply(List.of(f)).getFirst().outcome(), f.execId());
        }
        applyInBatches(restarted, tuesdayAfternoon, 9);

        PositionBook reference = Books.book();
        for (Fill f : monday) reference.apply(f);
        reference.settle(WINM25, MON, 1_290_000_000L);
        reference.openDay(tue);
        for (Fill f : tuesdayMorning) reference.apply(f);
        for (Fill f : tuesdayAfternoon) reference.apply(f);
        reference.mark(PETR4, 310_000);
        List<blackbox.positions.core.PositionView> expected = new ArrayList<>();
        for (AccountId a : reference.accounts()) expected.addAll(reference.positions(a));
        assertEquals(expected, restarted.allPositions());
        for (AccountId a : reference.accounts()) assertEquals(reference.balances(a), restarted.balances(a));
        assertEquals(reference.consolidated(), restarted.consolidated(""));
    }

    /** Field by field, so a failure names the key and field that differ. */
    static void assertSameHashes(Map<String, Map<String, String>> expected, Map<String, Map<String, String>> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "keys");
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key).keySet(), actual.get(key).keySet(), "fields of " + key);
            for (String field : expected.get(key).keySet()) {
                assertEquals(expected.get(key).get(field), actual.get(key).get(field), key + " " + field);
            }
        }
    }
}
