package blackbox.oms.gateway;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.Prices;
import blackbox.platform.domain.Decimals;
import java.math.BigDecimal;

/** The gateway contract's values in core terms. A value the contract promises but breaks is a bug: it throws. */
final class GatewayValues {
    private GatewayValues() {
    }

    /** Decimal text to a scaled price; empty is 0. @throws IllegalArgumentException naming the field */
    static long price(String field, String text) {
        return text.isEmpty() ? 0 : Prices.parse(field, text);
    }

    static BigDecimal avgPx(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : Decimals.parse("avg_px", text);
    }

    /** The ClOrdID oms-svc sent the order with, or null when the gateway did not send it for us. */
    static ClOrdId clOrdId(String idempotencyKey) {
        return ClOrdId.valid(idempotencyKey) ? new ClOrdId(idempotencyKey) : null;
    }

    static OrderId orderId(blackbox.gateway.v1.DllOrderRef ref) {
        return OrderId.valid(ref.getClOrderId()) ? new OrderId(ref.getClOrderId()) : null;
    }

    /**
     * The gateway's OrdStatus in ours. REPLACED is a working order with its new terms (DLL orders change in place);
     * UNSPECIFIED counts as UNKNOWN.
     */
    static OrdStatus status(blackbox.gateway.v1.OrdStatus status, long cumQty) {
        return switch (status) {
            case ORD_STATUS_PENDING_NEW -> OrdStatus.PENDING_NEW;
            case ORD_STATUS_NEW -> OrdStatus.NEW;
            case ORD_STATUS_PARTIALLY_FILLED -> OrdStatus.PARTIALLY_FILLED;
            case ORD_STATUS_FILLED -> OrdStatus.FILLED;
            case ORD_STATUS_PENDING_CANCEL -> OrdStatus.PENDING_CANCEL;
            case ORD_STATUS_PENDING_REPLACE -> OrdStatus.PENDING_REPLACE;
            case ORD_STATUS_CANCELED -> OrdStatus.CANCELED;
            case ORD_STATUS_REPLACED -> OrdStatus.working(cumQty);
            case ORD_STATUS_EXPIRED -> OrdStatus.EXPIRED;
            case ORD_STATUS_REJECTED -> OrdStatus.REJECTED;
            case ORD_STATUS_UNKNOWN, ORD_STATUS_UNSPECIFIED, UNRECOGNIZED -> OrdStatus.UNKNOWN;
        };
    }
}
