package blackbox.oms.store;

import static blackbox.oms.core.Fixtures.PX;
import static blackbox.oms.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.EventType;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.Fixtures;
import blackbox.oms.core.IgnoreReason;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.RefusalCode;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.Transitions;
import blackbox.oms.core.UserId;
import blackbox.platform.db.Database;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.Side;
import blackbox.testkit.Seeds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class OrderStoreTest {
    final Database db = TestDatabase.shared();
    final OrderStore store = new OrderStore(db.jdbi(), TradeDates.B3);
    final AuditTrail audit = new AuditTrail(db.jdbi());

    @BeforeEach
    void empty() {
        TestDatabase.reset(db, 3);
    }

    static Order order(String clOrdId, String account, long qty) {
        OrderSpec spec = new OrderSpec(new ClOrdId(clOrdId), new AccountId(account), new DeskId("equities"),
                new UserId("ana"), Optional.of(new StrategyId("momentum")), Fixtures.PETR4, Side.BUY, OrdType.LIMIT,
                TimeInForce.DAY, Optional.empty(), new Algorithm.Twap(600, 60, 0), Optional.empty(), Optional.empty(), T0,
                Fixtures.TRADE_DATE);
        return Order.pendingNew(spec, qty, PX, 0);
    }

    static AuditCommand submit(String clOrdId, String account) {
        return new AuditCommand(T0, new UserId("ana"), "10.0.0.7:51234", "SubmitOrder", Optional.of(new ClOrdId(clOrdId)),
                Optional.empty(), Optional.of(new AccountId(account)), "{\"clOrdId\":\"" + clOrdId + "\"}");
    }

    ApplyResult apply(String clOrdId, OrderEvent event) {
        return store.apply(new ClOrdId(clOrdId), event).orElseThrow();
    }

    @Test
    void createCommitsThePendingNewOrderWithItsCreatedEventAndAuditRowBeforeReturning() {
        CreateResult created = store.createOrder(order("C-1", "A1", 1000), submit("C-1", "A1"));
        assertEquals(CreateResult.Kind.CREATED, created.kind());
        // read back on another connection: committed
        StoredOrder stored = store.find(new ClOrdId("C-1")).orElseThrow();
        assertEquals(OrdStatus.PENDING_NEW, stored.order().status());
        assertEquals(order("C-1", "A1", 1000), stored.order(), "every field round-trips, the algorithm's parameters too");
        List<StoredEvent> events = store.events(new ClOrdId("C-1"));
        assertEquals(1, events.size());
        assertEquals(EventType.CREATED, events.getFirst().type());
        assertEquals(stored.lastSequence(), events.getFirst().sequence());
        AuditPage trail = audit.query(new AuditQuery(Optional.of(new ClOrdId("C-1")), Optional.empty(), Optional.empty(),
                0, 0, 100, 0, 0));
        assertEquals(1, trail.commands().size());
        AuditRecord record = trail.commands().getFirst();
        assertEquals("OK", record.outcome());
        assertEquals("10.0.0.7:51234", record.command().address());
        assertEquals(new UserId("ana"), record.command().user());
        assertTrue(record.command().parametersJson().contains("C-1"));
    }

    @Test
    void aRetriedSubmitAnswersTheExistingOrderAndADifferentOneUnderTheSameClOrdIdConflicts() {
        store.createOrder(order("C-2", "A1", 1000), submit("C-2", "A1"));
        apply("C-2", new OrderEvent.Sent(null, T0, T0));
        CreateResult retry = store.createOrder(order("C-2", "A1", 1000), submit("C-2", "A1"));
        assertEquals(CreateResult.Kind.DUPLICATE, retry.kind());
        CreateResult other = store.createOrder(order("C-2", "A1", 900), submit("C-2", "A1"));
        assertEquals(CreateResult.Kind.CONFLICT, other.kind());
        assertEquals("order_qty differs: stored=1000, now=900", other.conflict());
        assertEquals(1, store.list(OrderQuery.all(10)).orders().size());
        List<String> outcomes = audit.query(new AuditQuery(Optional.of(new ClOrdId("C-2")), Optional.empty(),
                Optional.empty(), 0, 0, 100, 0, 0)).commands().stream().map(AuditRecord::outcome).toList();
        assertEquals(List.of("OK", "DUPLICATE", "ALREADY_EXISTS: order_qty differs: stored=1000, now=900"), outcomes);
    }

    @Test
    void concurrentDuplicateSubmitsMakeOneOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String id = "RACE-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<CreateResult>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.createOrder(order(id, "A1", 100), submit(id, "A1"));
                    }));
                }
                go.countDown();
                List<CreateResult.Kind> kinds = new ArrayList<>();
                for (Future<CreateResult> f : results) kinds.add(f.get().kind());
                assertTrue(kinds.contains(CreateResult.Kind.CREATED) && kinds.contains(CreateResult.Kind.DUPLICATE),
                        "one creates, the other finds it: " + kinds);
                assertEquals(1, store.events(new ClOrdId(id)).size(), "one CREATED event");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(25, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM oms.orders").mapTo(Long.class).one()));
    }

    @Test
    void aDuplicateFillAppliedTwiceIsCountedOnceAndTheDatabaseRefusesItToo() {
        store.createOrder(order("C-3", "A1", 1000), submit("C-3", "A1"));
        apply("C-3", new OrderEvent.Accepted(new OrderId("OID-3"), T0, T0));
        OrderEvent.Filled fill = new OrderEvent.Filled(new ExecId("E-1"), 300, PX, 300, false, T0 + 5, T0 + 6);
        assertTrue(apply("C-3", fill).applied());
        ApplyResult again = apply("C-3", fill);
        assertEquals(new Outcome.Ignored(IgnoreReason.DUPLICATE_EXEC_ID), again.outcome());
        assertEquals(300, store.find(new ClOrdId("C-3")).orElseThrow().order().cumQty());
        assertEquals(1, store.events(new ClOrdId("C-3")).stream().filter(e -> e.type() == EventType.TRADE).count());
        // the unique index: a second TRADE row with the same ExecID for the order cannot exist
        assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO oms.events SELECT nextval('oms.event_sequence'), order_ref, cl_ord_id, account_id, block_id,"
                        + " type, edge, exec_id, last_qty, last_px, trade_date, payload, status, previous_status,"
                        + " venue_order_id, order_qty, cum_qty, leaves_qty, notional, price, stop_price, text, ts_event,"
                        + " ts_init, now() FROM oms.events WHERE exec_id = 'E-1'")));
    }

    @Test
    void aFillCarriesWhatPositionsSvcNeeds() {
        store.createOrder(order("C-4", "A2", 1000), submit("C-4", "A2"));
        long tsEvent = 1_744_156_800_000_000_000L + 3_600_000_000_000L; // 2025-04-09T01:00Z = 2025-04-08 22:00 in São Paulo
        apply("C-4", new OrderEvent.Filled(new ExecId("E-9"), 100, 385_100, 100, false, tsEvent, tsEvent + 7));
        StoredEvent trade = store.eventsAfter(new EventQuery(0, List.of(new AccountId("A2")), Set.of(EventType.TRADE),
                Optional.empty(), 10)).getFirst();
        OrderEvent.Filled f = assertInstanceOf(OrderEvent.Filled.class, trade.event().orElseThrow());
        assertEquals("E-9", f.execId().value());
        assertEquals(100, f.lastQty());
        assertEquals(385_100, f.lastPx());
        assertEquals(Optional.of(LocalDate.of(2025, 4, 8)), trade.tradeDate(), "the B3 date, not the UTC one");
        assertEquals(new AccountId("A2"), trade.account());
        assertEquals(Side.BUY, trade.side());
        assertEquals(Fixtures.PETR4, trade.instrument());
        assertEquals(tsEvent, trade.tsEvent());
        assertEquals(tsEvent + 7, trade.tsInit());
        assertEquals(OrdStatus.PARTIALLY_FILLED, trade.status());
        assertEquals(Optional.of(OrdStatus.PENDING_NEW), trade.previousStatus());
    }

    @Test
    void aRefusedReportChangesNothingAndIsRecordedAsAnAlarm() {
        store.createOrder(order("C-5", "A1", 100), submit("C-5", "A1"));
        ApplyResult r = apply("C-5", new OrderEvent.Filled(new ExecId("E-1"), 200, PX, 0, false, T0, T0));
        assertEquals(RefusalCode.OVERFILL, assertInstanceOf(Outcome.Refused.class, r.outcome()).code());
        assertEquals(0, store.find(new ClOrdId("C-5")).orElseThrow().order().cumQty());
        assertEquals(1L, (long) db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM oms.event_anomalies WHERE alarm AND code = 'OVERFILL'").mapTo(Long.class).one()));
    }

    @Test
    void aCommandIsAuditedWithItsOutcomeInTheSameTransaction() {
        store.createOrder(order("C-6", "A1", 100), submit("C-6", "A1"));
        AuditCommand cancel = new AuditCommand(T0 + 1, new UserId("bia"), "10.0.0.8:1", "CancelOrder",
                Optional.of(new ClOrdId("C-6")), Optional.empty(), Optional.of(new AccountId("A1")), "{}");
        ApplyResult first = store.applyCommand(new ClOrdId("C-6"), new OrderEvent.CancelRequested(T0 + 1, T0 + 1), cancel)
                .orElseThrow();
        assertEquals(OrdStatus.PENDING_CANCEL, first.order().order().status());
        store.applyCommand(new ClOrdId("C-6"), new OrderEvent.CancelRequested(T0 + 2, T0 + 2), cancel);
        assertTrue(store.applyCommand(new ClOrdId("NOPE"), new OrderEvent.CancelRequested(T0, T0), cancel).isEmpty());
        List<String> outcomes = audit.query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(new AccountId("A1")),
                T0 + 1, 0, 100, 0, 0)).commands().stream().map(AuditRecord::outcome).toList();
        assertEquals(3, outcomes.size());
        assertEquals("OK", outcomes.get(0));
        assertTrue(outcomes.get(1).startsWith("FAILED_PRECONDITION: a cancel is already pending"), outcomes.get(1));
        assertEquals("NOT_FOUND: no order with cl_ord_id=\"NOPE\"", outcomes.get(2));
    }

    @Test
    void theStoredEventsReplayToTheStoredOrder() {
        long seed = Seeds.seed("OrderStoreTest replay");
        SplittableRandom random = new SplittableRandom(seed);
        store.createOrder(order("C-7", "A3", 5000), submit("C-7", "A3"));
        apply("C-7", new OrderEvent.Accepted(new OrderId("OID-7"), T0, T0));
        for (int i = 0; i < 40; i++) {
            OrderEvent e = switch (random.nextInt(5)) {
                case 0 -> new OrderEvent.ReplaceRequested(5000 + 100L * random.nextInt(5), PX + 100, 0, T0 + i, T0 + i);
                case 1 -> new OrderEvent.ReplaceRejected("no", T0 + i, T0 + i);
                case 2 -> new OrderEvent.Replaced(5000 + 100L * random.nextInt(5), PX + 100, 0, T0 + i, T0 + i);
                default -> new OrderEvent.Filled(new ExecId("E-" + random.nextInt(30)), 100, PX + random.nextInt(50), 0,
                        false, T0 + i, T0 + i);
            };
            apply("C-7", e);
        }
        Order replayed = order("C-7", "A3", 5000);
        for (StoredEvent e : store.events(new ClOrdId("C-7"))) {
            if (e.event().isEmpty()) continue;
            replayed = assertInstanceOf(Outcome.Applied.class, Transitions.apply(replayed, e.event().get())).order();
            assertEquals(e.status(), replayed.status());
            assertEquals(e.cumQty(), replayed.cumQty());
        }
        assertEquals(store.find(new ClOrdId("C-7")).orElseThrow().order(), replayed);
    }

    @Test
    void eventsAndAuditAreAppendOnly() {
        store.createOrder(order("C-8", "A1", 100), submit("C-8", "A1"));
        Exception e = assertThrows(UnableToExecuteStatementException.class,
                () -> db.jdbi().useHandle(h -> h.execute("UPDATE oms.events SET text = 'x'")));
        assertTrue(e.getMessage().contains("oms.events is append-only: UPDATE refused"), e.getMessage());
        assertThrows(UnableToExecuteStatementException.class, () -> db.jdbi().useHandle(h -> h.execute("DELETE FROM oms.audit")));
    }

    @Test
    void ordersAreListedByAccountStatusInstrumentAlgorithmStrategyDeskAndTime() {
        for (int i = 1; i <= 6; i++) store.createOrder(order("L-" + i, "A" + (1 + i % 2), 100), submit("L-" + i, "A1"));
        apply("L-1", new OrderEvent.Accepted(null, T0, T0));
        assertEquals(3, store.list(new OrderQuery(List.of(new AccountId("A1")), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 100, 0)).orders().size());
        assertEquals(List.of("L-1"), store.list(new OrderQuery(List.of(), Set.of(OrdStatus.NEW), Optional.of(Fixtures.PETR4),
                Optional.of(Algorithm.Kind.TWAP), Optional.empty(), Optional.of(new StrategyId("momentum")),
                Optional.of(new DeskId("equities")), T0, T0 + 1, 100, 0)).orders().stream()
                .map(o -> o.order().clOrdId().value()).toList());
        assertTrue(store.list(new OrderQuery(List.of(), Set.of(), Optional.empty(), Optional.of(Algorithm.Kind.VWAP),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 100, 0)).orders().isEmpty());
        OrderPage first = store.list(OrderQuery.all(4));
        assertEquals(List.of("L-6", "L-5", "L-4", "L-3"), first.orders().stream().map(o -> o.order().clOrdId().value()).toList());
        OrderPage second = store.list(new OrderQuery(List.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, 4, first.nextBeforeId()));
        assertEquals(List.of("L-2", "L-1"), second.orders().stream().map(o -> o.order().clOrdId().value()).toList());
        assertEquals(0, second.nextBeforeId());
        assertEquals(3, store.openOrders(new AccountId("A2")).size());
        assertFalse(store.eventsAfter(EventQuery.after(0, 100)).isEmpty());
    }
}
