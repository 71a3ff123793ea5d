package blackbox.risk.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.Decision;
import blackbox.risk.core.InstrumentRules;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.ReasonCode;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import blackbox.risk.halt.ClOrdId;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.halt.VenueThatConfirmsAllButSome;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.service.RiskDesk;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.Actor;
import blackbox.risk.store.LimitChange;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.switches.SwitchState;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writer and reader views over real embedded PostgreSQL and Redis. Tests run in order on one stack. */
@Timeout(180)
class RiskStateComponentTest {
    static final AccountId ACC = new AccountId("1234");
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final Actor RISK = new Actor("rita", Set.of("risk"));
    static final Actor ADMIN = new Actor("root", Set.of("admin"));
    static final Actor TRADER = new Actor("tiago", Set.of("trader"));
    static final InstrumentRules EQUITY = InstrumentRules.equity(LocalTime.of(10, 0), LocalTime.of(17, 55));
    static final RiskOrder BUY = RiskOrder.limit(ACC, StrategyId.NONE, PETR4, Side.BUY, 100, 385_000);

    static VenueThatConfirmsAllButSome venue;
    static RiskStack stack;

    @BeforeAll
    static void start() throws Exception {
        venue = new VenueThatConfirmsAllButSome(List.of(
                new WorkingOrder(new ClOrdId("a1"), ACC, StrategyId.NONE, PETR4, Side.BUY, 100),
                new WorkingOrder(new ClOrdId("a2"), ACC, new StrategyId("twap-1"), PETR4, Side.BUY, 100),
                new WorkingOrder(new ClOrdId("b1"), new AccountId("5678"), StrategyId.NONE, PETR4, Side.SELL, 100)),
                Set.of(), Map.of());
        stack = new RiskStack(venue);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    @BeforeEach
    void resumeEverything() throws Exception {
        for (var k : stack.writerView.snapshot().switches().restricted()) {
            stack.desk.command(ADMIN, k.scope(), new SwitchCommand.Resume("root", "test reset"));
        }
        stack.await("reader sees everything ACTIVE", () -> stack.readerView.snapshot().known()
                && stack.readerView.snapshot().switches().restricted().isEmpty());
    }

    static OrderContext ctx(long position) {
        return new OrderContext(position, 0, 0, 0, 0, 0, 385_000, 1_000_000_000_000L, EQUITY, stack.clock.getAsLong(),
                LocalTime.NOON.toNanoOfDay());
    }

    @Test
    void aHaltReachesTheOtherViewThroughRedisAndCancelsTheScopesOrders() throws Exception {
        RiskDesk.Done done = assertInstanceOf(RiskDesk.Done.class, stack.desk.command(RISK, Scope.account(ACC),
                new SwitchCommand.Halt(HaltMode.KEEP, "rita", "client called")));
        stack.await("reader halted", () -> stack.readerGate.check(BUY, ctx(0)).reason() == ReasonCode.SWITCH_HALTED);
        assertEquals("account 1234 is HALTED by rita (client called): only cancels pass", stack.readerGate.check(BUY, ctx(0)).message());
        assertSame(Decision.ACCEPT, stack.readerGate.check(BUY.asCancel(), ctx(0)));
        HaltReport report = done.halt().get().orElseThrow();
        assertEquals(List.of("a1", "a2"), report.confirmed().stream().map(o -> o.clOrdId().value()).toList());
        assertEquals(Map.of("ACCOUNT:1234", "HALTED KEEP " + done.version()), stack.writerLink.mirror());
        List<Map<String, Object>> audit = stack.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT actor, roles, action, old_state, new_state, mode, reason FROM risk.audit WHERE version = :v")
                .bind("v", done.version()).mapToMap().list());
        assertEquals(List.of(Map.of("actor", "rita", "roles", "risk", "action", "HALT", "old_state", "ACTIVE",
                "new_state", "HALTED", "mode", "KEEP", "reason", "client called")), audit);
    }

    @Test
    void aTraderCannotChangeALimitNorResumeAHaltedScope() throws Exception {
        RiskDesk.Forbidden limit = assertInstanceOf(RiskDesk.Forbidden.class, stack.desk.setLimits(TRADER,
                List.of(LimitChange.set(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 1)), "x"));
        assertEquals("to change limits needs role risk or admin: user=tiago roles=[trader]", limit.reason());
        stack.desk.command(RISK, Scope.instrument(PETR4), new SwitchCommand.Halt(HaltMode.KEEP, "rita", "news"));
        RiskDesk.Forbidden resume = assertInstanceOf(RiskDesk.Forbidden.class,
                stack.desk.command(TRADER, Scope.instrument(PETR4), new SwitchCommand.Resume("tiago", "please")));
        assertEquals("to resume a scope needs role risk or admin: user=tiago roles=[trader]", resume.reason());
        assertEquals(SwitchState.HALTED, stack.writerView.snapshot().switches().get(Scope.instrument(PETR4)).state());
        assertInstanceOf(RiskDesk.Done.class, stack.desk.command(ADMIN, Scope.instrument(PETR4), new SwitchCommand.Resume("root", "ok")));
    }

    @Test
    void aLimitSetByTheRiskDeskBindsInTheOtherViewAndIsAudited() throws Exception {
        RiskDesk.Done done = assertInstanceOf(RiskDesk.Done.class, stack.desk.setLimits(RISK,
                List.of(LimitChange.set(Scope.account(ACC), LimitKind.MAX_ORDER_NOTIONAL, 5_000_000_000L)), "mandate"));
        RiskOrder big = RiskOrder.limit(ACC, StrategyId.NONE, PETR4, Side.BUY, 15_900, 385_100);
        stack.await("reader applies the limit", () -> stack.readerGate.check(big, ctx(0)).reason() == ReasonCode.MAX_ORDER_NOTIONAL);
        assertEquals("max order notional for account 1234 is R$ 500.000,00: order R$ 612.309,00",
                stack.readerGate.check(big, ctx(0)).message());
        Map<String, Object> row = stack.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT actor, action, kind, new_value, reason FROM risk.audit WHERE version = :v").bind("v", done.version())
                .mapToMap().one());
        assertEquals(Map.of("actor", "rita", "action", "SET_LIMIT", "kind", "MAX_ORDER_NOTIONAL", "new_value", 5_000_000_000L,
                "reason", "mandate"), row);
        assertThrows(Exception.class, () -> stack.db.jdbi().useHandle(h -> h.execute("DELETE FROM risk.audit")),
                "the audit is append-only");
        stack.desk.setLimits(RISK, List.of(LimitChange.clear(Scope.account(ACC), LimitKind.MAX_ORDER_NOTIONAL)), "done");
        stack.await("limit cleared", () -> stack.readerGate.check(big, ctx(0)).accepted());
    }

    @Test
    void withRedisAwayNoOrderPassesAndAfterItsRestartTheSwitchesAreRebuiltFromPostgres() throws Exception {
        RiskDesk.Done halt = assertInstanceOf(RiskDesk.Done.class, stack.desk.command(RISK, Scope.account(ACC),
                new SwitchCommand.Halt(HaltMode.KEEP, "rita", "before the outage")));
        stack.await("reader halted", () -> stack.readerGate.check(BUY, ctx(0)).reason() == ReasonCode.SWITCH_HALTED);
        RiskOrder otherAccount = RiskOrder.limit(new AccountId("5678"), StrategyId.NONE, PETR4, Side.BUY, 100, 385_000);
        assertTrue(stack.readerGate.check(otherAccount, ctx(0)).accepted());

        stack.redis.close();
        stack.await("both views unknown", () -> !stack.readerView.snapshot().known() && !stack.writerView.snapshot().known());
        for (var gate : List.of(stack.readerGate, stack.writerGate)) {
            assertEquals(ReasonCode.RISK_STATE_UNKNOWN, gate.check(otherAccount, ctx(0)).reason());
            assertEquals(ReasonCode.RISK_STATE_UNKNOWN, gate.check(BUY, ctx(0)).reason());
            assertSame(Decision.ACCEPT, gate.check(BUY.asCancel(), ctx(0)), "cancels pass");
        }
        // a change made while Redis is away is persisted and read on resync
        assertInstanceOf(RiskDesk.Done.class, stack.desk.command(RISK, Scope.instrument(new InstrumentId("VALE3", "B")),
                new SwitchCommand.Reduce("rita", "during the outage")));

        stack.restartRedis(); // empty: no snapshot, no append-only file
        stack.await("both views known", () -> stack.readerView.snapshot().known() && stack.writerView.snapshot().known());
        assertEquals(ReasonCode.SWITCH_HALTED, stack.readerGate.check(BUY, ctx(0)).reason());
        assertTrue(stack.readerGate.check(otherAccount, ctx(0)).accepted());
        RiskOrder vale = RiskOrder.limit(new AccountId("5678"), StrategyId.NONE, new InstrumentId("VALE3", "B"), Side.BUY, 100, 385_000);
        assertEquals(ReasonCode.SWITCH_REDUCING, stack.readerGate.check(vale, ctx(0)).reason());
        stack.await("mirror rebuilt", () -> stack.writerLink.mirror().containsKey("ACCOUNT:1234")
                && stack.writerLink.mirror().containsKey("INSTRUMENT:VALE3:B"));
        assertEquals("HALTED KEEP " + halt.version(), stack.writerLink.mirror().get("ACCOUNT:1234"));
    }

    @Test
    void aFlushedRedisGetsItsSwitchHashBackFromPostgres() throws Exception {
        stack.desk.command(RISK, Scope.strategy(new StrategyId("twap-1")), new SwitchCommand.Halt(HaltMode.FLATTEN, "rita", "runaway"));
        stack.await("mirror has it", () -> stack.writerLink.mirror().containsKey("STRATEGY:twap-1"));
        try (var client = new java.net.Socket("127.0.0.1", stack.redis.port())) {
            client.getOutputStream().write("FLUSHALL\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            byte[] reply = new byte[5];
            assertEquals(5, client.getInputStream().readNBytes(reply, 0, 5));
            assertEquals("+OK\r\n", new String(reply, java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertFalse(stack.writerLink.mirror().containsKey("STRATEGY:twap-1"));
        stack.await("mirror rebuilt", () -> stack.writerLink.mirror().containsKey("STRATEGY:twap-1"));
        assertTrue(stack.writerLink.mirror().get("STRATEGY:twap-1").startsWith("HALTED FLATTEN "));
    }

    @Test
    void afterARestartTheStateIsExactlyAsBefore() throws Exception {
        stack.desk.command(RISK, Scope.account(ACC), new SwitchCommand.Halt(HaltMode.CORRECT, "rita", "closed at another broker"));
        stack.desk.command(RISK, Scope.DESK, new SwitchCommand.Reduce("rita", "end of day"));
        stack.desk.setLimits(RISK, List.of(LimitChange.set(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY, 5_000)), "restart test");
        // a new process: a fresh view reading PostgreSQL
        RiskView fresh = new RiskView(stack.store, stack.clock, e -> { });
        assertEquals(ReasonCode.RISK_STATE_UNKNOWN, new blackbox.risk.service.RiskGate(fresh).check(BUY, ctx(0)).reason(),
                "not known before it is synced");
        fresh.linkUp();
        assertEquals(stack.writerView.snapshot().switches().restricted().stream().sorted(java.util.Comparator.comparing(Object::toString)).toList(),
                fresh.snapshot().switches().restricted().stream().sorted(java.util.Comparator.comparing(Object::toString)).toList());
        assertEquals(stack.writerView.snapshot().limits().rows().stream().sorted(java.util.Comparator.comparing(Object::toString)).toList(),
                fresh.snapshot().limits().rows().stream().sorted(java.util.Comparator.comparing(Object::toString)).toList());
        assertEquals(HaltMode.CORRECT, fresh.snapshot().switches().get(Scope.account(ACC)).mode());
        stack.desk.setLimits(RISK, List.of(LimitChange.clear(Scope.DESK, LimitKind.MAX_ORDER_QUANTITY)), "cleanup");
    }

    @Test
    void withPostgresAwayAHaltStillTakesEffectHereButAResumeIsRefused() throws Exception {
        stack.pg.stop();
        try {
            RiskDesk.NotPersisted halt = assertInstanceOf(RiskDesk.NotPersisted.class, stack.desk.command(RISK, Scope.account(ACC),
                    new SwitchCommand.Halt(HaltMode.KEEP, "rita", "db down")));
            assertTrue(halt.inForceLocally());
            assertEquals(ReasonCode.SWITCH_HALTED, stack.writerGate.check(BUY, ctx(0)).reason());
            assertEquals(2, halt.halt().get().orElseThrow().confirmed().size(), "the cancels went out anyway");
            RiskDesk.NotPersisted resume = assertInstanceOf(RiskDesk.NotPersisted.class, stack.desk.command(RISK, Scope.account(ACC),
                    new SwitchCommand.Resume("rita", "db down")));
            assertFalse(resume.inForceLocally());
        } finally {
            stack.pg.start();
            blackbox.platform.db.Database.discardConnections(stack.db.dataSource());
        }
        stack.writerView.resync();
        assertEquals(Optional.empty(), stack.writerView.snapshot().switches().restricted().stream()
                .filter(k -> k.scope().equals(Scope.account(ACC))).findFirst(), "an unpersisted halt does not survive a re-read");
    }
}
