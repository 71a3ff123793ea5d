package blackbox.cli.desk;

import blackbox.cli.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The CLI's scriptable JSON shapes (issue 17, which other tools depend on), projected from web-bff's REST answers:
 * exactly these fields in this order, nothing else. Prices and money are decimal strings as web-bff gives them; times
 * ISO-8601 UTC. Pure.
 */
public final class DeskShapes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** {@code order send --json} and each element of {@code orders --json}. */
    public static final List<String> ORDER = List.of("cl_ord_id", "account", "symbol", "side", "ord_type", "price",
            "stop_price", "order_qty", "cum_qty", "leaves_qty", "avg_px", "ord_status", "fills", "accepted_at");
    public static final List<String> FILL = List.of("exec_id", "last_px", "last_qty", "ts_event");
    public static final List<String> POSITION = List.of("account", "symbol", "quantity", "avg_price", "realized_pnl", "unrealized_pnl");
    public static final List<String> BALANCE = List.of("account", "d0", "d1", "d2");
    public static final List<String> ACCOUNT = List.of("account", "name", "group");

    private DeskShapes() {
    }

    public static ObjectNode order(JsonNode o) {
        ObjectNode n = pick(o, ORDER);
        ArrayNode fills = F.arrayNode();
        for (JsonNode f : o.path("fills")) fills.add(pick(f, FILL));
        n.set("fills", fills);
        return n;
    }

    public static ArrayNode orders(JsonNode list) {
        ArrayNode out = F.arrayNode();
        for (JsonNode o : list) out.add(order(o));
        return out;
    }

    public static ArrayNode positions(JsonNode list) {
        return each(list, POSITION);
    }

    public static ArrayNode balances(JsonNode list) {
        return each(list, BALANCE);
    }

    public static ArrayNode accounts(JsonNode list) {
        return each(list, ACCOUNT);
    }

    private static ArrayNode each(JsonNode list, List<String> fields) {
        ArrayNode out = F.arrayNode();
        for (JsonNode x : list) out.add(pick(x, fields));
        return out;
    }

    /** The fields of {@code node} in {@code fields}' order; a missing one is null. */
    static ObjectNode pick(JsonNode node, List<String> fields) {
        ObjectNode n = F.objectNode();
        for (String f : fields) {
            JsonNode v = node.get(f);
            n.set(f, v == null ? F.nullNode() : v.deepCopy());
        }
        return n;
    }

    public static Table ordersTable(JsonNode orders) {
        Table t = new Table("CL_ORD_ID", "ACCOUNT", "SYMBOL", "SIDE", "TYPE", "QTY", "CUM", "LEAVES", "PRICE", "AVG_PX", "STATUS", "FILLS", "ACCEPTED_AT");
        for (JsonNode o : orders) {
            t.row(o.path("cl_ord_id").asText(), o.path("account").asText(), o.path("symbol").asText(), o.path("side").asText(),
                    o.path("ord_type").asText(), o.path("order_qty").asLong(), o.path("cum_qty").asLong(), o.path("leaves_qty").asLong(),
                    text(o.get("price")), o.path("avg_px").asText(), o.path("ord_status").asText(), o.path("fills").size(),
                    text(o.get("accepted_at")));
        }
        return t;
    }

    public static Table positionsTable(JsonNode positions) {
        Table t = new Table("ACCOUNT", "SYMBOL", "QUANTITY", "AVG_PRICE", "REALIZED_PNL", "UNREALIZED_PNL");
        for (JsonNode p : positions) {
            t.row(p.path("account").asText(), p.path("symbol").asText(), p.path("quantity").asLong(), p.path("avg_price").asText(),
                    p.path("realized_pnl").asText(), p.path("unrealized_pnl").asText());
        }
        return t;
    }

    public static Table balancesTable(JsonNode balances) {
        Table t = new Table("ACCOUNT", "D0", "D1", "D2");
        for (JsonNode b : balances) t.row(b.path("account").asText(), b.path("d0").asText(), b.path("d1").asText(), b.path("d2").asText());
        return t;
    }

    public static Table accountsTable(JsonNode accounts) {
        Table t = new Table("ACCOUNT", "NAME", "GROUP");
        for (JsonNode a : accounts) t.row(a.path("account").asText(), a.path("name").asText(), a.path("group").asText());
        return t;
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() ? "-" : v.asText();
    }
}
