package blackbox.positions.testing;

import blackbox.gateway.v1.InstrumentId;
import blackbox.oms.v1.CaughtUp;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.StreamOrderEventsRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written oms-svc whose only working call is StreamOrderEvents over an event log the test appends to: the
 * stored events after {@code after_sequence} (every type: positions-svc asks for all), CaughtUp, then live events — as
 * oms.proto promises. Records each request's {@code after_sequence}; can end every stream (oms-svc restarting).
 * Thread-safe.
 */
public final class OmsEventLog extends OrderManagementGrpc.OrderManagementImplBase {
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<ServerCallStreamObserver<OrderEventMessage>> live = new ArrayList<>();
    private final List<StreamOrderEventsRequest> requests = new ArrayList<>();

    /** A fill of {@code qty} at {@code price} (TRADE), ExecID {@code execId}, on B3 date {@code day} at 13:00 UTC. */
    public synchronized long trade(String execId, String account, String ticker, Side side, long qty, String price, LocalDate day) {
        return append(OrderEvent.newBuilder().setType(OrderEventType.ORDER_EVENT_TYPE_TRADE).setClOrdId("C-" + execId)
                .setOrderId("O-" + execId).setAccount(account).setInstrument(InstrumentId.newBuilder().setTicker(ticker).setExchange("B"))
                .setSide(side).setOrdStatus(OrdStatus.ORD_STATUS_PARTIALLY_FILLED).setExecId(execId).setLastQty(qty)
                .setLastPx(price).setTradeDate(day.toString())
                .setTsEvent(day.atTime(13, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L).build());
    }

    /** An event without a fill (e.g. NEW, CANCELED). */
    public synchronized long other(OrderEventType type, String clOrdId, String account) {
        return append(OrderEvent.newBuilder().setType(type).setClOrdId(clOrdId).setAccount(account).build());
    }

    /** Any event; its sequence is set to the next one. */
    public synchronized long append(OrderEvent e) {
        OrderEvent stored = e.toBuilder().setSequence(events.size() + 1).build();
        events.add(stored);
        for (ServerCallStreamObserver<OrderEventMessage> o : List.copyOf(live)) {
            o.onNext(OrderEventMessage.newBuilder().setEvent(stored).build());
        }
        return stored.getSequence();
    }

    public synchronized long lastSequence() {
        return events.size();
    }

    public synchronized List<StreamOrderEventsRequest> requests() {
        return List.copyOf(requests);
    }

    /** Ends every open stream with UNAVAILABLE. */
    public synchronized void dropStreams() {
        for (ServerCallStreamObserver<OrderEventMessage> o : live) {
            o.onError(Status.UNAVAILABLE.withDescription("oms-svc restarting").asRuntimeException());
        }
        live.clear();
    }

    @Override
    public synchronized void streamOrderEvents(StreamOrderEventsRequest r, StreamObserver<OrderEventMessage> response) {
        requests.add(r);
        ServerCallStreamObserver<OrderEventMessage> o = (ServerCallStreamObserver<OrderEventMessage>) response;
        for (OrderEvent e : events) {
            if (e.getSequence() > r.getAfterSequence()) o.onNext(OrderEventMessage.newBuilder().setEvent(e).build());
        }
        o.onNext(OrderEventMessage.newBuilder().setCaughtUp(CaughtUp.newBuilder().setLastSequence(events.size())).build());
        live.add(o);
        o.setOnCancelHandler(() -> {
            synchronized (OmsEventLog.this) {
                live.remove(o);
            }
        });
    }
}
