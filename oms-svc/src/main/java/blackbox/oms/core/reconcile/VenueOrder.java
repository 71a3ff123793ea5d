package blackbox.oms.core.reconcile;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrderId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as the venue knows it: an entry of the gateway's {@code ListOrders} (or an ORDER_STATUS report), in
 * core terms. Prices scaled ({@link blackbox.oms.core.Prices}).
 *
 * @param clOrdId the idempotency key the gateway sent it with; null when it was not sent by this gateway
 * @param status never DENIED
 * @param avgPx the venue's AvgPx as reported ({@code 0} before any fill)
 * @param text the venue's text (the reject reason), empty when none
 * @param updatedNanos the venue's last update time, UTC ns
 */
public record VenueOrder(ClOrdId clOrdId, OrderId orderId, OrdStatus status, long orderQty, long cumQty, long price,
                         long stopPrice, BigDecimal avgPx, String text, long updatedNanos) {
    public VenueOrder {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(avgPx, "avgPx");
        Objects.requireNonNull(text, "text");
    }
}
