package blackbox.risk.switches;

import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
import blackbox.risk.switches.Effect.CancelWorkingOrders;
import blackbox.risk.switches.Effect.Flatten;
import blackbox.risk.switches.Effect.RecordClosedElsewhere;
import blackbox.risk.switches.SwitchCommand.CircuitBreak;
import blackbox.risk.switches.SwitchCommand.Halt;
import blackbox.risk.switches.SwitchCommand.Panic;
import blackbox.risk.switches.SwitchCommand.Reduce;
import blackbox.risk.switches.SwitchCommand.Resume;
import java.util.List;

/**
 * The kill switch's one transition function over (state, command): pure, exhaustive, checked by the compiler.
 *
 * <pre>
 *               ACTIVE                REDUCING              HALTED
 * Halt(m)       HALTED(m) +cancel +m  HALTED(m) +cancel +m  HALTED(m) +cancel +m   (re-halt: orders may have been in flight)
 * Reduce        REDUCING              unchanged             REDUCING               (an operator may loosen a halt part-way)
 * Resume        unchanged             ACTIVE                ACTIVE
 * Panic(f)      HALTED +cancel [+flatten] on the desk, from any state
 * Break(RED)    REDUCING              unchanged             unchanged              (a breaker never loosens)
 * Break(HALT)   HALTED(KEEP) +cancel  HALTED(KEEP) +cancel  unchanged
 * </pre>
 * where +m is {@link Flatten} for FLATTEN, {@link RecordClosedElsewhere} for CORRECT, nothing for KEEP.
 */
public final class Transition {
    private Transition() {
    }

    /** The outcome of one command. */
    public sealed interface Outcome {
    }

    /** The switch changed: the new state and the effects to carry out, in order. */
    public record Changed(KillSwitch next, List<Effect> effects) implements Outcome {
    }

    /** Nothing changes; {@code reason} says why (shown to the operator). */
    public record Unchanged(KillSwitch current, String reason) implements Outcome {
    }

    /**
     * Applies {@code command} to {@code current} at {@code nowNanos} (UTC epoch ns). The new switch's version is
     * left at the current one's; the store numbers it.
     *
     * @throws IllegalArgumentException for a panic on another scope than the desk (a bug of the caller)
     */
    public static Outcome apply(KillSwitch current, SwitchCommand command, long nowNanos) {
        Scope scope = current.scope();
        SwitchState state = current.state();
        return switch (command) {
            case Halt h -> changed(current, SwitchState.HALTED, h.mode(), h, nowNanos, haltEffects(scope, h.mode()));
            case Reduce r -> state == SwitchState.REDUCING
                    ? new Unchanged(current, scope.label() + " is already REDUCING")
                    : changed(current, SwitchState.REDUCING, HaltMode.NONE, r, nowNanos, List.of());
            case Resume r -> state == SwitchState.ACTIVE
                    ? new Unchanged(current, scope.label() + " is already ACTIVE")
                    : changed(current, SwitchState.ACTIVE, HaltMode.NONE, r, nowNanos, List.of());
            case Panic p -> {
                if (scope.type() != ScopeType.DESK) throw new IllegalArgumentException("panic is for the desk: scope=" + scope);
                HaltMode mode = p.flatten() ? HaltMode.FLATTEN : HaltMode.KEEP;
                yield changed(current, SwitchState.HALTED, mode, p, nowNanos, haltEffects(scope, mode));
            }
            case CircuitBreak b -> {
                if (state.ordinal() >= b.target().ordinal()) {
                    yield new Unchanged(current, scope.label() + " is already " + state + ": a circuit breaker never loosens");
                }
                yield b.target() == SwitchState.HALTED
                        ? changed(current, SwitchState.HALTED, HaltMode.KEEP, b, nowNanos, List.of(new CancelWorkingOrders(scope)))
                        : changed(current, SwitchState.REDUCING, HaltMode.NONE, b, nowNanos, List.of());
            }
        };
    }

    private static List<Effect> haltEffects(Scope scope, HaltMode mode) {
        return switch (mode) {
            case FLATTEN -> List.of(new CancelWorkingOrders(scope), new Flatten(scope));
            case CORRECT -> List.of(new CancelWorkingOrders(scope), new RecordClosedElsewhere(scope));
            case KEEP -> List.of(new CancelWorkingOrders(scope));
            case NONE -> throw new IllegalArgumentException("halt without a mode");
        };
    }

    private static Changed changed(KillSwitch current, SwitchState state, HaltMode mode, SwitchCommand by, long nowNanos,
                                   List<Effect> effects) {
        return new Changed(new KillSwitch(current.scope(), state, mode, by.who(), by.why(), nowNanos, current.version()), effects);
    }
}
