package blackbox.web.orders;

import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.Algorithm;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CoverUpTo;
import blackbox.oms.v1.Full;
import blackbox.oms.v1.Iceberg;
import blackbox.oms.v1.Oco;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.ReplaceOrderRequest;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.TimeInForce;
import blackbox.oms.v1.Twap;
import blackbox.oms.v1.Vwap;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The order side's request bodies (JSON) as oms-svc requests. Shape is checked here (a field of the wrong type, an
 * unknown side or type: {@link InvalidInput} naming the field and value); the business rules (lot, tick, known
 * account) are oms-svc's, whose INVALID_ARGUMENT also names the field and value. Pure.
 */
public final class OrderRequests {
    private OrderRequests() {
    }

    /** {@code {cl_ord_id, account, symbol, side, ord_type?, order_qty, price?, stop_price?, time_in_force?, expire_date?, strategy_id?, algorithm?, text?}} */
    public static SubmitOrderRequest submit(JsonNode body) {
        String clOrdId = required(body, "cl_ord_id");
        SubmitOrderRequest.Builder b = SubmitOrderRequest.newBuilder()
                .setClOrdId(clOrdId)
                .setAccount(required(body, "account"))
                .setInstrument(Symbol.parse("symbol", required(body, "symbol")).toProto())
                .setSide(side("side", required(body, "side")))
                .setOrderQty(positiveLong(body, "order_qty"));
        String price = price(body, "price");
        String stop = price(body, "stop_price");
        b.setOrdType(ordType("ord_type", optional(body, "ord_type"), price));
        if (price != null) b.setPrice(price);
        if (stop != null) b.setStopPrice(stop);
        String tif = optional(body, "time_in_force");
        if (tif != null) b.setTimeInForce(timeInForce(tif));
        String expire = optional(body, "expire_date");
        if (expire != null) b.setExpireDate(expire);
        String strategy = optional(body, "strategy_id");
        if (strategy != null) b.setStrategyId(strategy);
        if (body.hasNonNull("algorithm")) b.setAlgorithm(algorithm(body.get("algorithm")));
        String text = optional(body, "text");
        if (text != null) b.setText(text);
        return b.build();
    }

    /** {@code {order_qty?, price?, stop_price?}}: at least one. */
    public static ReplaceOrderRequest replace(String clOrdId, JsonNode body) {
        ReplaceOrderRequest.Builder b = ReplaceOrderRequest.newBuilder().setClOrdId(clOrdId);
        boolean any = false;
        if (body.hasNonNull("order_qty")) {
            b.setOrderQty(positiveLong(body, "order_qty"));
            any = true;
        }
        String price = price(body, "price");
        if (price != null) {
            b.setPrice(price);
            any = true;
        }
        String stop = price(body, "stop_price");
        if (stop != null) {
            b.setStopPrice(stop);
            any = true;
        }
        if (!any) throw new InvalidInput("body", body.toString(), "must give order_qty, price or stop_price");
        return b.build();
    }

    /**
     * {@code {block_id, symbol, side, ord_type?, price?, stop_price?, method, total_qty?, accounts?:[{account,
     * quantity?, percent?, weight?}], client_group?, algorithm?, strategy_id?, text?}}.
     */
    public static BlockRequest block(JsonNode body) {
        BlockRequest.Builder b = BlockRequest.newBuilder()
                .setBlockId(required(body, "block_id"))
                .setInstrument(Symbol.parse("symbol", required(body, "symbol")).toProto())
                .setSide(side("side", required(body, "side")))
                .setMethod(method(required(body, "method")));
        String price = price(body, "price");
        String stop = price(body, "stop_price");
        b.setOrdType(ordType("ord_type", optional(body, "ord_type"), price));
        if (price != null) b.setPrice(price);
        if (stop != null) b.setStopPrice(stop);
        if (body.hasNonNull("total_qty")) b.setTotalQty(positiveLong(body, "total_qty"));
        JsonNode accounts = body.get("accounts");
        if (accounts != null && !accounts.isNull()) {
            if (!accounts.isArray()) throw new InvalidInput("accounts", accounts.toString(), "must be an array");
            int i = 0;
            for (JsonNode a : accounts) {
                String at = "accounts[" + i++ + "]";
                if (!a.isObject()) throw new InvalidInput(at, a.toString(), "must be an object {account, quantity?, percent?, weight?}");
                BlockAccount.Builder ba = BlockAccount.newBuilder().setAccount(requiredAt(a, at + ".account", "account"));
                if (a.hasNonNull("quantity")) ba.setQuantity(positiveLongAt(a, at + ".quantity", "quantity"));
                if (a.hasNonNull("percent")) ba.setPercent(decimalAt(a, at + ".percent", "percent"));
                if (a.hasNonNull("weight")) ba.setWeight(decimalAt(a, at + ".weight", "weight"));
                b.addAccounts(ba);
            }
        }
        String group = optional(body, "client_group");
        if (group != null) b.setClientGroup(group);
        if (body.hasNonNull("algorithm")) b.setAlgorithm(algorithm(body.get("algorithm")));
        String strategy = optional(body, "strategy_id");
        if (strategy != null) b.setStrategyId(strategy);
        String text = optional(body, "text");
        if (text != null) b.setText(text);
        return b.build();
    }

    /** {@code {kind: full|iceberg|twap|vwap|cover_up_to|oco, ...its parameters as in oms.proto}}. */
    static Algorithm algorithm(JsonNode a) {
        if (!a.isObject()) throw new InvalidInput("algorithm", a.toString(), "must be an object {kind, ...parameters}");
        String kind = requiredAt(a, "algorithm.kind", "kind").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "full" -> Algorithm.newBuilder().setFull(Full.getDefaultInstance()).build();
            case "iceberg" -> Algorithm.newBuilder().setIceberg(Iceberg.newBuilder()
                    .setMaxFloor(positiveLongAt(a, "algorithm.max_floor", "max_floor"))).build();
            case "twap" -> Algorithm.newBuilder().setTwap(Twap.newBuilder()
                    .setHorizonSecs(positiveLongAt(a, "algorithm.horizon_secs", "horizon_secs"))
                    .setIntervalSecs(positiveLongAt(a, "algorithm.interval_secs", "interval_secs"))
                    .setStartNanos(a.path("start_nanos").asLong(0))).build();
            case "vwap" -> Algorithm.newBuilder().setVwap(Vwap.newBuilder()
                    .setHorizonSecs(positiveLongAt(a, "algorithm.horizon_secs", "horizon_secs"))
                    .setIntervalSecs(positiveLongAt(a, "algorithm.interval_secs", "interval_secs"))
                    .setParticipationRate(decimalAt(a, "algorithm.participation_rate", "participation_rate"))
                    .setStartNanos(a.path("start_nanos").asLong(0))).build();
            case "cover_up_to" -> Algorithm.newBuilder().setCoverUpTo(CoverUpTo.newBuilder()
                    .setLimitPrice(decimalAt(a, "algorithm.limit_price", "limit_price"))
                    .setOffsetTicks(a.path("offset_ticks").asInt(0))).build();
            case "oco" -> Algorithm.newBuilder().setOco(Oco.newBuilder()
                    .setLimitPrice(decimalAt(a, "algorithm.limit_price", "limit_price"))
                    .setStopPrice(decimalAt(a, "algorithm.stop_price", "stop_price"))
                    .setStopLimitPrice(decimalAt(a, "algorithm.stop_limit_price", "stop_limit_price"))).build();
            default -> throw new InvalidInput("algorithm.kind", kind, "must be one of full, iceberg, twap, vwap, cover_up_to, oco");
        };
    }

    public static Side side(String field, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "buy", "b", "compra" -> Side.SIDE_BUY;
            case "sell", "s", "venda" -> Side.SIDE_SELL;
            default -> throw new InvalidInput(field, text, "must be buy or sell");
        };
    }

    /** Absent: limit with a price, market without. */
    static OrdType ordType(String field, String text, String price) {
        if (text == null) return price == null ? OrdType.ORD_TYPE_MARKET : OrdType.ORD_TYPE_LIMIT;
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "market" -> OrdType.ORD_TYPE_MARKET;
            case "limit" -> OrdType.ORD_TYPE_LIMIT;
            case "stop-limit", "stop" -> OrdType.ORD_TYPE_STOP_LIMIT;
            default -> throw new InvalidInput(field, text, "must be market, limit or stop-limit");
        };
    }

    static TimeInForce timeInForce(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> TimeInForce.TIME_IN_FORCE_DAY;
            case "gtc" -> TimeInForce.TIME_IN_FORCE_GTC;
            case "gtd" -> TimeInForce.TIME_IN_FORCE_GTD;
            case "ioc" -> TimeInForce.TIME_IN_FORCE_IOC;
            case "fok" -> TimeInForce.TIME_IN_FORCE_FOK;
            default -> throw new InvalidInput("time_in_force", text, "must be day, gtc, gtd, ioc or fok");
        };
    }

    public static AllocationMethod method(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fixed" -> AllocationMethod.ALLOCATION_METHOD_FIXED;
            case "percent" -> AllocationMethod.ALLOCATION_METHOD_PERCENT;
            case "equity" -> AllocationMethod.ALLOCATION_METHOD_EQUITY;
            case "cash" -> AllocationMethod.ALLOCATION_METHOD_CASH;
            default -> throw new InvalidInput("method", text, "must be fixed, percent, equity or cash");
        };
    }

    static String required(JsonNode body, String field) {
        return requiredAt(body, field, field);
    }

    static String requiredAt(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidInput(path, null, "is required");
        if (!v.isTextual() && !v.isNumber()) throw new InvalidInput(path, v.toString(), "must be a string");
        String s = v.asText().trim();
        if (s.isEmpty()) throw new InvalidInput(path, v.asText(), "must not be empty");
        return s;
    }

    static String optional(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() && !v.isNumber()) throw new InvalidInput(field, v.toString(), "must be a string");
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static long positiveLong(JsonNode body, String field) {
        return positiveLongAt(body, field, field);
    }

    static long positiveLongAt(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidInput(path, null, "is required");
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.asLong();
        } else if (v.isTextual() && v.asText().trim().matches("[0-9]{1,18}")) {
            n = Long.parseLong(v.asText().trim());
        } else {
            throw new InvalidInput(path, v.asText(), "must be a whole number");
        }
        if (n <= 0) throw new InvalidInput(path, Long.toString(n), "must be > 0");
        return n;
    }

    /** A price as decimal text (a JSON string, or a number written as given); null when absent. */
    static String price(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) return null;
        return decimalAt(body, field, field);
    }

    static String decimalAt(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidInput(path, null, "is required");
        String text = v.isNumber() ? v.decimalValue().toPlainString() : v.asText().trim();
        try {
            new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInput(path, text, "must be a decimal number such as 38.50");
        }
        return text;
    }
}
