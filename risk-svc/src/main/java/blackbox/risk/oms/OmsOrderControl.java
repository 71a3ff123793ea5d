package blackbox.risk.oms;

import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CancelOrderResponse;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.NotCanceled;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
import blackbox.risk.core.StrategyId;
import blackbox.risk.grpc.Callers;
import blackbox.risk.halt.CancelOutcome;
import blackbox.risk.halt.ClOrdId;
import blackbox.risk.halt.OrderControl;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.positions.PositionsReader;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@link OrderControl} over oms-svc's {@code blackbox.oms.v1.OrderManagement}:
 *
 * <ul>
 *   <li>{@link #workingOrders}: {@code ListOrders} of the scope (account, strategy, instrument, or every order for
 *       the desk) in the statuses an order still works in: PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_CANCEL,
 *       PENDING_REPLACE and UNKNOWN (oms-svc refuses to cancel an UNKNOWN order until it is reconciled: the halt then
 *       reports it with that reason);</li>
 *   <li>{@link #cancelAll}: one {@code CancelAll} for the scope (per desk for the desk scope), {@link #cancel}: one
 *       {@code CancelOrder}; the confirmations come from {@code StreamOrderEvents} ({@link #onEvent}): CANCELED
 *       confirms, CANCEL_REJECTED refuses with the venue's text, REJECTED or EXPIRED first ends the order otherwise.
 *       An order CancelAll skipped is refused with oms-svc's reason, except one whose cancel was already pending
 *       (its confirmation is awaited);</li>
 *   <li>{@link #flatten}: waits (bounded) until positions-svc reflects every order event this process saw, reads
 *       the scope's positions and submits one market order per non-zero position for its whole quantity, the
 *       opposite side, ClOrdID {@code RF-<epoch ns>-<n>}, with {@code risk_flatten} set (oms-svc lets it pass the kill
 *       switches, as long as it reduces the position).</li>
 * </ul>
 * Stages complete on {@code callbacks}, never on a gRPC thread (a halt's flatten blocks). Thread-safe.
 */
public final class OmsOrderControl implements OrderControl {
    /** The user risk-svc acts as at oms-svc (role {@code risk}). */
    public static final String USER = "risk-svc";
    /** The statuses of an order still working (or whose outcome is not known). */
    static final List<OrdStatus> WORKING = List.of(OrdStatus.ORD_STATUS_PENDING_NEW, OrdStatus.ORD_STATUS_NEW,
            OrdStatus.ORD_STATUS_PARTIALLY_FILLED, OrdStatus.ORD_STATUS_PENDING_CANCEL,
            OrdStatus.ORD_STATUS_PENDING_REPLACE, OrdStatus.ORD_STATUS_UNKNOWN);
    private static final int PAGE = 10_000;

    private final OrderManagementGrpc.OrderManagementStub async;
    private final OrderManagementGrpc.OrderManagementBlockingStub blocking;
    private final PositionsReader positions;
    private final LongSupplier eventsSeen;
    private final Duration deadline;
    private final Duration flattenSync;
    private final LongSupplier clock;
    private final Executor callbacks;
    private final Map<String, CompletableFuture<CancelOutcome>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> deskOf = new ConcurrentHashMap<>();
    private final AtomicLong flattenCount = new AtomicLong();

    /**
     * @param eventsSeen the sequence of the last oms-svc order event this process received ({@link OrderEventFeed})
     * @param deadline of every call to oms-svc and positions-svc
     * @param flattenSync how long a flatten waits for positions-svc to reach {@code eventsSeen}
     * @param clock UTC epoch nanoseconds, for the flatten orders' ClOrdIDs
     * @param callbacks completes the cancel stages
     */
    public OmsOrderControl(Channel oms, PositionsReader positions, LongSupplier eventsSeen, Duration deadline,
                           Duration flattenSync, LongSupplier clock, Executor callbacks) {
        ClientInterceptor asRisk = MetadataUtils.newAttachHeadersInterceptor(caller());
        this.async = OrderManagementGrpc.newStub(oms).withInterceptors(asRisk);
        this.blocking = OrderManagementGrpc.newBlockingStub(oms).withInterceptors(asRisk);
        this.positions = positions;
        this.eventsSeen = eventsSeen;
        this.deadline = deadline;
        this.flattenSync = flattenSync;
        this.clock = clock;
        this.callbacks = callbacks;
    }

    /**
     * The caller oms-svc records in its audit trail for the halts' cancels and zeroing orders: {@value #USER}, role
     * {@code risk} (the halt's own actor and reason are in risk-svc's audit; service identity is a later issue).
     */
    private static Metadata caller() {
        Metadata m = new Metadata();
        m.put(Callers.USER, USER);
        m.put(Callers.ROLES, "risk");
        return m;
    }

    /**
     * @throws StatusRuntimeException when oms-svc does not answer (the halt reports it)
     */
    @Override
    public List<WorkingOrder> workingOrders(Scope scope) {
        ListOrdersRequest.Builder request = ListOrdersRequest.newBuilder().addAllStatuses(WORKING).setLimit(PAGE);
        switch (scope.type()) {
            case DESK -> { }
            case STRATEGY -> request.setStrategyId(scope.key());
            case ACCOUNT -> request.addAccounts(scope.key());
            case INSTRUMENT -> request.setInstrument(OmsProtos.instrument(scope.instrumentId()));
            case ACCOUNT_INSTRUMENT -> request.addAccounts(scope.accountId().value())
                    .setInstrument(OmsProtos.instrument(scope.instrumentId()));
        }
        List<WorkingOrder> orders = new ArrayList<>();
        String page = "";
        do {
            ListOrdersResponse response = blocking.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .listOrders(request.setPageToken(page).build());
            for (Order o : response.getOrdersList()) {
                orders.add(working(o));
                deskOf.put(o.getClOrdId(), o.getDesk());
            }
            page = response.getNextPageToken();
        } while (!page.isEmpty());
        return orders;
    }

    @Override
    public CompletionStage<CancelOutcome> cancel(WorkingOrder order) {
        CompletableFuture<CancelOutcome> stage = awaitConfirmation(order.clOrdId());
        async.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).cancelOrder(
                CancelOrderRequest.newBuilder().setClOrdId(order.clOrdId().value()).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(CancelOrderResponse value) {
                        // PENDING_CANCEL: the venue's answer comes as an event
                    }

                    @Override
                    public void onError(Throwable t) {
                        Status s = Status.fromThrowable(t);
                        if (s.getCode() == Status.Code.NOT_FOUND || s.getCode() == Status.Code.FAILED_PRECONDITION) {
                            finish(order.clOrdId().value(), CancelOutcome.rejected(s.getDescription()));
                        } else {
                            fail(order.clOrdId().value(), t);
                        }
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return stage;
    }

    /**
     * One {@code CancelAll} per scope (the desk: per desk the listed orders belong to; an order without a desk is
     * cancelled alone).
     */
    @Override
    public Map<ClOrdId, CompletionStage<CancelOutcome>> cancelAll(Scope scope, List<WorkingOrder> orders) {
        Map<ClOrdId, CompletionStage<CancelOutcome>> stages = new LinkedHashMap<>();
        for (WorkingOrder o : orders) stages.put(o.clOrdId(), awaitConfirmation(o.clOrdId()));
        Map<String, List<WorkingOrder>> byRequest = new LinkedHashMap<>();
        List<WorkingOrder> alone = new ArrayList<>();
        for (WorkingOrder o : orders) {
            if (scope.type() != ScopeType.DESK) {
                byRequest.computeIfAbsent("", k -> new ArrayList<>()).add(o);
            } else {
                String desk = deskOf.getOrDefault(o.clOrdId().value(), "");
                if (desk.isEmpty()) alone.add(o);
                else byRequest.computeIfAbsent(desk, k -> new ArrayList<>()).add(o);
            }
        }
        for (Map.Entry<String, List<WorkingOrder>> group : byRequest.entrySet()) {
            CancelAllRequest request = scope.type() == ScopeType.DESK
                    ? CancelAllRequest.newBuilder().setDesk(group.getKey()).build() : cancelAllOf(scope);
            sendCancelAll(request, group.getValue());
        }
        for (WorkingOrder o : alone) {
            pending.remove(o.clOrdId().value());
            stages.put(o.clOrdId(), cancel(o));
        }
        return stages;
    }

    private void sendCancelAll(CancelAllRequest request, List<WorkingOrder> orders) {
        async.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).cancelAll(request, new StreamObserver<>() {
            @Override
            public void onNext(CancelAllResponse response) {
                Set<String> answered = new HashSet<>();
                for (Order o : response.getCancelingList()) answered.add(o.getClOrdId());
                for (NotCanceled skipped : response.getSkippedList()) {
                    answered.add(skipped.getClOrdId());
                    if (skipped.getOrdStatus() == OrdStatus.ORD_STATUS_PENDING_CANCEL) continue; // its answer will come
                    finish(skipped.getClOrdId(), CancelOutcome.rejected(skipped.getOrdStatus().name().replace("ORD_STATUS_", "")
                            + ": " + skipped.getReason()));
                }
                for (WorkingOrder o : orders) {
                    if (!answered.contains(o.clOrdId().value())) {
                        finish(o.clOrdId().value(), CancelOutcome.rejected("no longer open when the cancel-all ran"));
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                for (WorkingOrder o : orders) fail(o.clOrdId().value(), t);
            }

            @Override
            public void onCompleted() {
            }
        });
    }

    private static CancelAllRequest cancelAllOf(Scope scope) {
        CancelAllRequest.Builder b = CancelAllRequest.newBuilder();
        switch (scope.type()) {
            case STRATEGY -> b.setStrategyId(scope.key());
            case ACCOUNT -> b.setAccount(scope.key());
            case INSTRUMENT -> b.setInstrument(OmsProtos.instrument(scope.instrumentId()));
            case ACCOUNT_INSTRUMENT -> b.setAccount(scope.accountId().value()).setInstrument(OmsProtos.instrument(scope.instrumentId()));
            case DESK -> throw new IllegalArgumentException("the desk is cancelled per desk");
        }
        return b.build();
    }

    /**
     * An order event from {@link OrderEventFeed} (any thread): settles the pending cancel of its order, if any.
     */
    public void onEvent(OrderEvent event) {
        if (pending.isEmpty()) return;
        switch (event.getType()) {
            case ORDER_EVENT_TYPE_CANCELED -> finish(event.getClOrdId(), CancelOutcome.CONFIRMED);
            case ORDER_EVENT_TYPE_CANCEL_REJECTED -> finish(event.getClOrdId(), CancelOutcome.rejected(event.getText()));
            case ORDER_EVENT_TYPE_REJECTED, ORDER_EVENT_TYPE_EXPIRED -> finish(event.getClOrdId(), CancelOutcome.rejected(
                    "order " + event.getOrdStatus().name().replace("ORD_STATUS_", "") + " before the cancel: " + event.getText()));
            case ORDER_EVENT_TYPE_TRADE -> {
                if (event.getOrdStatus() == OrdStatus.ORD_STATUS_FILLED) {
                    finish(event.getClOrdId(), CancelOutcome.rejected("order FILLED before the cancel"));
                }
            }
            default -> { }
        }
    }

    /** Cancels still waiting for their answer. */
    public int pendingCancels() {
        return pending.size();
    }

    private CompletableFuture<CancelOutcome> awaitConfirmation(ClOrdId id) {
        CompletableFuture<CancelOutcome> stage = new CompletableFuture<>();
        CompletableFuture<CancelOutcome> previous = pending.put(id.value(), stage);
        if (previous != null) stage.whenComplete((o, e) -> previous.complete(o == null ? CancelOutcome.rejected(String.valueOf(e)) : o));
        return stage;
    }

    private void finish(String clOrdId, CancelOutcome outcome) {
        deskOf.remove(clOrdId);
        CompletableFuture<CancelOutcome> stage = pending.remove(clOrdId);
        if (stage != null) callbacks.execute(() -> stage.complete(outcome));
    }

    private void fail(String clOrdId, Throwable error) {
        deskOf.remove(clOrdId);
        CompletableFuture<CancelOutcome> stage = pending.remove(clOrdId);
        if (stage != null) callbacks.execute(() -> stage.completeExceptionally(error));
    }

    /**
     * Zeroing orders for the scope's positions: after positions-svc has caught up with the order events seen here
     * (or {@code flattenSync} passed), one market order per non-zero position. A strategy's positions are not kept
     * per strategy: nothing is sent and the description says so.
     *
     * @return one line per position: the order's ClOrdID, side, quantity, instrument, account and oms-svc's answer
     */
    @Override
    public List<String> flatten(Scope scope) {
        if (scope.type() == ScopeType.STRATEGY) {
            return List.of("not flattened: positions-svc keeps positions per account, not per strategy (" + scope.label() + ")");
        }
        PositionsReader.Snapshot snapshot = caughtUpPositions(scope);
        List<String> lines = new ArrayList<>();
        long stamp = clock.getAsLong();
        for (PositionsReader.Holding h : snapshot.holdings()) {
            if (h.quantity() == 0) continue;
            String id = "RF-" + stamp + "-" + flattenCount.incrementAndGet();
            Side side = h.quantity() > 0 ? Side.SELL : Side.BUY;
            long qty = Math.abs(h.quantity());
            String what = id + " " + side + " " + qty + " " + h.instrument() + " in " + h.account();
            try {
                SubmitOrderResponse r = blocking.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                        .submitOrder(SubmitOrderRequest.newBuilder().setClOrdId(id).setAccount(h.account().value())
                                .setInstrument(OmsProtos.instrument(h.instrument())).setSide(OmsProtos.side(side))
                                .setOrdType(OrdType.ORD_TYPE_MARKET).setOrderQty(qty).setRiskFlatten(true)
                                .setText("risk flatten of " + scope.label()).build());
                Order o = r.getOrder();
                lines.add(what + ": " + o.getOrdStatus().name().replace("ORD_STATUS_", "")
                        + (o.getText().isEmpty() ? "" : " (" + o.getText() + ")"));
            } catch (StatusRuntimeException e) {
                lines.add(what + ": not sent: " + e.getStatus());
            }
        }
        return lines;
    }

    private PositionsReader.Snapshot caughtUpPositions(Scope scope) {
        long wanted = eventsSeen.getAsLong();
        long until = System.nanoTime() + flattenSync.toNanos();
        PositionsReader.Snapshot snapshot = positions.positions(scope);
        while (snapshot.omsSequence() < wanted && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            snapshot = positions.positions(scope);
        }
        return snapshot;
    }

    private static WorkingOrder working(Order o) {
        StrategyId strategy = StrategyId.NONE;
        if (!o.getStrategyId().isEmpty()) {
            try {
                strategy = new StrategyId(o.getStrategyId());
            } catch (IllegalArgumentException e) {
                strategy = StrategyId.NONE; // a name risk-svc cannot key a scope by: the order is still cancelled
            }
        }
        return new WorkingOrder(new ClOrdId(o.getClOrdId()), new AccountId(o.getAccount()), strategy,
                new InstrumentId(o.getInstrument().getTicker(), o.getInstrument().getExchange()),
                o.getSide() == blackbox.oms.v1.Side.SIDE_SELL ? Side.SELL : Side.BUY, o.getLeavesQty());
    }
}
