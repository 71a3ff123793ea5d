package blackbox.oms.store;

import blackbox.oms.core.EventType;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@link OrderEvent}'s own fields as the {@code payload} jsonb column, so a stored event can be read back and
 * replayed exactly (the times are columns of their own).
 */
final class EventPayload {
    private EventPayload() {
    }

    static String write(OrderEvent event) {
        ObjectNode n = Json.object();
        switch (event) {
            case OrderEvent.Sent e -> orderId(n, e.orderId());
            case OrderEvent.Accepted e -> orderId(n, e.orderId());
            case OrderEvent.Rejected e -> n.put("reason", e.reason());
            case OrderEvent.Denied e -> n.put("reason", e.reason());
            case OrderEvent.Filled e -> n.put("exec_id", e.execId().value()).put("last_qty", e.lastQty())
                    .put("last_px", e.lastPx()).put("venue_cum_qty", e.venueCumQty()).put("reconciled", e.reconciled());
            case OrderEvent.CancelRequested e -> {
            }
            case OrderEvent.Canceled e -> {
            }
            case OrderEvent.CancelRejected e -> n.put("reason", e.reason());
            case OrderEvent.ReplaceRequested e -> n.put("order_qty", e.orderQty()).put("price", e.price())
                    .put("stop_price", e.stopPrice());
            case OrderEvent.Replaced e -> n.put("order_qty", e.orderQty()).put("price", e.price())
                    .put("stop_price", e.stopPrice());
            case OrderEvent.ReplaceRejected e -> n.put("reason", e.reason());
            case OrderEvent.Expired e -> {
            }
            case OrderEvent.OutcomeUnknown e -> n.put("reason", e.reason());
            case OrderEvent.StatusRead e -> {
                n.put("status", e.status().name()).put("order_qty", e.orderQty()).put("cum_qty", e.cumQty())
                        .put("price", e.price()).put("stop_price", e.stopPrice()).put("text", e.text());
                orderId(n, e.orderId());
            }
        }
        return Json.write(n);
    }

    private static void orderId(ObjectNode n, OrderId orderId) {
        if (orderId != null) n.put("order_id", orderId.value());
    }

    /** The event of a stored row; null for CREATED (the creation is not a transition). */
    static OrderEvent read(EventType type, String payload, long tsEvent, long tsInit) {
        JsonNode n = Json.read(payload);
        return switch (type) {
            case CREATED -> null;
            case SENT -> new OrderEvent.Sent(orderId(n), tsEvent, tsInit);
            case NEW -> new OrderEvent.Accepted(orderId(n), tsEvent, tsInit);
            case REJECTED -> new OrderEvent.Rejected(text(n, "reason"), tsEvent, tsInit);
            case DENIED -> new OrderEvent.Denied(text(n, "reason"), tsEvent, tsInit);
            case TRADE -> new OrderEvent.Filled(new ExecId(text(n, "exec_id")), n.get("last_qty").asLong(),
                    n.get("last_px").asLong(), n.get("venue_cum_qty").asLong(), n.get("reconciled").asBoolean(), tsEvent,
                    tsInit);
            case CANCEL_REQUESTED -> new OrderEvent.CancelRequested(tsEvent, tsInit);
            case CANCELED -> new OrderEvent.Canceled(tsEvent, tsInit);
            case CANCEL_REJECTED -> new OrderEvent.CancelRejected(text(n, "reason"), tsEvent, tsInit);
            case REPLACE_REQUESTED -> new OrderEvent.ReplaceRequested(n.get("order_qty").asLong(), n.get("price").asLong(),
                    n.get("stop_price").asLong(), tsEvent, tsInit);
            case REPLACED -> new OrderEvent.Replaced(n.get("order_qty").asLong(), n.get("price").asLong(),
                    n.get("stop_price").asLong(), tsEvent, tsInit);
            case REPLACE_REJECTED -> new OrderEvent.ReplaceRejected(text(n, "reason"), tsEvent, tsInit);
            case EXPIRED -> new OrderEvent.Expired(tsEvent, tsInit);
            case OUTCOME_UNKNOWN -> new OrderEvent.OutcomeUnknown(text(n, "reason"), tsEvent, tsInit);
            case STATUS_READ -> new OrderEvent.StatusRead(OrdStatus.valueOf(text(n, "status")), n.get("order_qty").asLong(),
                    n.get("cum_qty").asLong(), n.get("price").asLong(), n.get("stop_price").asLong(), orderId(n),
                    text(n, "text"), tsEvent, tsInit);
        };
    }

    private static OrderId orderId(JsonNode n) {
        JsonNode id = n.get("order_id");
        return id == null ? null : new OrderId(id.asText());
    }

    private static String text(JsonNode n, String field) {
        return Json.field(n, field).asText();
    }
}
