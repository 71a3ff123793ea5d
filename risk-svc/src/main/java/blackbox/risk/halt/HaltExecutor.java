package blackbox.risk.halt;

import blackbox.risk.core.Scope;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.switches.Effect;
import blackbox.risk.switches.HaltMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries out a halt's effects through {@link OrderControl}: cancels every working order of the scope at once
 * ({@link OrderControl#cancelAll}: never waiting for one answer before sending the next), reports each confirmation, and once every cancel is
 * answered — or the timeout has passed, listing the unanswered ones — lists the scope's working orders once more and cancels
 * those it had not seen, then flattens (FLATTEN) and completes the report.
 *
 * <p>Why the second sweep: an order that passed oms-svc's gate just before the switch reached it can be committed
 * after the first listing (found by the e2e halt test: it stayed working after the halt). By the time the first
 * cancels are answered the halt has long reached oms-svc's gate, so the second listing holds every such order.
 *
 * <p>Time comes from the injected clock; {@link #expireOverdue()} must be called periodically (a scheduler every
 * 100 ms in the service; tests call it after advancing a fake clock). Thread-safe: outcomes may arrive on any thread.
 */
public final class HaltExecutor {
    private final OrderControl control;
    private final LongSupplier clock;
    private final long timeoutNanos;
    private final Consumer<RiskEvent> events;
    private final List<Run> running = new CopyOnWriteArrayList<>();

    /**
     * @param clock UTC epoch nanoseconds
     * @param cancelTimeout how long a cancel may stay unanswered before it is listed as unconfirmed
     * @param events receives each confirmation, rejection, the unconfirmed list and the completed report
     */
    public HaltExecutor(OrderControl control, LongSupplier clock, Duration cancelTimeout, Consumer<RiskEvent> events) {
        this.control = control;
        this.clock = clock;
        this.timeoutNanos = cancelTimeout.toNanos();
        this.events = events;
    }

    /**
     * Starts the effects of one transition on {@code scope}: the cancels are sent before this returns.
     *
     * @return completes with the report when the cancels are all answered or timed out and the mode is applied
     */
    public CompletableFuture<HaltReport> execute(Scope scope, HaltMode mode, List<Effect> effects) {
        boolean cancel = effects.stream().anyMatch(e -> e instanceof Effect.CancelWorkingOrders);
        boolean flatten = effects.stream().anyMatch(e -> e instanceof Effect.Flatten);
        boolean closedElsewhere = effects.stream().anyMatch(e -> e instanceof Effect.RecordClosedElsewhere);
        long started = clock.getAsLong();
        List<WorkingOrder> orders;
        try {
            orders = cancel ? control.workingOrders(scope) : List.of();
        } catch (RuntimeException e) {
            String why = "could not list the working orders of " + scope.label() + ": " + e.getMessage();
            events.accept(new RiskEvent.HaltFailed(clock.getAsLong(), scope, why));
            return CompletableFuture.failedFuture(new IllegalStateException(why, e));
        }
        Run run = new Run(scope, mode, orders, cancel, flatten, closedElsewhere, started, started + timeoutNanos);
        running.add(run);
        sendCancels(run, orders);
        run.allSent(clock.getAsLong());
        return run.report;
    }

    private void sendCancels(Run run, List<WorkingOrder> orders) {
        Map<ClOrdId, CompletionStage<CancelOutcome>> stages;
        try {
            stages = orders.isEmpty() ? Map.of() : control.cancelAll(run.scope, orders);
        } catch (RuntimeException e) {
            stages = Map.of();
            for (WorkingOrder order : orders) run.answered(order, null, e);
        }
        for (WorkingOrder order : orders) {
            CompletionStage<CancelOutcome> stage = stages.get(order.clOrdId());
            if (stage != null) stage.whenComplete((outcome, error) -> run.answered(order, outcome, error));
            else if (!stages.isEmpty()) run.answered(order, null, new IllegalStateException("no cancel was sent for " + order.clOrdId()));
        }
    }

    /** Lists the cancels unanswered past their timeout and completes those halts. Call periodically. */
    public void expireOverdue() {
        long now = clock.getAsLong();
        for (Run run : running) run.expireIfOverdue(now);
    }

    /** Halts whose cancels are still being answered. */
    public int inProgress() {
        return running.size();
    }

    private final class Run {
        final Scope scope;
        final HaltMode mode;
        final List<WorkingOrder> sent;
        final java.util.Set<ClOrdId> sentIds = new java.util.HashSet<>();
        final boolean cancel;
        final boolean flatten;
        final boolean closedElsewhere;
        final long started;
        final Map<ClOrdId, WorkingOrder> pending = new LinkedHashMap<>();
        final List<WorkingOrder> confirmed = new ArrayList<>();
        final List<HaltReport.Rejected> rejected = new ArrayList<>();
        final List<WorkingOrder> failed = new ArrayList<>();
        final CompletableFuture<HaltReport> report = new CompletableFuture<>();
        long lastSent;
        long deadline;
        boolean allSent;
        boolean swept;
        boolean finished;

        Run(Scope scope, HaltMode mode, List<WorkingOrder> orders, boolean cancel, boolean flatten, boolean closedElsewhere,
            long started, long deadline) {
            this.scope = scope;
            this.mode = mode;
            this.sent = new ArrayList<>(orders);
            this.cancel = cancel;
            this.flatten = flatten;
            this.closedElsewhere = closedElsewhere;
            this.started = started;
            this.deadline = deadline;
            for (WorkingOrder o : orders) {
                pending.put(o.clOrdId(), o);
                sentIds.add(o.clOrdId());
            }
        }

        void answered(WorkingOrder order, CancelOutcome outcome, Throwable error) {
            RiskEvent event;
            synchronized (this) {
                if (finished || pending.remove(order.clOrdId()) == null) return; // late answer after the timeout
                long now = clock.getAsLong();
                if (error != null) {
                    failed.add(order);
                    event = new RiskEvent.CancelRejected(now, scope, order, "cancel not sent: " + error);
                } else if (outcome.confirmed()) {
                    confirmed.add(order);
                    event = new RiskEvent.CancelConfirmed(now, scope, order);
                } else {
                    rejected.add(new HaltReport.Rejected(order, outcome.text()));
                    event = new RiskEvent.CancelRejected(now, scope, order, outcome.text());
                }
            }
            events.accept(event);
            finishIfDone(false);
        }

        void allSent(long now) {
            synchronized (this) {
                lastSent = now;
                allSent = true;
            }
            finishIfDone(false);
        }

        void expireIfOverdue(long now) {
            boolean overdue;
            synchronized (this) {
                overdue = now >= deadline;
            }
            if (overdue) finishIfDone(true);
        }

        /**
         * The second listing: orders committed after the first one get their cancels, with a fresh timeout. Runs off
         * the thread that answered the last cancel (a gRPC callback must not block on another call).
         */
        private void sweep(boolean timedOut) {
            List<WorkingOrder> late;
            try {
                late = control.workingOrders(scope);
            } catch (RuntimeException e) {
                events.accept(new RiskEvent.HaltFailed(clock.getAsLong(), scope,
                        "could not list the working orders of " + scope.label() + " again: " + e.getMessage()));
                late = List.of();
            }
            List<WorkingOrder> fresh = new ArrayList<>();
            synchronized (this) {
                for (WorkingOrder o : late) {
                    if (sentIds.add(o.clOrdId())) {
                        fresh.add(o);
                        sent.add(o);
                        pending.put(o.clOrdId(), o);
                    }
                }
                if (!fresh.isEmpty()) deadline = clock.getAsLong() + timeoutNanos;
            }
            if (!fresh.isEmpty()) {
                sendCancels(this, fresh);
                synchronized (this) {
                    lastSent = clock.getAsLong();
                }
            }
            // nothing new after a timeout: finish now with the unanswered listed (no further expireOverdue is due)
            finishIfDone(timedOut && fresh.isEmpty());
        }

        private void finishIfDone(boolean timedOut) {
            List<WorkingOrder> unconfirmed;
            synchronized (this) {
                if (finished || !allSent || (!pending.isEmpty() && !timedOut)) return;
                if (cancel && !swept) {
                    swept = true;
                    CompletableFuture.runAsync(() -> sweep(timedOut));
                    return;
                }
                finished = true;
                unconfirmed = List.copyOf(pending.values());
                pending.clear();
            }
            running.remove(this);
            if (!unconfirmed.isEmpty()) events.accept(new RiskEvent.CancelsUnconfirmed(clock.getAsLong(), scope, unconfirmed));
            List<String> flattened = List.of();
            try {
                if (flatten) flattened = List.copyOf(control.flatten(scope));
                HaltReport r;
                synchronized (this) {
                    r = new HaltReport(scope, mode, List.copyOf(sent), List.copyOf(confirmed), List.copyOf(rejected), unconfirmed,
                            List.copyOf(failed), flattened, closedElsewhere, started, lastSent, clock.getAsLong());
                }
                events.accept(new RiskEvent.HaltCompleted(r.finishedNanos(), r));
                report.complete(r);
            } catch (RuntimeException e) {
                events.accept(new RiskEvent.HaltFailed(clock.getAsLong(), scope, "flatten of " + scope.label() + " failed: " + e.getMessage()));
                report.completeExceptionally(e);
            }
        }
    }
}
