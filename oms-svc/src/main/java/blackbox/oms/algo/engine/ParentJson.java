package blackbox.oms.algo.engine;

import blackbox.oms.algo.AccountTarget;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.VolumeProfile;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.UserId;
import blackbox.oms.store.AlgorithmJson;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ParentOrder} as the {@code definition} jsonb column (the algorithm as {@link AlgorithmJson} writes it; a VWAP's
 * profile as {@code vwap_profile: {sessions, source, weights: [...]}}, so a restart resumes the same schedule).
 */
final class ParentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ParentJson() {
    }

    static String write(ParentOrder p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", p.id().value());
        p.block().ifPresent(b -> n.put("block", b.value()));
        n.put("user", p.user().value());
        p.strategy().ifPresent(s -> n.put("strategy", s.value()));
        n.put("ticker", p.instrument().ticker()).put("exchange", p.instrument().exchange());
        n.put("side", p.side().name()).put("ord_type", p.ordType().name()).put("price", p.price()).put("lot", p.lot());
        n.put("start_nanos", p.startNanos()).put("created_nanos", p.createdNanos()).put("trade_date", p.tradeDate().toString());
        try {
            n.set("algorithm", MAPPER.readTree(AlgorithmJson.write(p.algorithm())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.profile().ifPresent(profile -> {
            ObjectNode pn = n.putObject("vwap_profile").put("sessions", profile.sessions()).put("source", profile.source());
            ArrayNode w = pn.putArray("weights");
            for (long x : profile.weights()) w.add(x);
        });
        ArrayNode accounts = n.putArray("accounts");
        for (AccountTarget a : p.accounts()) {
            accounts.addObject().put("index", a.index()).put("account", a.account().value()).put("desk", a.desk().value())
                    .put("quantity", a.quantity());
        }
        return n.toString();
    }

    private static VolumeProfile profile(JsonNode n) {
        List<Long> weights = new ArrayList<>();
        for (JsonNode w : n.get("weights")) weights.add(w.asLong());
        return new VolumeProfile(weights, n.get("sessions").asInt(), n.get("source").asText());
    }

    static ParentOrder read(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            List<AccountTarget> accounts = new ArrayList<>();
            for (JsonNode a : n.get("accounts")) {
                accounts.add(new AccountTarget(a.get("index").asInt(), new AccountId(a.get("account").asText()),
                        new DeskId(a.get("desk").asText()), a.get("quantity").asLong()));
            }
            return new ParentOrder(new ClOrdId(n.get("id").asText()),
                    n.has("block") ? Optional.of(new BlockId(n.get("block").asText())) : Optional.empty(),
                    new UserId(n.get("user").asText()),
                    n.has("strategy") ? Optional.of(new StrategyId(n.get("strategy").asText())) : Optional.empty(),
                    new InstrumentId(n.get("ticker").asText(), n.get("exchange").asText()), Side.valueOf(n.get("side").asText()),
                    OrdType.valueOf(n.get("ord_type").asText()), n.get("price").asLong(),
                    AlgorithmJson.read(n.get("algorithm").toString()), n.get("lot").asLong(), accounts,
                    n.get("start_nanos").asLong(), n.get("created_nanos").asLong(), LocalDate.parse(n.get("trade_date").asText()),
                    n.has("vwap_profile") ? Optional.of(profile(n.get("vwap_profile"))) : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable parent definition: " + text, e);
        }
    }
}
