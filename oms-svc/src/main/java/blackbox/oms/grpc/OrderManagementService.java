package blackbox.oms.grpc;

import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.CancelOrderResponse;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.GetAuditTrailResponse;
import blackbox.oms.v1.GetBlockRequest;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.ReplaceOrderRequest;
import blackbox.oms.v1.ReplaceOrderResponse;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.oms.v1.WorkingOrdersRequest;
import blackbox.oms.v1.WorkingOrdersResponse;
import io.grpc.stub.StreamObserver;

/**
 * {@code blackbox.oms.v1.OrderManagement} (oms.proto): each RPC handed to its handler; a validation error is
 * INVALID_ARGUMENT naming the field and value, an unknown order NOT_FOUND, and a refused command writes only its audit
 * row. Install {@link Callers#interceptor()} on the server (the acting user and the peer address).
 */
public final class OrderManagementService extends OrderManagementGrpc.OrderManagementImplBase implements AutoCloseable {
    private final OrderCommands orders;
    private final BlockCommands blocks;
    private final Queries queries;

    public OrderManagementService(Parts parts) {
        Calls calls = new Calls(parts.audit(), parts.clock());
        this.orders = new OrderCommands(parts, calls);
        this.blocks = new BlockCommands(parts, calls);
        this.queries = new Queries(parts);
    }

    @Override
    public void submitOrder(SubmitOrderRequest request, StreamObserver<SubmitOrderResponse> response) {
        Calls.guarded(response, () -> orders.submit(request, response));
    }

    @Override
    public void previewBlock(BlockRequest request, StreamObserver<BlockPreview> response) {
        Calls.guarded(response, () -> blocks.preview(request, response));
    }

    @Override
    public void submitBlock(BlockRequest request, StreamObserver<SubmitBlockResponse> response) {
        Calls.guarded(response, () -> blocks.submit(request, response));
    }

    @Override
    public void getBlock(GetBlockRequest request, StreamObserver<blackbox.oms.v1.Block> response) {
        Calls.guarded(response, () -> blocks.get(request, response));
    }

    @Override
    public void replaceOrder(ReplaceOrderRequest request, StreamObserver<ReplaceOrderResponse> response) {
        Calls.guarded(response, () -> orders.replace(request, response));
    }

    @Override
    public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> response) {
        Calls.guarded(response, () -> orders.cancel(request, response));
    }

    @Override
    public void cancelAll(CancelAllRequest request, StreamObserver<CancelAllResponse> response) {
        Calls.guarded(response, () -> orders.cancelAll(request, response));
    }

    @Override
    public void workingOrders(WorkingOrdersRequest request, StreamObserver<WorkingOrdersResponse> response) {
        Calls.guarded(response, () -> queries.working(request, response));
    }

    @Override
    public void getOrder(GetOrderRequest request, StreamObserver<blackbox.oms.v1.Order> response) {
        Calls.guarded(response, () -> queries.get(request, response));
    }

    @Override
    public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
        Calls.guarded(response, () -> queries.list(request, response));
    }

    @Override
    public void streamOrderEvents(StreamOrderEventsRequest request, StreamObserver<OrderEventMessage> response) {
        Calls.guarded(response, () -> queries.stream(request, response));
    }

    @Override
    public void getAuditTrail(GetAuditTrailRequest request, StreamObserver<GetAuditTrailResponse> response) {
        Calls.guarded(response, () -> queries.audit(request, response));
    }

    @Override
    public void close() {
        orders.close();
    }
}
