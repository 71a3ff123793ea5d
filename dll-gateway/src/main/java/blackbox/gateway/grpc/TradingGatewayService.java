package blackbox.gateway.grpc;

import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;

import blackbox.gateway.engine.OrderRouter;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.IdempotencyKey;
import blackbox.gateway.trading.OrderIntent;
import blackbox.gateway.trading.OrderSide;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.OrderType;
import blackbox.gateway.trading.PositionInfo;
import blackbox.gateway.trading.Prices;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.CancelAllOrdersRequest;
import blackbox.gateway.v1.CancelAllOrdersResponse;
import blackbox.gateway.v1.CancelOrderRequest;
import blackbox.gateway.v1.CancelOrderResponse;
import blackbox.gateway.v1.CancelOrderResult;
import blackbox.gateway.v1.CancelOrdersRequest;
import blackbox.gateway.v1.CancelOrdersResponse;
import blackbox.gateway.v1.DllOrderRef;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.GetPositionRequest;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.ListAccountsResponse;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.ListOrdersResponse;
import blackbox.gateway.v1.ListPositionsRequest;
import blackbox.gateway.v1.ListPositionsResponse;
import blackbox.gateway.v1.Position;
import blackbox.gateway.v1.PositionType;
import blackbox.gateway.v1.ReplaceOrderRequest;
import blackbox.gateway.v1.ReplaceOrderResponse;
import blackbox.gateway.v1.ResumeGap;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.SendOrderResult;
import blackbox.gateway.v1.SendOrdersRequest;
import blackbox.gateway.v1.SendOrdersResponse;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.gateway.v1.ZeroPositionRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code blackbox.gateway.v1.Trading} service over an {@link OrderRouter} and the {@link ExecutionReportLog}.
 * Every request is validated here, before anything is journaled: INVALID_ARGUMENT names the field and its value
 * ({@code quantity must be > 0: quantity=0}). The router's refusals map to FAILED_PRECONDITION (not routable, routing
 * down), ALREADY_EXISTS (a key reused with other fields), NOT_FOUND and UNAVAILABLE; a reject by the DLL, the broker
 * or the exchange is not an RPC error but the answered order's state.
 */
public final class TradingGatewayService extends TradingGrpc.TradingImplBase {
    private final OrderRouter router;
    private final ExecutionReportLog log;
    private final Executor drainExecutor;

    public TradingGatewayService(OrderRouter router, ExecutionReportLog log, Executor drainExecutor) {
        this.router = router;
        this.log = log;
        this.drainExecutor = drainExecutor;
    }

    /** Open execution-report streams. */
    public int openReportStreams() {
        return log.streamCount();
    }

    // ------------------------------------------------------------------ accounts

    @Override
    public void listAccounts(ListAccountsRequest request, StreamObserver<ListAccountsResponse> response) {
        guarded(response, () -> {
            OrderRouter.Listing<AccountInfo> l = router.accounts();
            check(l.refusal());
            ListAccountsResponse.Builder b = ListAccountsResponse.newBuilder();
            for (AccountInfo a : l.items()) b.addAccounts(TradingMapping.account(a, router.passwords()));
            reply(response, b.build());
        });
    }

    // ------------------------------------------------------------------ orders

    @Override
    public void sendOrder(SendOrderRequest request, StreamObserver<SendOrderResponse> response) {
        guarded(response, () -> answer(router.send(intent(request)), response));
    }

    /** Requests in one SendOrders at most (trading.proto). */
    static final int MAX_BATCH = 1_000;

    /**
     * Each request as its own SendOrder (validated, keyed, journaled, sent) — the journal's group commit takes them
     * together — answered once every one of them is, each by its result at the same index.
     */
    @Override
    public void sendOrders(SendOrdersRequest request, StreamObserver<SendOrdersResponse> response) {
        guarded(response, () -> {
            if (request.getOrdersCount() > MAX_BATCH) {
                throw invalid("orders must hold at most " + MAX_BATCH + " requests: orders=" + request.getOrdersCount());
            }
            List<CompletableFuture<SendOrderResult>> results = new ArrayList<>(request.getOrdersCount());
            for (SendOrderRequest r : request.getOrdersList()) {
                CompletableFuture<SendOrderResult> result;
                try {
                    result = router.send(intent(r)).handle(TradingGatewayService::result);
                } catch (StatusRuntimeException e) {
                    result = CompletableFuture.completedFuture(failed(e.getStatus()));
                }
                results.add(result);
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).whenComplete((x, failure) -> guarded(response, () -> {
                SendOrdersResponse.Builder b = SendOrdersResponse.newBuilder();
                for (CompletableFuture<SendOrderResult> r : results) b.addResults(r.join());
                reply(response, b.build());
            }));
        });
    }

    /** One request's outcome as its own SendOrder would have answered it. */
    private static SendOrderResult result(OrderRouter.SendAnswer a, Throwable failure) {
        if (failure != null) return failed(Status.INTERNAL.withDescription("the send failed inside the gateway: " + failure));
        try {
            check(a.refusal());
        } catch (StatusRuntimeException e) {
            return failed(e.getStatus());
        }
        return SendOrderResult.newBuilder().setAnswer(SendOrderResponse.newBuilder().setOrder(TradingMapping.order(a.order()))
                .setDuplicate(a.duplicate())).build();
    }

    private static SendOrderResult failed(Status s) {
        return SendOrderResult.newBuilder().setCode(s.getCode().value()).setMessage(s.getDescription() == null ? "" : s.getDescription()).build();
    }

    @Override
    public void zeroPosition(ZeroPositionRequest request, StreamObserver<SendOrderResponse> response) {
        guarded(response, () -> {
            IdempotencyKey key = key(request.getIdempotencyKey());
            AccountKey account = account(request.getAccount(), "account");
            InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
            BigDecimal price = request.getPrice().isEmpty() ? null : price(request.getPrice(), "price");
            int positionType = positionType(request.getPositionType());
            answer(router.send(new OrderIntent(key, OrderIntent.Kind.ZERO_POSITION, account, instrument, null, null, 0, price, null,
                    positionType)), response);
        });
    }

    /** Replies when the router's answer is there (at once, or on the order-send thread after the journal's fsync). */
    private void answer(CompletableFuture<OrderRouter.SendAnswer> answer, StreamObserver<SendOrderResponse> response) {
        answer.whenComplete((a, failure) -> {
            if (failure != null) {
                response.onError(Status.INTERNAL.withDescription("the send failed inside the gateway: " + failure).withCause(failure).asRuntimeException());
                return;
            }
            guarded(response, () -> {
                check(a.refusal());
                reply(response, SendOrderResponse.newBuilder().setOrder(TradingMapping.order(a.order())).setDuplicate(a.duplicate()).build());
            });
        });
    }

    /** A SendOrder request as an intent, or INVALID_ARGUMENT naming the first bad field. */
    static OrderIntent intent(SendOrderRequest r) {
        IdempotencyKey key = key(r.getIdempotencyKey());
        AccountKey account = account(r.getAccount(), "account");
        InstrumentId instrument = ProtoMapping.instrument(r.getInstrument(), "instrument");
        OrderSide side = switch (r.getSide()) {
            case SIDE_BUY -> OrderSide.BUY;
            case SIDE_SELL -> OrderSide.SELL;
            default -> throw invalid("side must be SIDE_BUY or SIDE_SELL: side=" + r.getSide());
        };
        OrderType type = switch (r.getOrdType()) {
            case ORD_TYPE_MARKET -> OrderType.MARKET;
            case ORD_TYPE_LIMIT -> OrderType.LIMIT;
            case ORD_TYPE_STOP_LIMIT -> OrderType.STOP_LIMIT;
            default -> throw invalid("ord_type must be ORD_TYPE_MARKET, ORD_TYPE_LIMIT or ORD_TYPE_STOP_LIMIT: ord_type=" + r.getOrdType());
        };
        if (r.getQuantity() <= 0) throw invalid("quantity must be > 0: quantity=" + r.getQuantity());
        BigDecimal price = null;
        BigDecimal stop = null;
        if (type == OrderType.MARKET) {
            if (!r.getPrice().isEmpty()) throw invalid("price must be empty for a market order: price=\"" + r.getPrice() + "\"");
        } else {
            if (r.getPrice().isEmpty()) throw invalid("price is required for a " + r.getOrdType() + " order: price=\"\"");
            price = price(r.getPrice(), "price");
        }
        if (type == OrderType.STOP_LIMIT) {
            if (r.getStopPrice().isEmpty()) throw invalid("stop_price is required for a stop-limit order: stop_price=\"\"");
            stop = price(r.getStopPrice(), "stop_price");
        } else if (!r.getStopPrice().isEmpty()) {
            throw invalid("stop_price is only for ORD_TYPE_STOP_LIMIT: stop_price=\"" + r.getStopPrice() + "\"");
        }
        return new OrderIntent(key, OrderIntent.Kind.ORDER, account, instrument, side, type, r.getQuantity(), price, stop, 0);
    }

    @Override
    public void replaceOrder(ReplaceOrderRequest request, StreamObserver<ReplaceOrderResponse> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            OrderRouter.OrderRef ref = ref(request.getOrder(), request.getIdempotencyKey());
            if (request.getQuantity() <= 0) throw invalid("quantity must be > 0: quantity=" + request.getQuantity());
            if (request.getPrice().isEmpty()) throw invalid("price is required (the order's new or unchanged limit): price=\"\"");
            BigDecimal price = price(request.getPrice(), "price");
            BigDecimal stop = request.getStopPrice().isEmpty() ? null : price(request.getStopPrice(), "stop_price");
            OrderRouter.RequestAnswer a = router.change(account, ref, request.getQuantity(), price, stop);
            check(a.refusal());
            reply(response, ReplaceOrderResponse.newBuilder().setAccepted(a.accepted()).setDllResult(a.dllResult())
                    .setText(a.text()).setMessageId(a.messageId()).build());
        });
    }

    @Override
    public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            OrderRouter.RequestAnswer a = router.cancel(account, ref(request.getOrder(), request.getIdempotencyKey()));
            check(a.refusal());
            reply(response, CancelOrderResponse.newBuilder().setAccepted(a.accepted()).setDllResult(a.dllResult())
                    .setText(a.text()).setMessageId(a.messageId()).build());
        });
    }

    /**
     * Each request as its own CancelOrder (validated, resolved, SendCancelOrderV2), in request order on this thread,
     * answered together, each by its result at the same index: a refused or unknown order's cancel fails alone.
     */
    @Override
    public void cancelOrders(CancelOrdersRequest request, StreamObserver<CancelOrdersResponse> response) {
        guarded(response, () -> {
            if (request.getCancelsCount() > MAX_BATCH) {
                throw invalid("cancels must hold at most " + MAX_BATCH + " requests: cancels=" + request.getCancelsCount());
            }
            CancelOrdersResponse.Builder b = CancelOrdersResponse.newBuilder();
            for (CancelOrderRequest r : request.getCancelsList()) b.addResults(cancelResult(r));
            reply(response, b.build());
        });
    }

    /** One cancel's outcome as its own CancelOrder would have answered it. */
    private CancelOrderResult cancelResult(CancelOrderRequest r) {
        try {
            AccountKey account = account(r.getAccount(), "account");
            OrderRouter.RequestAnswer a = router.cancel(account, ref(r.getOrder(), r.getIdempotencyKey()));
            check(a.refusal());
            return CancelOrderResult.newBuilder().setAnswer(CancelOrderResponse.newBuilder().setAccepted(a.accepted())
                    .setDllResult(a.dllResult()).setText(a.text()).setMessageId(a.messageId())).build();
        } catch (RuntimeException e) {
            // what CancelOrder would have answered: its status, or UNKNOWN (gRPC's answer to a handler's exception)
            Status s = e instanceof StatusRuntimeException sre ? sre.getStatus() : Status.UNKNOWN.withDescription(e.toString());
            return CancelOrderResult.newBuilder().setCode(s.getCode().value())
                    .setMessage(s.getDescription() == null ? "" : s.getDescription()).build();
        }
    }

    @Override
    public void cancelAllOrders(CancelAllOrdersRequest request, StreamObserver<CancelAllOrdersResponse> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            InstrumentId instrument = request.hasInstrument() && !request.getInstrument().getTicker().isEmpty()
                    ? ProtoMapping.instrument(request.getInstrument(), "instrument") : null;
            OrderRouter.RequestAnswer a = router.cancelAll(account, instrument);
            check(a.refusal());
            reply(response, CancelAllOrdersResponse.newBuilder().setAccepted(a.accepted()).setDllResult(a.dllResult())
                    .setText(a.text()).build());
        });
    }

    private static OrderRouter.OrderRef ref(DllOrderRef order, String key) {
        boolean byDll = order.getLocalOrderId() != 0 || !order.getClOrderId().isEmpty();
        if (byDll && !key.isEmpty()) throw invalid("give either order or idempotency_key, not both: idempotency_key=\"" + key + "\"");
        if (!byDll && key.isEmpty()) throw invalid("order (local_order_id or cl_order_id) or idempotency_key is required");
        if (order.getLocalOrderId() < 0) throw invalid("order.local_order_id must be > 0: local_order_id=" + order.getLocalOrderId());
        if (!byDll) key(key);
        return new OrderRouter.OrderRef(byDll ? null : key, order.getLocalOrderId(), order.getClOrderId());
    }

    // ------------------------------------------------------------------ positions and history

    @Override
    public void getPosition(GetPositionRequest request, StreamObserver<Position> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
            OrderRouter.Listing<PositionInfo> l = router.position(account, instrument, positionType(request.getPositionType()));
            check(l.refusal());
            reply(response, TradingMapping.position(l.items().get(0)));
        });
    }

    @Override
    public void listPositions(ListPositionsRequest request, StreamObserver<ListPositionsResponse> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            OrderRouter.Listing<PositionInfo> l = router.positions(account, positionType(request.getPositionType()));
            check(l.refusal());
            ListPositionsResponse.Builder b = ListPositionsResponse.newBuilder();
            for (PositionInfo p : l.items()) b.addPositions(TradingMapping.position(p));
            reply(response, b.build());
        });
    }

    @Override
    public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
        guarded(response, () -> {
            AccountKey account = account(request.getAccount(), "account");
            long from = request.getFromNanos();
            long to = request.getToNanos();
            if ((from == 0) != (to == 0)) throw invalid("from_nanos and to_nanos go together (both 0: the whole day): from_nanos=" + from + ", to_nanos=" + to);
            if (from > to) throw invalid("from_nanos must not be after to_nanos: from_nanos=" + from + ", to_nanos=" + to);
            // the fence first: reports up to it were published before the DLL's orders were read (see trading.proto)
            long fence = log.lastSequence();
            OrderRouter.Listing<OrderSnapshot> l = router.orders(account, from, to);
            check(l.refusal());
            ListOrdersResponse.Builder b = ListOrdersResponse.newBuilder().setSessionId(log.sessionId()).setReportSequence(fence);
            for (OrderSnapshot s : l.items()) b.addOrders(TradingMapping.order(s, router.keyOf(s.clOrderId())));
            reply(response, b.build());
        });
    }

    // ------------------------------------------------------------------ execution reports

    @Override
    public void streamExecutionReports(StreamExecutionReportsRequest request, StreamObserver<ExecutionReportMessage> response) {
        guarded(response, () -> {
            var observer = (ServerCallStreamObserver<ExecutionReportMessage>) response;
            List<ExecutionReportMessage> first = new ArrayList<>();
            long cursor;
            long after = request.getAfterSequence();
            if (after < 0) throw invalid("after_sequence must be >= 0: after_sequence=" + after);
            String session = request.getSessionId();
            if (session.isEmpty()) {
                cursor = log.head();
            } else if (!session.equals(log.sessionId())) {
                first.add(gap(after, 0, "another gateway session: this one is " + log.sessionId() + "; reconcile with ListOrders"));
                cursor = log.head();
            } else if (after > log.lastSequence()) {
                first.add(gap(after, log.oldestSequence(), "after_sequence is beyond the last report " + log.lastSequence()));
                cursor = log.head();
            } else {
                long p = log.positionAfter(after);
                if (p < 0) {
                    first.add(gap(after, log.oldestSequence(), "reports after " + after + " are older than the gateway's buffer of "
                            + log.capacity() + "; reconcile with ListOrders"));
                    cursor = log.head();
                } else {
                    cursor = p;
                }
            }
            first.add(ExecutionReportMessage.newBuilder().setSessionId(log.sessionId()).setRouting(log.routing()).build());
            ReportStream stream = new ReportStream(observer, log, drainExecutor, cursor, after, first);
            log.add(stream);
            stream.signal();
        });
    }

    private ExecutionReportMessage gap(long requested, long oldest, String reason) {
        return ExecutionReportMessage.newBuilder().setSessionId(log.sessionId())
                .setGap(ResumeGap.newBuilder().setRequestedAfter(requested).setOldestAvailable(oldest).setReason(reason)).build();
    }

    // ------------------------------------------------------------------ validation

    static IdempotencyKey key(String value) {
        if (!IdempotencyKey.valid(value)) throw invalid("idempotency_key must be 1..64 printable ASCII characters: idempotency_key=\"" + value + "\"");
        return new IdempotencyKey(value);
    }

    static AccountKey account(AccountId id, String field) {
        try {
            return new AccountKey(id.getBrokerId(), id.getAccountId(), id.getSubAccountId());
        } catch (IllegalArgumentException e) {
            throw invalid(field + "." + e.getMessage());
        }
    }

    static BigDecimal price(String text, String field) {
        try {
            return Prices.parse(text);
        } catch (Prices.PriceFormatException e) {
            throw invalid(field + " " + e.getMessage() + ": " + field + "=\"" + text + "\"");
        }
    }

    static int positionType(PositionType t) {
        return switch (t) {
            case POSITION_TYPE_DAY_TRADE -> 1;
            case POSITION_TYPE_UNSPECIFIED, POSITION_TYPE_CONSOLIDATED -> 2;
            default -> throw invalid("position_type must be POSITION_TYPE_DAY_TRADE or POSITION_TYPE_CONSOLIDATED: position_type=" + t);
        };
    }

    private static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static void check(OrderRouter.Refusal r) {
        if (r == null) return;
        Status s = switch (r.reason()) {
            case NOT_ROUTABLE, ROUTING_DOWN -> Status.FAILED_PRECONDITION;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case NOT_FOUND -> Status.NOT_FOUND;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case INVALID -> Status.INVALID_ARGUMENT;
        };
        throw s.withDescription(r.message()).asRuntimeException();
    }
}
