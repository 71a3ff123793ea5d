package blackbox.oms.grpc;

import blackbox.oms.api.CancelScope;
import blackbox.oms.api.Caller;
import blackbox.oms.api.OrderRequests;
import blackbox.oms.api.Protos;
import blackbox.oms.api.QueryRequests;
import blackbox.oms.api.Validated;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Outcome;
import blackbox.oms.engine.AccountGates;
import blackbox.oms.store.ApplyResult;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.CreateResult;
import blackbox.oms.store.OrderRow;
import blackbox.oms.store.StoredEvent;
import blackbox.oms.store.StoredOrder;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CancelOrderResponse;
import blackbox.oms.v1.NotCanceled;
import blackbox.oms.v1.ReplaceOrderRequest;
import blackbox.oms.v1.ReplaceOrderResponse;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * SubmitOrder, ReplaceOrder, CancelOrder and CancelAll: validate, admit the account (its gate), check pre-trade risk,
 * persist through the writer — and only once the commit is done, answer and send to the gateway. Each answers
 * asynchronously when its transaction commits; nothing here blocks but a new order waiting for its account's gate.
 */
final class OrderCommands {
    private final Parts p;
    private final Calls calls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-cancel-all-timer");
        t.setDaemon(true);
        return t;
    });

    OrderCommands(Parts parts, Calls calls) {
        this.p = parts;
        this.calls = calls;
    }

    void submit(SubmitOrderRequest r, StreamObserver<SubmitOrderResponse> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "SubmitOrder", r.getClOrdId(), "", r.getAccount(), r);
        Validated<Order> v = OrderRequests.submit(r, caller, p.accounts(), p.instruments(), p.zone());
        if (!(v instanceof Validated.Valid<Order> valid)) {
            calls.fail(out, audit, v.status());
            return;
        }
        Order order = valid.value();
        if (order.spec().algorithm().kind() != blackbox.oms.core.Algorithm.Kind.FULL) {
            submitParent(order, audit, out);
            return;
        }
        OrderRow known = p.writer().open().get(order.clOrdId());
        if (known != null) {
            // a retry of a working order: answered as stored, with neither gate nor risk
            p.writer().create(order, null, audit).whenComplete((res, err) -> answer(out, audit, order, res, err, false));
            return;
        }
        if (r.getRiskFlatten()) {
            Optional<String> why = p.preTrade().notReducing(order);
            if (why.isPresent()) {
                calls.fail(out, audit, Status.FAILED_PRECONDITION.withDescription(why.get()));
                return;
            }
        }
        Optional<AccountGates.Closed> closed = admit(List.of(order.spec().account()));
        if (closed.isPresent()) {
            calls.fail(out, audit, closedStatus(closed.get()));
            return;
        }
        Optional<OrderEvent.Denied> denied = p.preTrade().check(order, r.getRiskFlatten());
        p.writer().create(order, denied.orElse(null), audit).whenComplete((res, err) -> answer(out, audit, order, res, err, true));
    }

    /**
     * An algorithm order: its parent persisted WORKING (never sent itself) and started; its children pass the account
     * gate and pre-trade risk one by one as they are made. A retried cl_ord_id answers the parent as stored.
     */
    private void submitParent(Order order, AuditCommand audit, StreamObserver<SubmitOrderResponse> out) {
        if (p.writer().open().containsKey(order.clOrdId()) || p.orders().find(order.clOrdId()).isPresent()) {
            calls.fail(out, audit, Status.ALREADY_EXISTS.withDescription("cl_ord_id is already an order (not an algorithm parent):"
                    + " cl_ord_id=\"" + order.clOrdId() + "\""));
            return;
        }
        long lot = p.instruments().find(order.spec().instrument()).orElseThrow().lot();
        var submitted = p.algos().submit(blackbox.oms.algo.Parents.profiled(
                blackbox.oms.algo.Parents.of(order, lot, p.algoClock().getAsLong()), p.profiles()));
        p.audit().append(audit, submitted.created() ? "OK: parent" : "DUPLICATE");
        var view = p.algos().view(order.clOrdId()).orElseThrow();
        Calls.reply(out, SubmitOrderResponse.newBuilder().setOrder(blackbox.oms.api.AlgoProtos.parent(view))
                .setDuplicate(!submitted.created()).build());
    }

    private void answer(StreamObserver<SubmitOrderResponse> out, AuditCommand audit, Order order, CreateResult res,
                        Throwable err, boolean admitted) {
        boolean sending = err == null && res.kind() == CreateResult.Kind.CREATED && res.order().order().status() == OrdStatus.PENDING_NEW;
        if (!sending) {
            p.exposure().release(order);
            if (admitted) p.gates().release(order.spec().account());
        }
        if (err != null) {
            out.onError(Calls.status(err).asRuntimeException());
            return;
        }
        switch (res.kind()) {
            case CREATED -> {
                if (sending) p.sender().send(res.order().order());
                Calls.reply(out, SubmitOrderResponse.newBuilder().setOrder(Protos.order(res.order())).build());
            }
            case DUPLICATE -> Calls.reply(out, SubmitOrderResponse.newBuilder().setOrder(Protos.order(res.order()))
                    .setDuplicate(true).build());
            case CONFLICT -> out.onError(Status.ALREADY_EXISTS.withDescription("cl_ord_id is already an order with other"
                    + " parameters: cl_ord_id=\"" + order.clOrdId() + "\": " + res.conflict()).asRuntimeException());
        }
    }

    private Optional<AccountGates.Closed> admit(List<blackbox.platform.domain.AccountId> accounts) {
        try {
            return p.gates().admit(accounts, p.gateWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted while waiting for the account").asRuntimeException();
        }
    }

    static Status closedStatus(AccountGates.Closed closed) {
        return (closed.state() == AccountGates.State.REFUSED ? Status.FAILED_PRECONDITION : Status.UNAVAILABLE)
                .withDescription(closed.message());
    }

    /** The order as the writer has it (open) or as stored; NOT_FOUND otherwise. */
    private StoredOrder find(ClOrdId id) {
        OrderRow row = p.writer().open().get(id);
        if (row != null) return row.stored();
        return p.orders().find(id).orElseThrow(() -> Status.NOT_FOUND.withDescription("no order with cl_ord_id=\"" + id + "\"")
                .asRuntimeException());
    }

    void replace(ReplaceOrderRequest r, StreamObserver<ReplaceOrderResponse> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "ReplaceOrder", r.getClOrdId(), "", "", r);
        Validated<ClOrdId> id = OrderRequests.cancel(CancelOrderRequest.newBuilder().setClOrdId(r.getClOrdId()).build());
        if (!(id instanceof Validated.Valid<ClOrdId> validId)) {
            calls.fail(out, audit, id.status());
            return;
        }
        StoredOrder current;
        try {
            current = find(validId.value());
        } catch (io.grpc.StatusRuntimeException e) {
            calls.fail(out, audit, e.getStatus());
            return;
        }
        Validated<OrderEvent.ReplaceRequested> v = OrderRequests.replace(r, current.order(), caller, p.instruments());
        if (!(v instanceof Validated.Valid<OrderEvent.ReplaceRequested> change)) {
            calls.fail(out, audit, v.status());
            return;
        }
        OrderEvent.ReplaceRequested c = change.value();
        Optional<String> denied = p.preTrade().checkChange(current.order(), c.orderQty(), c.price(), c.stopPrice());
        if (denied.isPresent()) {
            calls.fail(out, audit, Status.FAILED_PRECONDITION.withDescription("change denied by pre-trade risk: " + denied.get()));
            return;
        }
        p.writer().apply(validId.value(), c, audit).whenComplete((res, err) -> {
            if (err != null) {
                out.onError(Calls.status(err).asRuntimeException());
                return;
            }
            ApplyResult a = res.orElseThrow();
            if (a.outcome() instanceof Outcome.Applied) {
                p.sender().replace(a.order().order(), c);
                Calls.reply(out, ReplaceOrderResponse.newBuilder().setOrder(Protos.order(a.order())).build());
            } else {
                out.onError(refused(a).asRuntimeException());
            }
        });
    }

    private static Status refused(ApplyResult a) {
        return Status.FAILED_PRECONDITION.withDescription(switch (a.outcome()) {
            case Outcome.Refused r -> r.code().text() + ": cl_ord_id=\"" + a.order().order().clOrdId() + "\", status=" + r.status();
            case Outcome.Ignored i -> i.reason().reason() + ": cl_ord_id=\"" + a.order().order().clOrdId() + "\"";
            case Outcome.Applied x -> "applied";
        });
    }

    void cancel(CancelOrderRequest r, StreamObserver<CancelOrderResponse> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "CancelOrder", r.getClOrdId(), "", "", r);
        Validated<ClOrdId> id = OrderRequests.cancel(r);
        if (!(id instanceof Validated.Valid<ClOrdId> valid)) {
            calls.fail(out, audit, id.status());
            return;
        }
        if (!p.writer().open().containsKey(valid.value()) && p.orders().find(valid.value()).isEmpty()
                && p.algos().cancel(valid.value(), "cancelled by " + caller.user().value())) {
            // an algorithm's parent: it stops making children and its working children are cancelled
            p.audit().append(audit, "OK: parent");
            Calls.reply(out, CancelOrderResponse.newBuilder().setOrder(blackbox.oms.api.AlgoProtos.parent(
                    p.algos().view(valid.value()).orElseThrow())).build());
            return;
        }
        p.writer().apply(valid.value(), new OrderEvent.CancelRequested(caller.nowNanos(), caller.nowNanos()), audit)
                .whenComplete((res, err) -> {
                    if (err != null) {
                        out.onError(Calls.status(err).asRuntimeException());
                    } else if (res.isEmpty()) {
                        out.onError(Status.NOT_FOUND.withDescription("no order with cl_ord_id=\"" + valid.value() + "\"").asRuntimeException());
                    } else if (res.get().outcome() instanceof Outcome.Applied) {
                        p.sender().cancel(res.get().order().order());
                        Calls.reply(out, CancelOrderResponse.newBuilder().setOrder(Protos.order(res.get().order())).build());
                    } else {
                        out.onError(refused(res.get()).asRuntimeException());
                    }
                });
    }

    /**
     * Every open order of the scope: a CancelRequested each (the writer commits them together), then every cancel sent
     * pipelined; the answer when all are sent — or, with confirm_timeout_millis, when all are confirmed or the time is
     * up (the unconfirmed ones listed).
     */
    void cancelAll(CancelAllRequest r, StreamObserver<CancelAllResponse> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "CancelAll", "", r.getBlockId(), r.getAccount(), r);
        Validated<CancelScope> v = QueryRequests.cancelAll(r);
        if (!(v instanceof Validated.Valid<CancelScope> valid)) {
            calls.fail(out, audit, v.status());
            return;
        }
        CancelScope scope = valid.value();
        List<Order> targets = new ArrayList<>();
        CancelAllResponse.Builder answer = CancelAllResponse.newBuilder();
        for (OrderRow row : p.writer().open().values()) {
            Order o = row.stored().order();
            if (!scope.matches(o)) continue;
            String skip = switch (o.status()) {
                case UNKNOWN -> "outcome unknown: reconcile before cancelling";
                case PENDING_CANCEL -> "a cancel is already pending";
                case PENDING_REPLACE -> "a replace is pending: cancel once it is answered";
                default -> null;
            };
            if (skip != null) answer.addSkipped(notCanceled(o, skip));
            else targets.add(o);
        }
        targets.sort(Comparator.comparing(Order::clOrdId));
        long now = caller.nowNanos();
        Set<ClOrdId> watched = ConcurrentHashMap.newKeySet();
        Map<ClOrdId, String> outcome = new ConcurrentHashMap<>();
        Consumer<StoredEvent> watcher = e -> {
            if (!watched.contains(e.clOrdId())) return;
            if (e.status() == OrdStatus.CANCELED || e.status().isFinal()) outcome.put(e.clOrdId(), e.status() == OrdStatus.CANCELED ? "" : "ended " + e.status());
            else if (e.type() == blackbox.oms.core.EventType.CANCEL_REJECTED) outcome.put(e.clOrdId(), "cancel rejected: " + e.text());
        };
        long timeout = r.getConfirmTimeoutMillis();
        if (timeout > 0) p.hub().subscribe(watcher);
        List<CompletableFuture<Optional<ApplyResult>>> applied = new ArrayList<>(targets.size());
        for (Order o : targets) {
            watched.add(o.clOrdId());
            applied.add(p.writer().apply(o.clOrdId(), new OrderEvent.CancelRequested(now, now), null));
        }
        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).whenComplete((x, err) -> {
            Map<ClOrdId, StoredOrder> canceling = new HashMap<>();
            for (int i = 0; i < applied.size(); i++) {
                Optional<ApplyResult> res = applied.get(i).isCompletedExceptionally() ? Optional.empty() : applied.get(i).join();
                if (res.isPresent() && res.get().outcome() instanceof Outcome.Applied) {
                    p.sender().cancel(res.get().order().order());
                    canceling.put(targets.get(i).clOrdId(), res.get().order());
                    answer.addCanceling(Protos.order(res.get().order()));
                } else {
                    watched.remove(targets.get(i).clOrdId());
                    answer.addSkipped(notCanceled(targets.get(i), res.map(a -> refused(a).getDescription())
                            .orElse("not persisted")));
                }
            }
            p.audit().append(audit, "OK: " + canceling.size() + " cancels sent, " + answer.getSkippedCount() + " skipped");
            if (timeout <= 0) {
                Calls.reply(out, answer.build());
                return;
            }
            awaitConfirmations(canceling, outcome, timeout, () -> {
                p.hub().unsubscribe(watcher);
                for (Map.Entry<ClOrdId, StoredOrder> e : canceling.entrySet()) {
                    String o = outcome.get(e.getKey());
                    if (o == null) {
                        answer.addUnconfirmed(notCanceled(e.getValue().order(), "not confirmed within " + timeout + " ms"));
                    } else if (!o.isEmpty()) {
                        answer.addUnconfirmed(notCanceled(e.getValue().order(), o));
                    }
                }
                Calls.reply(out, answer.build());
            });
        });
    }

    private void awaitConfirmations(Map<ClOrdId, StoredOrder> canceling, Map<ClOrdId, String> outcome, long timeoutMillis,
                                    Runnable then) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (outcome.keySet().containsAll(canceling.keySet()) || System.nanoTime() >= deadline) then.run();
            else timer.schedule(poll[0], 5, TimeUnit.MILLISECONDS);
        };
        poll[0].run();
    }

    private static NotCanceled notCanceled(Order o, String reason) {
        return NotCanceled.newBuilder().setClOrdId(o.clOrdId().value())
                .setOrdStatus(blackbox.oms.api.Enums.ordStatus(o.status()))
                .setReason(reason).build();
    }

    void close() {
        timer.shutdownNow();
    }
}
