package blackbox.risk.service;

import blackbox.risk.core.LimitRow;
import blackbox.risk.core.Scope;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.halt.HaltExecutor;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.store.Actor;
import blackbox.risk.store.LimitChange;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.StoreUnavailableException;
import blackbox.risk.switches.CircuitBreaker;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.switches.SwitchState;
import blackbox.risk.switches.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * risk-svc's writer: changes limits and kill switches on behalf of an {@link Actor}, in this order — role check
 * ({@code risk} or {@code admin}), the pure {@link Transition}, PostgreSQL (state and audit in one transaction),
 * this process's view, the broadcast to every other view, then the halt's effects through {@link HaltExecutor}.
 *
 * <p>When PostgreSQL is away a restrictive command (halt, reduce, panic, circuit break) still takes effect in this
 * process and its cancels are sent — a halt never waits on storage — and the answer says it is not persisted;
 * a loosening command (resume, a limit change) is refused.
 *
 * <p>Thread-safe: switch commands are serialized.
 */
public final class RiskDesk {
    private final PgRiskStore store;
    private final RiskView view;
    private final ChangeBroadcast broadcast;
    private final HaltExecutor halts;
    private final LongSupplier clock;
    private final Consumer<RiskEvent> events;

    /** The answer to a change request. */
    public sealed interface Result {
    }

    /** Done. {@code halt} completes with the halt's report (already complete when there is nothing to cancel). */
    public record Done(Optional<KillSwitch> change, long version, CompletableFuture<Optional<HaltReport>> halt) implements Result {
    }

    /** Nothing to do (e.g. resume of an ACTIVE scope). */
    public record Unchanged(String reason) implements Result {
    }

    /** The actor lacks the role. */
    public record Forbidden(String reason) implements Result {
    }

    /** PostgreSQL is away: {@code inForceLocally} when a restrictive change was applied in this process anyway. */
    public record NotPersisted(String reason, boolean inForceLocally, CompletableFuture<Optional<HaltReport>> halt)
            implements Result {
    }

    /** The request is not valid (e.g. a kill switch at account×instrument). */
    public record Invalid(String reason) implements Result {
    }

    /**
     * @param clock UTC epoch nanoseconds
     */
    public RiskDesk(PgRiskStore store, RiskView view, ChangeBroadcast broadcast, HaltExecutor halts, LongSupplier clock,
                    Consumer<RiskEvent> events) {
        this.store = store;
        this.view = view;
        this.broadcast = broadcast;
        this.halts = halts;
        this.clock = clock;
        this.events = events;
    }

    /** Sets or clears limits in one change. */
    public Result setLimits(Actor actor, List<LimitChange> changes, String why) {
        if (!actor.mayChangeRisk()) return forbidden(actor, "change limits");
        if (changes.isEmpty()) return new Invalid("changes must not be empty");
        long now = clock.getAsLong();
        long version;
        try {
            version = store.setLimits(actor, changes, why, instant(now));
            view.onLimitsChanged(version);
        } catch (StoreUnavailableException e) {
            return new NotPersisted(e.getMessage(), false, CompletableFuture.completedFuture(Optional.empty()));
        }
        broadcast.publishLimits(version);
        for (LimitChange c : changes) {
            events.accept(c.value().isPresent()
                    ? RiskEvent.LimitChanged.set(now, new LimitRow(c.scope(), c.kind(), c.value().getAsLong()), actor.user(), why)
                    : new RiskEvent.LimitChanged(now, c.scope(), c.kind(), java.util.OptionalLong.empty(), actor.user(), why));
        }
        return new Done(Optional.empty(), version, CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Halt, Reduce, Resume or Panic (desk) on a scope. */
    public synchronized Result command(Actor actor, Scope scope, SwitchCommand command) {
        if (!actor.mayChangeRisk()) {
            return forbidden(actor, command instanceof SwitchCommand.Resume ? "resume a scope" : "change a kill switch");
        }
        if (!scope.type().hasSwitch()) return new Invalid("no kill switch at " + scope.type() + ": scope=" + scope);
        if (command instanceof SwitchCommand.Panic && !scope.equals(Scope.DESK)) return new Invalid("panic is for the desk: scope=" + scope);
        KillSwitch current = view.snapshot().switches().get(scope);
        long now = clock.getAsLong();
        return switch (Transition.apply(current, command, now)) {
            case Transition.Unchanged u -> new Unchanged(u.reason());
            case Transition.Changed c -> carryOut(actor, action(command), current, c, now);
        };
    }

    /** The panic button: desk HALTED, every working order cancelled, positions flattened if asked. */
    public Result panic(Actor actor, boolean flatten, String why) {
        return command(actor, Scope.DESK, new SwitchCommand.Panic(flatten, actor.user(), why));
    }

    /** Applies a circuit breaker's trip. */
    public Result trip(CircuitBreaker.Trip trip) {
        return command(Actor.system(SwitchCommand.CircuitBreak.WHO), trip.scope(), trip.command());
    }

    private Result carryOut(Actor actor, String action, KillSwitch before, Transition.Changed c, long now) {
        boolean restrictive = c.next().state().ordinal() > before.state().ordinal()
                || c.next().state() == SwitchState.HALTED;
        KillSwitch saved;
        try {
            saved = store.saveSwitch(actor, action, before, c.next(), instant(now));
        } catch (StoreUnavailableException e) {
            if (!restrictive) return new NotPersisted(e.getMessage(), false, CompletableFuture.completedFuture(Optional.empty()));
            view.overlay(c.next());
            events.accept(new RiskEvent.NotPersisted(now, c.next().scope(), action + " in force in this process only: " + e.getMessage()));
            return new NotPersisted(e.getMessage(), true, effects(c));
        }
        try {
            view.onSwitch(saved);
        } catch (StoreUnavailableException e) {
            view.overlay(saved); // the gap re-read failed: keep the change in force here
        }
        broadcast.publishSwitch(saved);
        events.accept(new RiskEvent.SwitchChanged(now, saved));
        return new Done(Optional.of(saved), saved.version(), effects(c));
    }

    private CompletableFuture<Optional<HaltReport>> effects(Transition.Changed c) {
        if (c.effects().isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        return halts.execute(c.next().scope(), c.next().mode(), c.effects()).thenApply(Optional::of);
    }

    private static String action(SwitchCommand command) {
        return switch (command) {
            case SwitchCommand.Halt h -> "HALT";
            case SwitchCommand.Reduce r -> "REDUCE";
            case SwitchCommand.Resume r -> "RESUME";
            case SwitchCommand.Panic p -> "PANIC";
            case SwitchCommand.CircuitBreak b -> "CIRCUIT_BREAK";
        };
    }

    private static Forbidden forbidden(Actor actor, String what) {
        return new Forbidden("to " + what + " needs role risk or admin: user=" + actor.user() + " roles=[" + actor.rolesText() + "]");
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
