package blackbox.risk.testing;

import blackbox.gateway.v1.InstrumentId;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CancelOrderResponse;
import blackbox.oms.v1.CaughtUp;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.NotCanceled;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written oms-svc ({@code OrderManagement}) holding resting orders, for risk-svc's tests: ListOrders filters
 * by status, account, strategy, instrument and desk; CancelAll and CancelOrder put an open order in PENDING_CANCEL
 * and the venue answers at once with CANCELED — except the orders the test made {@linkplain #leaveSilent silent}
 * (no answer) or {@linkplain #fillBeforeCancel filled first} (a TRADE that fills it, then CANCEL_REJECTED); an
 * UNKNOWN order is skipped ("outcome unknown"). SubmitOrder records the order (PENDING_NEW). StreamOrderEvents
 * replays the stored events after {@code after_sequence} (of the asked types), sends CaughtUp, then live events.
 * Thread-safe.
 */
public final class OmsWithRestingOrders extends OrderManagementGrpc.OrderManagementImplBase {
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Set<String> silent = new HashSet<>();
    private final Set<String> fillFirst = new HashSet<>();
    public final List<CancelAllRequest> cancelAllCalls = new ArrayList<>();
    public final List<String> cancelOrderCalls = new ArrayList<>();
    public final List<SubmitOrderRequest> submitted = new ArrayList<>();
    private long now = 1_780_000_000_000_000_000L;

    private record Subscriber(StreamOrderEventsRequest request, ServerCallStreamObserver<OrderEventMessage> observer) {
    }

    public static InstrumentId instrument(String ticker) {
        return InstrumentId.newBuilder().setTicker(ticker).setExchange("B").build();
    }

    /** A resting order (NEW, nothing filled). */
    public synchronized void rest(String clOrdId, String account, String desk, String strategy, String ticker, Side side,
                                  long qty) {
        orders.put(clOrdId, Order.newBuilder().setClOrdId(clOrdId).setOrderId("D" + clOrdId).setAccount(account).setDesk(desk)
                .setStrategyId(strategy).setInstrument(instrument(ticker)).setSide(side).setOrdStatus(OrdStatus.ORD_STATUS_NEW)
                .setOrderQty(qty).setLeavesQty(qty).setPrice("10.00").build());
        emit(OrderEventType.ORDER_EVENT_TYPE_NEW, orders.get(clOrdId), "");
    }

    /** An order whose outcome is not known (oms-svc will not cancel it before reconciling). */
    public synchronized void unknown(String clOrdId, String account, String desk, String ticker) {
        rest(clOrdId, account, desk, "", ticker, Side.SIDE_BUY, 100);
        orders.put(clOrdId, orders.get(clOrdId).toBuilder().setOrdStatus(OrdStatus.ORD_STATUS_UNKNOWN).build());
    }

    /** The venue will not answer this order's cancel. */
    public synchronized void leaveSilent(String clOrdId) {
        silent.add(clOrdId);
    }

    /** This order fills before its cancel reaches the venue. */
    public synchronized void fillBeforeCancel(String clOrdId) {
        fillFirst.add(clOrdId);
    }

    /** A venue reject of an order (for the breaker): a REJECTED event now. */
    public synchronized void venueReject(String clOrdId, String account, String text) {
        Order o = Order.newBuilder().setClOrdId(clOrdId).setAccount(account).setInstrument(instrument("PETR4"))
                .setOrdStatus(OrdStatus.ORD_STATUS_REJECTED).setText(text).build();
        orders.put(clOrdId, o);
        emit(OrderEventType.ORDER_EVENT_TYPE_REJECTED, o, text);
    }

    public synchronized OrdStatus status(String clOrdId) {
        return orders.get(clOrdId).getOrdStatus();
    }

    /** The sequence of the last event. */
    public synchronized long lastSequence() {
        return events.size();
    }

    @Override
    public synchronized void listOrders(ListOrdersRequest r, StreamObserver<ListOrdersResponse> response) {
        ListOrdersResponse.Builder b = ListOrdersResponse.newBuilder();
        for (Order o : orders.values()) {
            if (!r.getStatusesList().isEmpty() && !r.getStatusesList().contains(o.getOrdStatus())) continue;
            if (!r.getAccountsList().isEmpty() && !r.getAccountsList().contains(o.getAccount())) continue;
            if (!r.getStrategyId().isEmpty() && !r.getStrategyId().equals(o.getStrategyId())) continue;
            if (r.hasInstrument() && !r.getInstrument().equals(o.getInstrument())) continue;
            if (!r.getDesk().isEmpty() && !r.getDesk().equals(o.getDesk())) continue;
            b.addOrders(o);
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void cancelAll(CancelAllRequest r, StreamObserver<CancelAllResponse> response) {
        CancelAllResponse.Builder b = CancelAllResponse.newBuilder();
        List<String> toAnswer = new ArrayList<>();
        synchronized (this) {
            cancelAllCalls.add(r);
            for (Order o : List.copyOf(orders.values())) {
                if (!open(o.getOrdStatus())) continue;
                if (!r.getAccount().isEmpty() && !r.getAccount().equals(o.getAccount())) continue;
                if (!r.getStrategyId().isEmpty() && !r.getStrategyId().equals(o.getStrategyId())) continue;
                if (r.hasInstrument() && !r.getInstrument().equals(o.getInstrument())) continue;
                if (!r.getDesk().isEmpty() && !r.getDesk().equals(o.getDesk())) continue;
                if (o.getOrdStatus() == OrdStatus.ORD_STATUS_UNKNOWN) {
                    b.addSkipped(NotCanceled.newBuilder().setClOrdId(o.getClOrdId()).setOrdStatus(o.getOrdStatus())
                            .setReason("outcome unknown: reconcile before cancelling"));
                    continue;
                }
                b.addCanceling(requestCancel(o));
                toAnswer.add(o.getClOrdId());
            }
        }
        response.onNext(b.build());
        response.onCompleted();
        for (String id : toAnswer) venueAnswers(id);
    }

    @Override
    public void cancelOrder(CancelOrderRequest r, StreamObserver<CancelOrderResponse> response) {
        Order o;
        synchronized (this) {
            cancelOrderCalls.add(r.getClOrdId());
            o = orders.get(r.getClOrdId());
            if (o == null) {
                response.onError(Status.NOT_FOUND.withDescription("unknown order: cl_ord_id=" + r.getClOrdId()).asRuntimeException());
                return;
            }
            if (!open(o.getOrdStatus()) || o.getOrdStatus() == OrdStatus.ORD_STATUS_UNKNOWN) {
                response.onError(Status.FAILED_PRECONDITION.withDescription("cannot cancel an order in " + o.getOrdStatus()).asRuntimeException());
                return;
            }
            o = requestCancel(o);
        }
        response.onNext(CancelOrderResponse.newBuilder().setOrder(o).build());
        response.onCompleted();
        venueAnswers(r.getClOrdId());
    }

    private Order requestCancel(Order o) {
        Order pending = o.toBuilder().setOrdStatus(OrdStatus.ORD_STATUS_PENDING_CANCEL).build();
        orders.put(o.getClOrdId(), pending);
        emit(OrderEventType.ORDER_EVENT_TYPE_CANCEL_REQUESTED, pending, "");
        return pending;
    }

    private synchronized void venueAnswers(String clOrdId) {
        if (silent.contains(clOrdId)) return;
        Order o = orders.get(clOrdId);
        if (fillFirst.contains(clOrdId)) {
            Order filled = o.toBuilder().setOrdStatus(OrdStatus.ORD_STATUS_FILLED).setCumQty(o.getOrderQty()).setLeavesQty(0).build();
            orders.put(clOrdId, filled);
            emit(OrderEventType.ORDER_EVENT_TYPE_TRADE, filled, "");
            emit(OrderEventType.ORDER_EVENT_TYPE_CANCEL_REJECTED, filled, "order already filled");
            return;
        }
        Order canceled = o.toBuilder().setOrdStatus(OrdStatus.ORD_STATUS_CANCELED).setLeavesQty(0).build();
        orders.put(clOrdId, canceled);
        emit(OrderEventType.ORDER_EVENT_TYPE_CANCELED, canceled, "");
    }

    @Override
    public synchronized void submitOrder(SubmitOrderRequest r, StreamObserver<SubmitOrderResponse> response) {
        submitted.add(r);
        Order o = Order.newBuilder().setClOrdId(r.getClOrdId()).setAccount(r.getAccount()).setInstrument(r.getInstrument())
                .setSide(r.getSide()).setOrdType(r.getOrdType()).setOrderQty(r.getOrderQty()).setLeavesQty(r.getOrderQty())
                .setOrdStatus(OrdStatus.ORD_STATUS_PENDING_NEW).build();
        orders.put(r.getClOrdId(), o);
        emit(OrderEventType.ORDER_EVENT_TYPE_CREATED, o, "");
        response.onNext(SubmitOrderResponse.newBuilder().setOrder(o).build());
        response.onCompleted();
    }

    @Override
    public synchronized void streamOrderEvents(StreamOrderEventsRequest r, StreamObserver<OrderEventMessage> response) {
        ServerCallStreamObserver<OrderEventMessage> observer = (ServerCallStreamObserver<OrderEventMessage>) response;
        for (OrderEvent e : events) {
            if (e.getSequence() > r.getAfterSequence() && wanted(r, e)) observer.onNext(OrderEventMessage.newBuilder().setEvent(e).build());
        }
        observer.onNext(OrderEventMessage.newBuilder().setCaughtUp(CaughtUp.newBuilder().setLastSequence(events.size())).build());
        Subscriber s = new Subscriber(r, observer);
        subscribers.add(s);
        observer.setOnCancelHandler(() -> {
            synchronized (OmsWithRestingOrders.this) {
                subscribers.remove(s);
            }
        });
    }

    /** Ends every open event stream with UNAVAILABLE (oms-svc restarting). */
    public synchronized void dropStreams() {
        for (Subscriber s : subscribers) s.observer().onError(Status.UNAVAILABLE.withDescription("oms-svc restarting").asRuntimeException());
        subscribers.clear();
    }

    private static boolean wanted(StreamOrderEventsRequest r, OrderEvent e) {
        return (r.getTypesList().isEmpty() || r.getTypesList().contains(e.getType()))
                && (r.getAccountsList().isEmpty() || r.getAccountsList().contains(e.getAccount()));
    }

    private void emit(OrderEventType type, Order o, String text) {
        now += 1_000_000;
        OrderEvent e = OrderEvent.newBuilder().setSequence(events.size() + 1).setType(type).setClOrdId(o.getClOrdId())
                .setOrderId(o.getOrderId()).setAccount(o.getAccount()).setDesk(o.getDesk()).setStrategyId(o.getStrategyId())
                .setInstrument(o.getInstrument()).setSide(o.getSide()).setOrdStatus(o.getOrdStatus())
                .setOrderQty(o.getOrderQty()).setCumQty(o.getCumQty()).setLeavesQty(o.getLeavesQty()).setText(text)
                .setTsEvent(now).setTsInit(now).build();
        events.add(e);
        for (Subscriber s : List.copyOf(subscribers)) {
            if (wanted(s.request(), e)) s.observer().onNext(OrderEventMessage.newBuilder().setEvent(e).build());
        }
    }

    private static boolean open(OrdStatus s) {
        return switch (s) {
            case ORD_STATUS_PENDING_NEW, ORD_STATUS_NEW, ORD_STATUS_PARTIALLY_FILLED, ORD_STATUS_PENDING_REPLACE,
                 ORD_STATUS_UNKNOWN -> true;
            default -> false;
        };
    }
}
