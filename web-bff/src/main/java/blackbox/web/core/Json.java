package blackbox.web.core;

import blackbox.candles.v1.Candle;
import blackbox.gateway.v1.Trade;
import blackbox.indicators.v1.IndicatorValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the web API (snake_case), built from the gRPC messages. Times are ISO-8601 UTC strings plus
 * {@code time_nanos} (UTC epoch ns); financial volume is BRL with 4 decimals, exact from the 0.0001 BRL units.
 * Pure and thread-safe.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a request body; a syntax error is an {@link InvalidInput} on field {@code body}. */
    public static JsonNode parse(String text) {
        try {
            JsonNode n = MAPPER.readTree(text == null ? "" : text);
            if (n == null || !n.isObject()) throw new InvalidInput("body", abbreviate(text), "must be a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", abbreviate(text), "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** A string field of a request body, or {@link InvalidInput} when missing or not a string. */
    public static String requiredText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) throw new InvalidInput(field, null, "is required");
        if (!n.isTextual()) throw new InvalidInput(field, n.toString(), "must be a string");
        return n.asText();
    }

    public static String iso(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    public static BigDecimal brl(long unitsOf0001) {
        return BigDecimal.valueOf(unitsOf0001, 4);
    }

    public static ObjectNode candle(Candle c) {
        ObjectNode n = object();
        n.put("time", iso(c.getBucketStartNanos()));
        n.put("time_nanos", c.getBucketStartNanos());
        n.put("open", c.getOpen());
        n.put("high", c.getHigh());
        n.put("low", c.getLow());
        n.put("close", c.getClose());
        n.put("volume", c.getVolume());
        n.put("financial_volume", brl(c.getFinancialVolumeUnits()));
        n.put("trades", c.getTrades());
        n.put("vwap", c.getVwap());
        return n;
    }

    public static ObjectNode trade(Trade t) {
        ObjectNode n = object();
        n.put("time_nanos", t.getTimeNanos());
        n.put("trade_number", Integer.toUnsignedLong(t.getTradeNumber()));
        n.put("price", t.getPrice());
        n.put("quantity", t.getQuantity());
        n.put("aggressor", switch (t.getAggressor()) {
            case AGGRESSOR_BUY -> "buy";
            case AGGRESSOR_SELL -> "sell";
            default -> "none";
        });
        n.put("received_nanos", t.getReceivedNanos());
        return n;
    }

    public static ArrayNode trades(List<Trade> trades) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Trade t : trades) a.add(trade(t));
        return a;
    }

    public static ObjectNode indicatorValue(IndicatorValue v) {
        ObjectNode n = object();
        n.put("time", iso(v.getBucketStartNanos()));
        n.put("time_nanos", v.getBucketStartNanos());
        n.put("ready", v.getReady());
        if (v.getProvisional()) n.put("provisional", true); // the forming candle's value: it will change
        ArrayNode values = n.putArray("values");
        for (double d : v.getValuesList()) values.add(d);
        return n;
    }

    public static ObjectNode symbol(Symbol s) {
        ObjectNode n = object();
        n.put("symbol", s.text());
        n.put("ticker", s.ticker());
        n.put("exchange", s.exchange());
        return n;
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
