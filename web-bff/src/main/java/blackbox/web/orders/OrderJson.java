package blackbox.web.orders;

import blackbox.oms.v1.AccountAllocation;
import blackbox.oms.v1.Algorithm;
import blackbox.oms.v1.Block;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.Command;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.Side;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The REST shapes of the order side (web-bff/README.md "Orders"), from oms-svc's protos. Snake case; prices and money
 * decimal strings exactly as oms-svc gives them (never a double); quantities integers; times ISO-8601 UTC. Pure.
 */
public final class OrderJson {
    private OrderJson() {
    }

    public static String side(Side s) {
        return switch (s) {
            case SIDE_BUY -> "buy";
            case SIDE_SELL -> "sell";
            default -> "unspecified";
        };
    }

    public static String ordType(OrdType t) {
        return switch (t) {
            case ORD_TYPE_MARKET -> "market";
            case ORD_TYPE_LIMIT -> "limit";
            case ORD_TYPE_STOP_LIMIT -> "stop-limit";
            default -> "unspecified";
        };
    }

    /** FIX OrdStatus name: {@code NEW}, {@code PARTIALLY_FILLED}, {@code FILLED}, ... */
    public static String status(OrdStatus s) {
        return s.name().startsWith("ORD_STATUS_") ? s.name().substring("ORD_STATUS_".length()) : s.name();
    }

    public static String algorithmKind(Algorithm a) {
        return switch (a.getKindCase()) {
            case FULL, KIND_NOT_SET -> "full";
            case ICEBERG -> "iceberg";
            case TWAP -> "twap";
            case VWAP -> "vwap";
            case COVER_UP_TO -> "cover_up_to";
            case OCO -> "oco";
        };
    }

    /**
     * An order with its fills (the TRADE events given, in sequence order) and {@code accepted_at}, the venue's
     * acceptance time (the first NEW event's ts_event; null until then).
     */
    public static ObjectNode order(Order o, List<OrderEvent> events) {
        ObjectNode n = Json.object();
        n.put("cl_ord_id", o.getClOrdId());
        n.put("order_id", o.getOrderId());
        n.put("account", o.getAccount());
        n.put("symbol", Symbol.of(o.getInstrument()).text());
        n.put("side", side(o.getSide()));
        n.put("ord_type", ordType(o.getOrdType()));
        putPrice(n, "price", o.getPrice());
        putPrice(n, "stop_price", o.getStopPrice());
        n.put("order_qty", o.getOrderQty());
        n.put("cum_qty", o.getCumQty());
        n.put("leaves_qty", o.getLeavesQty());
        n.put("avg_px", o.getAvgPx().isEmpty() ? "0" : o.getAvgPx());
        n.put("notional", o.getNotional().isEmpty() ? "0" : o.getNotional());
        n.put("ord_status", status(o.getOrdStatus()));
        n.put("text", o.getText());
        n.put("user", o.getUser());
        n.put("desk", o.getDesk());
        n.put("strategy_id", o.getStrategyId());
        n.put("block_id", o.getBlockId());
        n.put("parent_cl_ord_id", o.getParentClOrdId());
        n.put("algorithm", algorithmKind(o.getAlgorithm()));
        n.put("trade_date", o.getTradeDate());
        n.put("created_at", Json.iso(o.getCreatedNanos()));
        n.put("updated_at", Json.iso(o.getUpdatedNanos()));
        OrderEvent accepted = null;
        ArrayNode fills = n.putArray("fills");
        for (OrderEvent e : events) {
            if (!e.getClOrdId().equals(o.getClOrdId())) continue;
            if (e.getType() == OrderEventType.ORDER_EVENT_TYPE_NEW && accepted == null) accepted = e;
            if (e.getType() == OrderEventType.ORDER_EVENT_TYPE_TRADE) {
                ObjectNode f = fills.addObject();
                f.put("exec_id", e.getExecId());
                f.put("last_px", e.getLastPx());
                f.put("last_qty", e.getLastQty());
                f.put("ts_event", Json.iso(e.getTsEvent()));
            }
        }
        if (accepted == null) n.putNull("accepted_at");
        else n.put("accepted_at", Json.iso(accepted.getTsEvent()));
        return n;
    }

    /** One event of an order's trail. */
    public static ObjectNode event(OrderEvent e) {
        ObjectNode n = Json.object();
        n.put("sequence", e.getSequence());
        n.put("type", e.getType().name().substring("ORDER_EVENT_TYPE_".length()));
        n.put("ord_status", status(e.getOrdStatus()));
        n.put("previous_status", status(e.getPreviousStatus()));
        n.put("order_qty", e.getOrderQty());
        n.put("cum_qty", e.getCumQty());
        n.put("leaves_qty", e.getLeavesQty());
        n.put("avg_px", e.getAvgPx());
        if (e.getType() == OrderEventType.ORDER_EVENT_TYPE_TRADE) {
            n.put("exec_id", e.getExecId());
            n.put("last_qty", e.getLastQty());
            n.put("last_px", e.getLastPx());
            n.put("reconciled", e.getReconciled());
        }
        n.put("text", e.getText());
        n.put("ts_event", Json.iso(e.getTsEvent()));
        n.put("ts_init", Json.iso(e.getTsInit()));
        return n;
    }

    /** One command of the audit trail: who, when, from where, what, and how it was answered. */
    public static ObjectNode command(Command c) {
        ObjectNode n = Json.object();
        n.put("id", c.getId());
        n.put("at", Json.iso(c.getAtNanos()));
        n.put("user", c.getUser());
        n.put("address", c.getAddress());
        n.put("command", c.getCommand());
        n.put("outcome", c.getOutcome());
        JsonNode params;
        try {
            params = Json.parse(c.getParametersJson());
        } catch (RuntimeException e) {
            params = Json.MAPPER.getNodeFactory().textNode(c.getParametersJson());
        }
        n.set("parameters", params);
        return n;
    }

    /**
     * A block's allocation preview; {@code estimated_notional} per account is quantity × the limit price when the
     * block has one (BRL, exact), else null.
     */
    public static ObjectNode preview(BlockPreview p, String price) {
        ObjectNode n = Json.object();
        n.put("method", p.getPolicy().getMethod().name().substring("ALLOCATION_METHOD_".length()).toLowerCase(Locale.ROOT));
        n.put("lot_size", p.getPolicy().getLotSize());
        n.put("total_qty", p.getTotalQty());
        n.put("allocated_qty", p.getAllocatedQty());
        n.put("residual_qty", p.getResidualQty());
        ArrayNode list = n.putArray("allocations");
        for (AccountAllocation a : p.getAllocationsList()) list.add(allocation(a, price));
        return n;
    }

    static ObjectNode allocation(AccountAllocation a, String price) {
        ObjectNode n = Json.object();
        n.put("account", a.getAccount());
        n.put("weight", a.getWeight());
        n.put("target_qty", a.getTargetQty());
        n.put("quantity", a.getQuantity());
        n.put("fractional_qty", a.getFractionalQty());
        if (price == null || price.isEmpty()) n.putNull("estimated_notional");
        else n.put("estimated_notional", new BigDecimal(price).multiply(BigDecimal.valueOf(a.getQuantity() + a.getFractionalQty())).toPlainString());
        return n;
    }

    public static ObjectNode block(Block b) {
        ObjectNode n = Json.object();
        n.put("block_id", b.getBlockId());
        n.put("user", b.getUser());
        n.put("strategy_id", b.getStrategyId());
        n.put("symbol", Symbol.of(b.getInstrument()).text());
        n.put("side", side(b.getSide()));
        n.put("ord_type", ordType(b.getOrdType()));
        putPrice(n, "price", b.getPrice());
        putPrice(n, "stop_price", b.getStopPrice());
        n.put("algorithm", algorithmKind(b.getAlgorithm()));
        n.put("method", b.getPolicy().getMethod().name().substring("ALLOCATION_METHOD_".length()).toLowerCase(Locale.ROOT));
        n.put("total_qty", b.getTotalQty());
        n.put("residual_qty", b.getResidualQty());
        n.put("avg_px", b.getAvgPx().isEmpty() ? "0" : b.getAvgPx());
        n.put("scheduled_qty", b.getProgress().getScheduledQty());
        n.put("filled_qty", b.getProgress().getFilledQty());
        n.put("created_at", Json.iso(b.getCreatedNanos()));
        ArrayNode list = n.putArray("allocations");
        for (AccountAllocation a : b.getAllocationsList()) list.add(allocation(a, b.getPrice()));
        ArrayNode children = n.putArray("child_cl_ord_ids");
        b.getChildClOrdIdsList().forEach(children::add);
        return n;
    }

    private static void putPrice(ObjectNode n, String field, String value) {
        if (value == null || value.isEmpty()) n.putNull(field);
        else n.put(field, value);
    }
}
