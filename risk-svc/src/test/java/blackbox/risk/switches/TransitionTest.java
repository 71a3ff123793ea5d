package blackbox.risk.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blackbox.platform.domain.AccountId;
import blackbox.risk.core.Scope;
import blackbox.risk.switches.Effect.CancelWorkingOrders;
import blackbox.risk.switches.Effect.Flatten;
import blackbox.risk.switches.Effect.RecordClosedElsewhere;
import blackbox.risk.switches.Transition.Changed;
import blackbox.risk.switches.Transition.Unchanged;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTest {
    static final Scope ACC = Scope.account(new AccountId("1234"));

    static KillSwitch in(SwitchState s) {
        return new KillSwitch(ACC, s, s == SwitchState.HALTED ? HaltMode.KEEP : HaltMode.NONE, "x", "y", 1, 7);
    }

    static Changed changed(KillSwitch from, SwitchCommand c) {
        return assertInstanceOf(Changed.class, Transition.apply(from, c, 100));
    }

    @Test
    void haltCancelsThenAppliesTheModeFromAnyState() {
        for (SwitchState s : SwitchState.values()) {
            Changed f = changed(in(s), new SwitchCommand.Halt(HaltMode.FLATTEN, "ana", "runaway"));
            assertEquals(SwitchState.HALTED, f.next().state());
            assertEquals(HaltMode.FLATTEN, f.next().mode());
            assertEquals("ana", f.next().who());
            assertEquals(100, f.next().changedAtNanos());
            assertEquals(List.of(new CancelWorkingOrders(ACC), new Flatten(ACC)), f.effects());
            assertEquals(List.of(new CancelWorkingOrders(ACC)), changed(in(s), new SwitchCommand.Halt(HaltMode.KEEP, "a", "b")).effects());
            assertEquals(List.of(new CancelWorkingOrders(ACC), new RecordClosedElsewhere(ACC)),
                    changed(in(s), new SwitchCommand.Halt(HaltMode.CORRECT, "a", "b")).effects());
        }
    }

    @Test
    void reduceAndResume() {
        assertEquals(SwitchState.REDUCING, changed(in(SwitchState.ACTIVE), new SwitchCommand.Reduce("a", "b")).next().state());
        assertEquals(SwitchState.REDUCING, changed(in(SwitchState.HALTED), new SwitchCommand.Reduce("a", "b")).next().state());
        assertEquals(HaltMode.NONE, changed(in(SwitchState.HALTED), new SwitchCommand.Reduce("a", "b")).next().mode());
        assertEquals("account 1234 is already REDUCING", assertInstanceOf(Unchanged.class,
                Transition.apply(in(SwitchState.REDUCING), new SwitchCommand.Reduce("a", "b"), 1)).reason());
        assertEquals(SwitchState.ACTIVE, changed(in(SwitchState.HALTED), new SwitchCommand.Resume("a", "b")).next().state());
        assertEquals(SwitchState.ACTIVE, changed(in(SwitchState.REDUCING), new SwitchCommand.Resume("a", "b")).next().state());
        assertEquals("account 1234 is already ACTIVE", assertInstanceOf(Unchanged.class,
                Transition.apply(in(SwitchState.ACTIVE), new SwitchCommand.Resume("a", "b"), 1)).reason());
    }

    @Test
    void aCircuitBreakerNeverLoosens() {
        assertEquals(SwitchState.REDUCING, changed(in(SwitchState.ACTIVE), new SwitchCommand.CircuitBreak(SwitchState.REDUCING, "r")).next().state());
        Changed halt = changed(in(SwitchState.REDUCING), new SwitchCommand.CircuitBreak(SwitchState.HALTED, "r"));
        assertEquals(HaltMode.KEEP, halt.next().mode());
        assertEquals("circuit-breaker", halt.next().who());
        assertEquals(List.of(new CancelWorkingOrders(ACC)), halt.effects());
        assertInstanceOf(Unchanged.class, Transition.apply(in(SwitchState.HALTED), new SwitchCommand.CircuitBreak(SwitchState.REDUCING, "r"), 1));
        assertInstanceOf(Unchanged.class, Transition.apply(in(SwitchState.HALTED), new SwitchCommand.CircuitBreak(SwitchState.HALTED, "r"), 1));
        assertInstanceOf(Unchanged.class, Transition.apply(in(SwitchState.REDUCING), new SwitchCommand.CircuitBreak(SwitchState.REDUCING, "r"), 1));
    }

    @Test
    void panicIsForTheDesk() {
        Changed p = changed(KillSwitch.active(Scope.DESK), new SwitchCommand.Panic(true, "signal-file", "fire"));
        assertEquals(SwitchState.HALTED, p.next().state());
        assertEquals(List.of(new CancelWorkingOrders(Scope.DESK), new Flatten(Scope.DESK)), p.effects());
        assertEquals(List.of(new CancelWorkingOrders(Scope.DESK)),
                changed(KillSwitch.active(Scope.DESK), new SwitchCommand.Panic(false, "a", "b")).effects());
        assertThrows(IllegalArgumentException.class, () -> Transition.apply(in(SwitchState.ACTIVE), new SwitchCommand.Panic(false, "a", "b"), 1));
    }
}
