package blackbox.oms.grpc;

import blackbox.oms.api.CancelScope;
import blackbox.oms.api.OrderRequests;
import blackbox.oms.api.Protos;
import blackbox.oms.api.QueryRequests;
import blackbox.oms.api.Validated;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.store.AuditPage;
import blackbox.oms.store.AuditQuery;
import blackbox.oms.store.AuditRecord;
import blackbox.oms.store.EventQuery;
import blackbox.oms.store.OrderPage;
import blackbox.oms.store.OrderQuery;
import blackbox.oms.store.OrderRow;
import blackbox.oms.store.StoredEvent;
import blackbox.oms.store.StoredOrder;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.GetAuditTrailResponse;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.WorkingOrdersRequest;
import blackbox.oms.v1.WorkingOrdersResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GetOrder, ListOrders, WorkingOrders, GetAuditTrail and StreamOrderEvents: reads, no audit row, no user required. */
final class Queries {
    /** Stored events read per page while a StreamOrderEvents call replays. */
    static final int REPLAY_PAGE = 1_000;

    private final Parts p;

    Queries(Parts parts) {
        this.p = parts;
    }

    private static <T> T valid(Validated<T> v) {
        if (v instanceof Validated.Valid<T> ok) return ok.value();
        throw v.status().asRuntimeException();
    }

    void get(GetOrderRequest r, StreamObserver<blackbox.oms.v1.Order> out) {
        ClOrdId id = valid(OrderRequests.get(r));
        OrderRow open = p.writer().open().get(id);
        java.util.Optional<StoredOrder> order = open != null ? java.util.Optional.of(open.stored()) : p.orders().find(id);
        if (order.isPresent()) {
            Calls.reply(out, Protos.order(order.get()));
            return;
        }
        // an algorithm's parent is not an order row
        var parent = p.algos().view(id).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("no order with cl_ord_id=\"" + id + "\"").asRuntimeException());
        Calls.reply(out, blackbox.oms.api.AlgoProtos.parent(parent));
    }

    void list(ListOrdersRequest r, StreamObserver<ListOrdersResponse> out) {
        OrderQuery q = valid(QueryRequests.listOrders(r));
        OrderPage page = p.orders().list(q);
        ListOrdersResponse.Builder b = ListOrdersResponse.newBuilder().setNextPageToken(QueryRequests.orderPageToken(page.nextBeforeId()));
        for (StoredOrder o : page.orders()) b.addOrders(Protos.order(o));
        Calls.reply(out, b.build());
    }

    /** The open orders of a scope, oldest first, from the writer's state (no database read: a halt asks this). */
    void working(WorkingOrdersRequest r, StreamObserver<WorkingOrdersResponse> out) {
        CancelScope scope = valid(QueryRequests.workingOrders(r));
        List<StoredOrder> orders = new ArrayList<>();
        for (OrderRow row : p.writer().open().values()) if (scope.matches(row.stored().order())) orders.add(row.stored());
        orders.sort(Comparator.comparingLong((StoredOrder o) -> o.order().spec().createdNanos()).thenComparing(o -> o.order().clOrdId()));
        WorkingOrdersResponse.Builder b = WorkingOrdersResponse.newBuilder();
        for (StoredOrder o : orders) b.addOrders(Protos.order(o));
        Calls.reply(out, b.build());
    }

    void audit(GetAuditTrailRequest r, StreamObserver<GetAuditTrailResponse> out) {
        AuditQuery q = valid(QueryRequests.auditTrail(r));
        AuditPage page = p.audit().query(q);
        GetAuditTrailResponse.Builder b = GetAuditTrailResponse.newBuilder();
        long lastCommand = q.afterCommandId();
        long lastSequence = q.afterSequence();
        for (AuditRecord c : page.commands()) {
            b.addCommands(Protos.command(c));
            lastCommand = c.id();
        }
        for (StoredEvent e : page.events()) {
            b.addEvents(Protos.event(e));
            lastSequence = e.sequence();
        }
        b.setNextPageToken(QueryRequests.auditPageToken(page.complete(), lastCommand, lastSequence));
        Calls.reply(out, b.build());
    }

    void stream(StreamOrderEventsRequest r, StreamObserver<OrderEventMessage> out) {
        EventQuery q = valid(QueryRequests.streamEvents(r, REPLAY_PAGE));
        new EventStream((ServerCallStreamObserver<OrderEventMessage>) out, p.orders(), p.hub(), q, REPLAY_PAGE, p.streamBuffer(),
                p.drain()).start();
    }
}
