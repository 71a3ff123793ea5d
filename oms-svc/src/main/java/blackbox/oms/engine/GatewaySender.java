package blackbox.oms.engine;

import blackbox.gateway.v1.CancelOrderResponse;
import blackbox.gateway.v1.ReplaceOrderResponse;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.gateway.GatewayOrders;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
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
 * Orders, cancels and changes to the gateway with the async stub, many in flight (at most {@code maxInFlight}; more
 * wait in a queue, in order), each with a deadline. The send's answer becomes an event through the writer: the DLL's
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
    }

    /** Sends a persisted PENDING_NEW order whose account permit the caller holds (released after the answer). */
    public void send(Order order) {
        submit(() -> {
            SendOrderRequest request = GatewayOrders.send(order, accounts.apply(order.spec().account()));
            stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).sendOrder(request, new Answer<>() {
                @Override
                void answered(SendOrderResponse r) {
                    record(order, fromAnswer(r));
                }

                @Override
                void failed(Status s) {
                    record(order, NOT_SENT.contains(s.getCode())
                            ? new OrderEvent.Rejected("gateway refused the send, not sent: " + s.getCode() + ": " + s.getDescription(), now(), now())
                            : new OrderEvent.OutcomeUnknown("send to the gateway failed: " + s.getCode() + ": " + s.getDescription()
                            + "; reconcile with ListOrders", now(), now()));
                    if (!NOT_SENT.contains(s.getCode())) unknown.incrementAndGet();
                }
            });
            sent.incrementAndGet();
        });
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
     * Sends the cancel of an order (its CancelRequested is committed). A refusal by the DLL becomes CancelRejected; a
     * failed call leaves the cancel pending and puts the account in doubt.
     */
    public void cancel(Order order) {
        submit(() -> stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .cancelOrder(GatewayOrders.cancel(order, accounts.apply(order.spec().account())), new Answer<>() {
                    @Override
                    void answered(CancelOrderResponse r) {
                        if (!r.getAccepted()) {
                            writer.apply(order.clOrdId(), new OrderEvent.CancelRejected(r.getText().isEmpty()
                                    ? "cancel refused by the DLL (" + r.getDllResult() + ")" : r.getText(), now(), now()), null);
                        }
                    }

                    @Override
                    void failed(Status s) {
                        requestFailed(order, "cancel", s);
                    }
                }));
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

    public int inFlight() {
        synchronized (slots) {
            return inFlight;
        }
    }

    /** {@link System#nanoTime()} of the last call started (benchmarks: when the last cancel of a halt left). */
    public long lastSentNanos() {
        return lastSentNanos;
    }
}
