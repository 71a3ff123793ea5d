package blackbox.oms.store;

import blackbox.oms.core.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** {@link Algorithm} as the {@code algorithm} jsonb column: {@code {"kind":"twap","horizon_secs":600,...}}. */
public final class AlgorithmJson {
    private AlgorithmJson() {
    }

    public static String write(Algorithm algorithm) {
        ObjectNode node = Json.object().put("kind", algorithm.label());
        switch (algorithm) {
            case Algorithm.Full f -> {
            }
            case Algorithm.Iceberg a -> node.put("max_floor", a.maxFloor());
            case Algorithm.Twap a -> node.put("horizon_secs", a.horizonSecs()).put("interval_secs", a.intervalSecs())
                    .put("start_nanos", a.startNanos());
            case Algorithm.Vwap a -> node.put("horizon_secs", a.horizonSecs()).put("interval_secs", a.intervalSecs())
                    .put("participation_rate", a.participationRate().toPlainString()).put("start_nanos", a.startNanos())
                    .put("profile_sessions", a.profileSessions());
            case Algorithm.CoverUpTo a -> node.put("limit_price", a.limitPrice()).put("offset_ticks", a.offsetTicks())
                    .put("tick", a.tick());
            case Algorithm.Oco a -> node.put("limit_price", a.limitPrice()).put("stop_price", a.stopPrice())
                    .put("stop_limit_price", a.stopLimitPrice());
        }
        return Json.write(node);
    }

    public static Algorithm read(String text) {
        JsonNode n = Json.read(text);
        String kind = Json.field(n, "kind").asText();
        return switch (kind) {
            case "full" -> Algorithm.Full.INSTANCE;
            case "iceberg" -> new Algorithm.Iceberg(n.get("max_floor").asLong());
            case "twap" -> new Algorithm.Twap(n.get("horizon_secs").asLong(), n.get("interval_secs").asLong(),
                    n.get("start_nanos").asLong());
            case "vwap" -> new Algorithm.Vwap(n.get("horizon_secs").asLong(), n.get("interval_secs").asLong(),
                    new BigDecimal(n.get("participation_rate").asText()), n.get("start_nanos").asLong(),
                    n.has("profile_sessions") ? n.get("profile_sessions").asInt() : Algorithm.Vwap.DEFAULT_PROFILE_SESSIONS);
            case "cover_up_to" -> new Algorithm.CoverUpTo(n.get("limit_price").asLong(), n.get("offset_ticks").asInt(),
                    n.get("tick").asLong());
            case "oco" -> new Algorithm.Oco(n.get("limit_price").asLong(), n.get("stop_price").asLong(),
                    n.get("stop_limit_price").asLong());
            default -> throw new IllegalStateException("unknown stored algorithm: " + text);
        };
    }
}
