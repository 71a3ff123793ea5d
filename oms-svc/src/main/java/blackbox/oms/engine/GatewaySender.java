package blackbox.oms.engine;

import blackbox.gateway.v1.CancelOrderResponse;
import blackbox.gateway.v1.CancelOrderResult;
import blackbox.gateway.v1.CancelOrdersRequest;
import blackbox.gateway.v1.CancelOrdersResponse;
import blackbox.gateway.v1.ReplaceOrderResponse;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.SendOrderResult;
import blackbox.gateway.v1.SendOrdersRequest;
import blackbox.gateway.v1.SendOrdersResponse;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.gateway.GatewayOrders;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders, cancels and changes to the gateway with the async stub, each call with a deadline: orders in
 * {@code SendOrders} batches and cancels in {@code CancelOrders} batches (each: at most {@link #MAX_BATCH_CALLS} calls of
 * {@link #MAX_BATCH} and {@code maxInFlight} in flight, the others queued in order, gathering into the next batch),
 * changes one call each (at most {@code maxInFlight} calls in flight; more wait in a queue, in order). The send's answer becomes an event through the writer: the DLL's
 * ids (Sent, or Accepted/Rejected as the answer says). A send the gateway refused before sending (INVALID_ARGUMENT,
 * FAILED_PRECONDITION: routing down, ...) is REJECTED with the gateway's message; any other failure or a deadline makes
 * the order UNKNOWN — never re-sent — and the account is put in doubt (the writer's listener, on OUTCOME_UNKNOWN).
 * The account's admission permit is released once the answer's event is committed.
 *
 * <p>Thread-safe; answers arrive on gRPC's threads.
 */
public final class GatewaySender {
    private static final Logger log = LoggerFactory.getLogger(GatewaySender.class);
    /** Codes with which the gateway answers before anything reaches the DLL (trading.proto): nothing was sent. */
    private static final Set<Status.Code> NOT_SENT = EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.FAILED_PRECONDITION,
            Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.UNIMPLEMENTED,
            Status.Code.OUT_OF_RANGE);

    private final TradingGrpc.TradingStub stub;
    private final OrderWriter writer;
    private final AccountGates gates;
    private final Function<blackbox.platform.domain.AccountId, ClientAccount> accounts;
    private final int maxInFlight;
    private final Duration deadline;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Orders in one SendOrders call at most. */
    static final int MAX_BATCH = 256;
    /** SendOrders calls in flight at most; the orders that come meanwhile wait for the next batch. */
    static final int MAX_BATCH_CALLS = 4;
    private final BatchPipeline<Order> sends;
    private final BatchPipeline<Order> cancels;
    private final Object slots = new Object();
    private int inFlight; // guarded by slots
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private volatile long lastSentNanos;

    /**
     * @param accounts the DLL account of a client account
     * @param clock UTC epoch ns (the events' tsInit)
     */
    public GatewaySender(TradingGrpc.TradingStub stub, OrderWriter writer, AccountGates gates,
                         Function<blackbox.platform.domain.AccountId, ClientAccount> accounts, int maxInFlight,
                         Duration deadline, LongSupplier clock) {
        this.stub = stub;
        this.writer = writer;
        this.gates = gates;
        this.accounts = accounts;
        this.maxInFlight = maxInFlight;
        this.deadline = deadline;
        this.clock = clock;
        this.sends = new BatchPipeline<>(MAX_BATCH_CALLS, MAX_BATCH, maxInFlight, this::sendBatch);
        this.cancels = new BatchPipeline<>(MAX_BATCH_CALLS, MAX_BATCH, maxInFlight, this::cancelBatch);
    }

    /**
     * Sends a persisted PENDING_NEW order whose account permit the caller holds (released after the answer): queued,
     * and sent in the next {@code SendOrders} batch. Returns at once; any thread.
     */
    public void send(Order order) {
        sends.add(order);
    }

    /**
     * One {@code SendOrders} call for a batch of queued orders. While calls are out, the next orders gather into the
     * next batch: one call per batch instead of one per order, on both sides of the connection (the gRPC cost per call
     * was most of oms-svc's and the gateway's CPU per order, bench/README.md "oms-svc as it runs").
     */
    private void sendBatch(List<Order> batch) {
        try {
            SendOrdersRequest.Builder request = SendOrdersRequest.newBuilder();
            for (Order o : batch) request.addOrders(GatewayOrders.send(o, accounts.apply(o.spec().account())));
            stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).sendOrders(request.build(), new StreamObserver<>() {
                private SendOrdersResponse value;

                @Override
                public void onNext(SendOrdersResponse v) {
                    value = v;
                }

                @Override
                public void onError(Throwable t) {
                    sends.done(batch.size());
                    Status s = Status.fromThrowable(t);
                    for (Order o : batch) sendFailed(o, s);
                }

                @Override
                public void onCompleted() {
                    sends.done(batch.size());
                    if (value == null || value.getResultsCount() != batch.size()) {
                        // a breach of the gateway's contract: what became of each order is not known
                        Status s = Status.INTERNAL.withDescription("SendOrders answered " + (value == null ? 0 : value.getResultsCount())
                                + " results for " + batch.size() + " orders");
                        for (Order o : batch) sendFailed(o, s);
                        return;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        SendOrderResult r = value.getResults(i);
                        if (r.getCode() == Status.Code.OK.value()) record(batch.get(i), fromAnswer(r.getAnswer()));
                        else sendFailed(batch.get(i), Status.fromCodeValue(r.getCode()).withDescription(r.getMessage()));
                    }
                }
            });
            sent.addAndGet(batch.size());
            lastSentNanos = System.nanoTime();
        } catch (RuntimeException e) {
            log.error("SendOrders could not start: {} orders UNKNOWN until reconciled", batch.size(), e);
            sends.done(batch.size());
            for (Order o : batch) sendFailed(o, Status.UNKNOWN.withDescription("the call could not start: " + e));
        }
    }

    /** A send that failed: REJECTED when the gateway refused it before sending, else UNKNOWN (never re-sent). */
    private void sendFailed(Order order, Status s) {
        boolean notSent = NOT_SENT.contains(s.getCode());
        record(order, notSent
                ? new OrderEvent.Rejected("gateway refused the send, not sent: " + s.getCode() + ": " + s.getDescription(), now(), now())
                : new OrderEvent.OutcomeUnknown("send to the gateway failed: " + s.getCode() + ": " + s.getDescription()
                + "; reconcile with ListOrders", now(), now()));
        if (!notSent) unknown.incrementAndGet();
    }

    private OrderEvent fromAnswer(SendOrderResponse r) {
        var o = r.getOrder();
        OrderId id = OrderId.valid(o.getDll().getClOrderId()) ? new OrderId(o.getDll().getClOrderId()) : null;
        long ts = o.getUpdatedNanos() > 0 ? o.getUpdatedNanos() : now();
        return switch (o.getOrdStatus()) {
            case ORD_STATUS_REJECTED -> new OrderEvent.Rejected(o.getText().isEmpty() ? "rejected by the gateway" : o.getText(), ts, now());
            case ORD_STATUS_UNKNOWN -> new OrderEvent.OutcomeUnknown("the gateway does not know the send's outcome"
                    + (o.getText().isEmpty() ? "" : ": " + o.getText()) + "; reconcile with ListOrders", ts, now());
            case ORD_STATUS_NEW -> new OrderEvent.Accepted(id, ts, now());
            default -> new OrderEvent.Sent(id, ts, now());
        };
    }

    private void record(Order order, OrderEvent event) {
        writer.apply(order.clOrdId(), event, null).whenComplete((r, e) -> {
            if (e != null) log.warn("the answer for {} was not recorded ({}): reconciliation will read it", order.clOrdId(), e.toString());
            gates.release(order.spec().account());
        });
    }

    /**
     * Sends the cancel of an order (its CancelRequested is committed): queued, and sent in the next {@code CancelOrders}
     * batch, answered at its index as its own CancelOrder would be. A refusal by the DLL or by the gateway before
     * sending (NOT_FOUND, FAILED_PRECONDITION, ...) becomes CancelRejected; a failed call (deadline, UNAVAILABLE) leaves
     * each of its cancels pending and puts each one's account in doubt. Returns at once; any thread.
     */
    public void cancel(Order order) {
        cancels.add(order);
    }

    /** One {@code CancelOrders} call for a batch of queued cancels (a CancelAll's 1,000 cancels: 4 calls, not 1,000). */
    private void cancelBatch(List<Order> batch) {
        try {
            CancelOrdersRequest.Builder request = CancelOrdersRequest.newBuilder();
            for (Order o : batch) request.addCancels(GatewayOrders.cancel(o, accounts.apply(o.spec().account())));
            stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).cancelOrders(request.build(), new StreamObserver<>() {
                private CancelOrdersResponse value;

                @Override
                public void onNext(CancelOrdersResponse v) {
                    value = v;
                }

                @Override
                public void onError(Throwable t) {
                    cancels.done(batch.size());
                    Status s = Status.fromThrowable(t);
                    for (Order o : batch) requestFailed(o, "cancel", s);
                }

                @Override
                public void onCompleted() {
                    cancels.done(batch.size());
                    if (value == null || value.getResultsCount() != batch.size()) {
                        // a breach of the gateway's contract: whether each cancel left is not known
                        Status s = Status.INTERNAL.withDescription("CancelOrders answered " + (value == null ? 0 : value.getResultsCount())
                                + " results for " + batch.size() + " cancels");
                        for (Order o : batch) requestFailed(o, "cancel", s);
                        return;
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        CancelOrderResult r = value.getResults(i);
                        if (r.getCode() == Status.Code.OK.value()) cancelAnswered(batch.get(i), r.getAnswer());
                        else requestFailed(batch.get(i), "cancel", Status.fromCodeValue(r.getCode()).withDescription(r.getMessage()));
                    }
                }
            });
            lastSentNanos = System.nanoTime();
        } catch (RuntimeException e) {
            log.error("CancelOrders could not start: {} cancels left pending, their accounts in doubt", batch.size(), e);
            cancels.done(batch.size());
            for (Order o : batch) requestFailed(o, "cancel", Status.UNKNOWN.withDescription("the call could not start: " + e));
        }
    }

    private void cancelAnswered(Order order, CancelOrderResponse r) {
        if (!r.getAccepted()) {
            writer.apply(order.clOrdId(), new OrderEvent.CancelRejected(r.getText().isEmpty()
                    ? "cancel refused by the DLL (" + r.getDllResult() + ")" : r.getText(), now(), now()), null);
        }
    }

    /** Sends a change (its ReplaceRequested is committed); as {@link #cancel}. */
    public void replace(Order order, OrderEvent.ReplaceRequested change) {
        submit(() -> stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .replaceOrder(GatewayOrders.replace(order, accounts.apply(order.spec().account()), change), new Answer<>() {
                    @Override
                    void answered(ReplaceOrderResponse r) {
                        if (!r.getAccepted()) {
                            writer.apply(order.clOrdId(), new OrderEvent.ReplaceRejected(r.getText().isEmpty()
                                    ? "change refused by the DLL (" + r.getDllResult() + ")" : r.getText(), now(), now()), null);
                        }
                    }

                    @Override
                    void failed(Status s) {
                        requestFailed(order, "change", s);
                    }
                }));
    }

    private void requestFailed(Order order, String what, Status s) {
        if (NOT_SENT.contains(s.getCode())) {
            String text = "gateway refused the " + what + ", not sent: " + s.getCode() + ": " + s.getDescription();
            writer.apply(order.clOrdId(), what.equals("cancel") ? new OrderEvent.CancelRejected(text, now(), now())
                    : new OrderEvent.ReplaceRejected(text, now(), now()), null);
        } else {
            gates.inDoubt(order.spec().account(), what + " of " + order.clOrdId() + " failed: " + s.getCode());
        }
    }

    private long now() {
        return clock.getAsLong();
    }

    // ------------------------------------------------------------------ the in-flight bound

    private void submit(Runnable call) {
        boolean now;
        synchronized (slots) {
            now = inFlight < maxInFlight && waiting.isEmpty();
            if (now) inFlight++;
            else waiting.add(call);
        }
        if (now) run(call);
    }

    private void run(Runnable call) {
        try {
            call.run();
            lastSentNanos = System.nanoTime();
        } catch (RuntimeException e) {
            log.error("gateway call could not start", e);
            done();
        }
    }

    private void done() {
        Runnable next;
        synchronized (slots) {
            next = waiting.poll();
            if (next == null) inFlight--;
        }
        if (next != null) run(next);
    }

    /** A unary call's observer that frees its slot and hands the answer on. */
    private abstract class Answer<T> implements StreamObserver<T> {
        private T value;

        abstract void answered(T value);

        abstract void failed(Status status);

        @Override
        public void onNext(T v) {
            value = v;
        }

        @Override
        public void onError(Throwable t) {
            done();
            failed(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            done();
            answered(value);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long unknown() {
        return unknown.get();
    }

    /** Orders in SendOrders calls, cancels in CancelOrders calls and change calls, in flight now. */
    public int inFlight() {
        int calls;
        synchronized (slots) {
            calls = inFlight;
        }
        return calls + sends.out() + cancels.out();
    }

    /** {@link System#nanoTime()} of the last call started (benchmarks: when the last cancel of a halt left). */
    public long lastSentNanos() {
        return lastSentNanos;
    }
}
