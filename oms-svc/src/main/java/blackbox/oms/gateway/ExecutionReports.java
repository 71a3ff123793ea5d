package blackbox.oms.gateway;

import blackbox.gateway.v1.ExecutionReport;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.reconcile.VenueOrder;

/**
 * The gateway's execution reports ({@code blackbox.gateway.v1.Trading.StreamExecutionReports}) as core events, by
 * ExecType (profitdll-api.md §7.3: routing progress, then order state changes, consumed idempotently). The
 * gateway's ExecIDs are stable per DLL event, so a replayed report is a duplicate the core ignores. Thread-safe.
 */
public final class ExecutionReports {
    private ExecutionReports() {
    }

    /**
     * @param nowNanos when oms-svc saw the report (the events' {@code tsInit}); {@code tsEvent} is the DLL's time
     * @throws IllegalArgumentException when a price in the report is not decimal text with at most 4 decimals (a
     *     breach of the gateway's contract)
     */
    public static ReportMapping map(ExecutionReport r, long nowNanos) {
        ClOrdId clOrdId = GatewayValues.clOrdId(r.getIdempotencyKey());
        if (clOrdId == null) {
            return new ReportMapping.Skipped("not sent by oms-svc: idempotency_key=\"" + r.getIdempotencyKey() + "\"");
        }
        long ts = r.getTsEvent();
        String text = r.getText();
        OrderEvent event = switch (r.getExecType()) {
            case EXEC_TYPE_PENDING_NEW -> new OrderEvent.Sent(GatewayValues.orderId(r.getDll()), ts, nowNanos);
            case EXEC_TYPE_NEW -> new OrderEvent.Accepted(GatewayValues.orderId(r.getDll()), ts, nowNanos);
            case EXEC_TYPE_TRADE -> new OrderEvent.Filled(new ExecId(r.getExecId()), r.getLastQty(),
                    GatewayValues.price("last_px", r.getLastPx()), r.getCumQty(), false, ts, nowNanos);
            case EXEC_TYPE_CANCELED -> new OrderEvent.Canceled(ts, nowNanos);
            case EXEC_TYPE_REPLACED -> new OrderEvent.Replaced(r.getOrderQty(), GatewayValues.price("price", r.getPrice()),
                    GatewayValues.price("stop_price", r.getStopPrice()), ts, nowNanos);
            case EXEC_TYPE_EXPIRED -> new OrderEvent.Expired(ts, nowNanos);
            case EXEC_TYPE_REJECTED -> new OrderEvent.Rejected(text.isEmpty() ? "rejected (DLL status "
                    + r.getDllOrderStatus() + ", result " + r.getDllResultCode() + ")" : text, ts, nowNanos);
            case EXEC_TYPE_CANCEL_REJECTED -> new OrderEvent.CancelRejected(text.isEmpty() ? "cancel rejected" : text, ts, nowNanos);
            case EXEC_TYPE_REPLACE_REJECTED -> new OrderEvent.ReplaceRejected(text.isEmpty() ? "replace rejected" : text, ts, nowNanos);
            case EXEC_TYPE_UNKNOWN -> new OrderEvent.OutcomeUnknown(text.isEmpty() ? "the gateway lost track of the order"
                    : text, ts, nowNanos);
            case EXEC_TYPE_ORDER_STATUS, EXEC_TYPE_PENDING_CANCEL, EXEC_TYPE_PENDING_REPLACE, EXEC_TYPE_UNSPECIFIED,
                 UNRECOGNIZED -> null;
        };
        if (event != null) return new ReportMapping.ForOrder(clOrdId, event);
        return switch (r.getExecType()) {
            case EXEC_TYPE_ORDER_STATUS -> new ReportMapping.StatusOf(clOrdId, venueOrder(r));
            case EXEC_TYPE_PENDING_CANCEL, EXEC_TYPE_PENDING_REPLACE ->
                    new ReportMapping.Skipped("the venue is working on a request; its outcome follows: exec_type=" + r.getExecType());
            default -> new ReportMapping.Skipped("unknown exec_type: exec_type=" + r.getExecTypeValue());
        };
    }

    private static VenueOrder venueOrder(ExecutionReport r) {
        return new VenueOrder(GatewayValues.clOrdId(r.getIdempotencyKey()), GatewayValues.orderId(r.getDll()),
                GatewayValues.status(r.getOrdStatus(), r.getCumQty()), r.getOrderQty(), r.getCumQty(),
                GatewayValues.price("price", r.getPrice()), GatewayValues.price("stop_price", r.getStopPrice()),
                GatewayValues.avgPx(r.getAvgPx()), r.getText(), r.getTsEvent());
    }
}
