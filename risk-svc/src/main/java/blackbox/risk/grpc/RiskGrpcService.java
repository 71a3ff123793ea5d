package blackbox.risk.grpc;

import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;
import static blackbox.risk.grpc.RiskProtos.invalid;

import blackbox.platform.grpc.FlowControlledStream;
import blackbox.risk.core.Decision;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.Scope;
import blackbox.risk.events.RiskEventHub;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.service.RiskDesk;
import blackbox.risk.service.RiskGate;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.Actor;
import blackbox.risk.store.LimitChange;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.StoreUnavailableException;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.v1.CheckOrderRequest;
import blackbox.risk.v1.CheckOrderResponse;
import blackbox.risk.v1.GetLimitsRequest;
import blackbox.risk.v1.GetLimitsResponse;
import blackbox.risk.v1.GetSwitchesRequest;
import blackbox.risk.v1.GetSwitchesResponse;
import blackbox.risk.v1.HaltRequest;
import blackbox.risk.v1.PanicRequest;
import blackbox.risk.v1.ReduceRequest;
import blackbox.risk.v1.ResumeRequest;
import blackbox.risk.v1.RiskEvent;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.SetLimitsRequest;
import blackbox.risk.v1.SetLimitsResponse;
import blackbox.risk.v1.StreamRiskEventsRequest;
import blackbox.risk.v1.SwitchChangeResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * {@code blackbox.risk.v1.Risk}. Requests are validated at the edge (INVALID_ARGUMENT naming field and value);
 * the caller comes from {@link Callers} (UNAUTHENTICATED when a mutating call has no user, PERMISSION_DENIED naming
 * the role needed); PostgreSQL away is UNAVAILABLE. Build the server with {@link Callers#interceptor()}.
 */
public final class RiskGrpcService extends RiskGrpc.RiskImplBase {
    private static final int EVENT_BUFFER = 10_000;

    private final RiskGate gate;
    private final RiskDesk desk;
    private final RiskView view;
    private final PgRiskStore store;
    private final RiskEventHub events;
    private final LongSupplier clock;
    private final ZoneId exchangeZone;
    private final Executor streams;

    /**
     * @param clock UTC epoch nanoseconds (CheckOrder requests without {@code now_nanos})
     * @param exchangeZone the exchange's zone ({@code America/Sao_Paulo})
     * @param streams sends StreamRiskEvents messages
     */
    public RiskGrpcService(RiskGate gate, RiskDesk desk, RiskView view, PgRiskStore store, RiskEventHub events,
                           LongSupplier clock, ZoneId exchangeZone, Executor streams) {
        this.gate = gate;
        this.desk = desk;
        this.view = view;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.exchangeZone = exchangeZone;
        this.streams = streams;
    }

    @Override
    public void checkOrder(CheckOrderRequest request, StreamObserver<CheckOrderResponse> response) {
        guarded(response, () -> {
            if (!request.hasOrder()) throw invalid("order is required");
            if (!request.hasContext() && !request.getOrder().getCancel()) throw invalid("context is required");
            Decision d = request.getOrder().getCancel() ? Decision.ACCEPT : gate.check(RiskProtos.order(request.getOrder()),
                    RiskProtos.context(request.getContext(), clock.getAsLong(), exchangeZone));
            reply(response, CheckOrderResponse.newBuilder().setAccepted(d.accepted()).setReason(d.reason().name())
                    .setMessage(d.message()).build());
        });
    }

    @Override
    public void getLimits(GetLimitsRequest request, StreamObserver<GetLimitsResponse> response) {
        guarded(response, () -> {
            Optional<Scope> only = Optional.empty();
            boolean typeOnly = request.hasScope() && request.getScope().getKey().isEmpty()
                    && request.getScope().getType() != blackbox.risk.v1.ScopeType.SCOPE_TYPE_DESK;
            if (request.hasScope() && !typeOnly) only = Optional.of(RiskProtos.scope("scope", request.getScope()));
            try {
                GetLimitsResponse.Builder b = GetLimitsResponse.newBuilder();
                for (var l : store.limits()) {
                    if (only.isPresent() && !l.row().scope().equals(only.get())) continue;
                    if (typeOnly && !RiskProtos.scope(l.row().scope()).getType().equals(request.getScope().getType())) continue;
                    b.addLimits(RiskProtos.limit(l));
                }
                reply(response, b.build());
            } catch (StoreUnavailableException e) {
                throw Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
            }
        });
    }

    @Override
    public void setLimits(SetLimitsRequest request, StreamObserver<SetLimitsResponse> response) {
        guarded(response, () -> {
            Actor actor = actor();
            if (request.getReason().isBlank()) throw invalid("reason is required");
            List<LimitChange> changes = new ArrayList<>();
            for (int i = 0; i < request.getChangesCount(); i++) {
                var c = request.getChanges(i);
                String f = "changes[" + i + "]";
                Scope scope = RiskProtos.scope(f + ".scope", c.getScope());
                LimitKind kind = RiskProtos.kind(f + ".kind", c.getKind());
                changes.add(c.getValue().isEmpty() ? LimitChange.clear(scope, kind)
                        : LimitChange.set(scope, kind, RiskProtos.limitValue(f + ".value", kind, c.getValue())));
            }
            RiskDesk.Result r = desk.setLimits(actor, changes, request.getReason());
            if (r instanceof RiskDesk.Done done) {
                reply(response, SetLimitsResponse.newBuilder().setVersion(done.version()).build());
            } else {
                throw failure(r);
            }
        });
    }

    @Override
    public void getSwitches(GetSwitchesRequest request, StreamObserver<GetSwitchesResponse> response) {
        guarded(response, () -> {
            var snap = view.snapshot();
            GetSwitchesResponse.Builder b = GetSwitchesResponse.newBuilder().setStateKnown(snap.known())
                    .setUnknownReason(snap.unknownBecause());
            snap.switches().restricted().forEach(k -> b.addSwitches(RiskProtos.killSwitch(k)));
            reply(response, b.build());
        });
    }

    @Override
    public void halt(HaltRequest request, StreamObserver<SwitchChangeResponse> response) {
        guarded(response, () -> {
            Actor actor = actor();
            Scope scope = switchScope(request.getScope());
            if (request.getReason().isBlank()) throw invalid("reason is required");
            answer(response, desk.command(actor, scope, new SwitchCommand.Halt(RiskProtos.mode("mode", request.getMode()),
                    actor.user(), request.getReason())), request.getWaitForReport());
        });
    }

    @Override
    public void reduce(ReduceRequest request, StreamObserver<SwitchChangeResponse> response) {
        guarded(response, () -> {
            Actor actor = actor();
            Scope scope = switchScope(request.getScope());
            if (request.getReason().isBlank()) throw invalid("reason is required");
            answer(response, desk.command(actor, scope, new SwitchCommand.Reduce(actor.user(), request.getReason())), false);
        });
    }

    @Override
    public void resume(ResumeRequest request, StreamObserver<SwitchChangeResponse> response) {
        guarded(response, () -> {
            Actor actor = actor();
            Scope scope = switchScope(request.getScope());
            if (request.getReason().isBlank()) throw invalid("reason is required");
            answer(response, desk.command(actor, scope, new SwitchCommand.Resume(actor.user(), request.getReason())), false);
        });
    }

    @Override
    public void panic(PanicRequest request, StreamObserver<SwitchChangeResponse> response) {
        guarded(response, () -> {
            Actor actor = actor();
            if (request.getReason().isBlank()) throw invalid("reason is required");
            answer(response, desk.panic(actor, request.getFlatten(), request.getReason()), request.getWaitForReport());
        });
    }

    @Override
    public void streamRiskEvents(StreamRiskEventsRequest request, StreamObserver<RiskEvent> response) {
        ServerCallStreamObserver<RiskEvent> observer = (ServerCallStreamObserver<RiskEvent>) response;
        FlowControlledStream<RiskEvent, Void> stream = new FlowControlledStream<>(observer, EVENT_BUFFER, 1, Void.class,
                batch -> { throw new IllegalStateException("no batches"); }, streams);
        Runnable unsubscribe = events.subscribe(e -> {
            if (stream.offer(RiskProtos.event(e))) stream.signal();
        });
        stream.onCancel(unsubscribe);
        var snap = view.snapshot(); // the first message: whether the state is known now
        stream.offer(RiskEvent.newBuilder().setTsNanos(clock.getAsLong()).setState(blackbox.risk.v1.StateKnown.newBuilder()
                .setKnown(snap.known()).setReason(snap.unknownBecause())).build());
        stream.signal();
    }

    private void answer(StreamObserver<SwitchChangeResponse> response, RiskDesk.Result r, boolean waitForReport) {
        switch (r) {
            case RiskDesk.Done d -> {
                SwitchChangeResponse.Builder b = SwitchChangeResponse.newBuilder().setChanged(true);
                d.change().ifPresent(k -> b.setSwitch(RiskProtos.killSwitch(k)));
                if (waitForReport) report(d.halt()).ifPresent(rep -> b.setReport(RiskProtos.report(rep)));
                reply(response, b.build());
            }
            case RiskDesk.Unchanged u -> reply(response, SwitchChangeResponse.newBuilder().setChanged(false)
                    .setUnchangedReason(u.reason()).build());
            default -> throw failure(r);
        }
    }

    private static Optional<HaltReport> report(java.util.concurrent.CompletableFuture<Optional<HaltReport>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted waiting for the halt report").asRuntimeException();
        } catch (ExecutionException e) {
            throw Status.INTERNAL.withDescription("halt failed: " + e.getCause()).asRuntimeException();
        }
    }

    private static StatusRuntimeException failure(RiskDesk.Result r) {
        return switch (r) {
            case RiskDesk.Forbidden f -> Status.PERMISSION_DENIED.withDescription(f.reason()).asRuntimeException();
            case RiskDesk.Invalid i -> invalid(i.reason());
            case RiskDesk.NotPersisted n -> Status.UNAVAILABLE.withDescription((n.inForceLocally()
                    ? "in force locally, not persisted: " : "nothing changed: ") + n.reason()).asRuntimeException();
            case RiskDesk.Unchanged u -> Status.FAILED_PRECONDITION.withDescription(u.reason()).asRuntimeException();
            case RiskDesk.Done d -> throw new IllegalStateException("not a failure");
        };
    }

    private static Scope switchScope(blackbox.risk.v1.Scope s) {
        Scope scope = RiskProtos.scope("scope", s);
        if (!scope.type().hasSwitch()) throw invalid("no kill switch at ACCOUNT_INSTRUMENT: scope.type=" + s.getType());
        return scope;
    }

    private static Actor actor() {
        return Callers.current().orElseThrow(() -> Status.UNAUTHENTICATED
                .withDescription("missing " + Callers.USER_HEADER + " header").asRuntimeException());
    }
}
