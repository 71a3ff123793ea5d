package blackbox.risk.halt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.switches.Effect;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.switches.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HaltExecutorTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final StrategyId TWAP = new StrategyId("twap-7");
    final FakeClock clock = new FakeClock(1_000);
    final List<RiskEvent> events = new CopyOnWriteArrayList<>();

    /** 10 accounts × 3 orders: two TWAP children and one manual order each. */
    static List<WorkingOrder> book() {
        List<WorkingOrder> orders = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            AccountId acc = new AccountId("acc" + a);
            orders.add(new WorkingOrder(new ClOrdId("c" + a + "-1"), acc, TWAP, PETR4, Side.BUY, 100));
            orders.add(new WorkingOrder(new ClOrdId("c" + a + "-2"), acc, TWAP, PETR4, Side.BUY, 100));
            orders.add(new WorkingOrder(new ClOrdId("m" + a), acc, StrategyId.NONE, PETR4, Side.SELL, 200));
        }
        return orders;
    }

    static List<Effect> effects(Scope scope, HaltMode mode) {
        Transition.Changed c = (Transition.Changed) Transition.apply(KillSwitch.active(scope),
                new SwitchCommand.Halt(mode, "ana", "test"), 0);
        return c.effects();
    }

    @Test
    void haltingTheDeskCancelsEveryWorkingOrderAndListsTheUnconfirmedAfterTheTimeout() {
        VenueThatConfirmsAllButSome venue = new VenueThatConfirmsAllButSome(book(),
                Set.of(new ClOrdId("c3-1"), new ClOrdId("m7")), Map.of(new ClOrdId("c5-2"), "order already filled"));
        HaltExecutor halt = new HaltExecutor(venue, clock, Duration.ofSeconds(5), events::add);
        CompletableFuture<HaltReport> report = halt.execute(Scope.DESK, HaltMode.FLATTEN, effects(Scope.DESK, HaltMode.FLATTEN));

        assertEquals(30, venue.cancelCalls.size(), "every working order, algorithm children and manual alike");
        assertFalse(report.isDone(), "two cancels unanswered");
        assertEquals(List.of(), venue.flattenCalls, "no flatten before the cancels are settled");
        clock.advance(Duration.ofMillis(4_999));
        halt.expireOverdue();
        assertFalse(report.isDone());
        clock.advance(Duration.ofMillis(1));
        halt.expireOverdue();
        HaltReport r = report.join();
        assertEquals(List.of("c3-1", "m7"), r.unconfirmed().stream().map(o -> o.clOrdId().value()).toList());
        assertEquals(27, r.confirmed().size());
        assertEquals(List.of(new HaltReport.Rejected(book().get(16), "order already filled")), r.rejected());
        assertEquals(List.of(Scope.DESK), venue.flattenCalls);
        assertEquals("flatten DESK", venue.calls.getLast(), "flatten comes after every cancel");
        assertEquals(List.of("zero desk"), r.flattenOrders());
        assertEquals(27, events.stream().filter(e -> e instanceof RiskEvent.CancelConfirmed).count());
        RiskEvent.CancelsUnconfirmed un = (RiskEvent.CancelsUnconfirmed) events.stream()
                .filter(e -> e instanceof RiskEvent.CancelsUnconfirmed).findFirst().orElseThrow();
        assertEquals(2, un.orders().size());
        assertTrue(events.getLast() instanceof RiskEvent.HaltCompleted);
        assertEquals(0, halt.inProgress());
        // a confirmation after the timeout changes nothing
        venue.confirmLate(new ClOrdId("m7"));
        assertEquals(27, events.stream().filter(e -> e instanceof RiskEvent.CancelConfirmed).count());
    }

    @Test
    void haltingAnAccountCancelsOnlyItsOrdersAndCompletesWhenAllAreConfirmed() {
        VenueThatConfirmsAllButSome venue = new VenueThatConfirmsAllButSome(book(), Set.of(new ClOrdId("m2")), Map.of());
        HaltExecutor halt = new HaltExecutor(venue, clock, Duration.ofSeconds(5), events::add);
        Scope acc2 = Scope.account(new AccountId("acc2"));
        CompletableFuture<HaltReport> report = halt.execute(acc2, HaltMode.KEEP, effects(acc2, HaltMode.KEEP));
        assertEquals(List.of("cancel c2-1", "cancel c2-2", "cancel m2"), venue.calls);
        assertFalse(report.isDone());
        venue.confirmLate(new ClOrdId("m2"));
        HaltReport r = report.join();
        assertEquals(3, r.confirmed().size());
        assertEquals(List.of(), r.unconfirmed());
        assertEquals(List.of(), venue.flattenCalls, "KEEP does not flatten");
    }

    @Test
    void haltingAStrategyCancelsItsChildrenAndLeavesManualOrders() {
        VenueThatConfirmsAllButSome venue = new VenueThatConfirmsAllButSome(book(), Set.of(), Map.of());
        HaltExecutor halt = new HaltExecutor(venue, clock, Duration.ofSeconds(5), events::add);
        Scope twap = Scope.strategy(TWAP);
        HaltReport r = halt.execute(twap, HaltMode.CORRECT, effects(twap, HaltMode.CORRECT)).join();
        assertEquals(20, r.cancelsSent().size());
        assertTrue(r.cancelsSent().stream().allMatch(o -> o.strategy().equals(TWAP)));
        assertTrue(r.closedElsewhereRecorded());
    }

    @Test
    void anOrderCommittedAfterTheFirstListingIsCancelledByTheSecondSweep() {
        // the race the e2e halt test found: an order that passed oms-svc's gate before the halt reached it is
        // committed after risk-svc listed the working orders; it must not stay working
        List<WorkingOrder> book = new ArrayList<>(book());
        VenueThatConfirmsAllButSome venue = new VenueThatConfirmsAllButSome(book, Set.of(new ClOrdId("m0")), Map.of());
        HaltExecutor halt = new HaltExecutor(venue, clock, Duration.ofSeconds(5), events::add);
        CompletableFuture<HaltReport> report = halt.execute(Scope.DESK, HaltMode.FLATTEN, effects(Scope.DESK, HaltMode.FLATTEN));
        assertEquals(30, venue.cancelCalls.size());
        WorkingOrder late = new WorkingOrder(new ClOrdId("late-1"), new AccountId("acc4"), StrategyId.NONE, PETR4, Side.BUY, 100);
        synchronized (venue) {
            book.add(late);
        }
        venue.confirmLate(new ClOrdId("m0"));
        HaltReport r = report.join();
        assertEquals(31, venue.cancelCalls.size(), "the late order got its cancel, the others not a second one");
        assertEquals(late, venue.cancelCalls.getLast());
        assertEquals(31, r.cancelsSent().size());
        assertEquals(31, r.confirmed().size());
        assertEquals("flatten DESK", venue.calls.getLast(), "flatten after the late order's cancel too");
    }

    @Test
    void aScopeWithNoWorkingOrdersCompletesAtOnce() {
        VenueThatConfirmsAllButSome venue = new VenueThatConfirmsAllButSome(List.of(), Set.of(), Map.of());
        HaltExecutor halt = new HaltExecutor(venue, clock, Duration.ofSeconds(5), events::add);
        HaltReport r = halt.execute(Scope.DESK, HaltMode.FLATTEN, effects(Scope.DESK, HaltMode.FLATTEN)).join();
        assertEquals(List.of(), r.cancelsSent());
        assertEquals(List.of(Scope.DESK), venue.flattenCalls);
    }
}
