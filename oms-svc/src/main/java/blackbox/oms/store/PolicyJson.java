package blackbox.oms.store;

import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.oms.core.block.AllocationPolicy;
import blackbox.oms.core.block.Routing;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** {@link AllocationPolicy} as the {@code blocks.policy} jsonb column (the immutable record of the policy used). */
final class PolicyJson {
    private PolicyJson() {
    }

    static String write(AllocationPolicy p) {
        ObjectNode n = Json.object().put("method", p.method().name()).put("tie_break", p.tieBreak().name())
                .put("residual", p.residualRule().name()).put("routing", p.routing().name()).put("lot", p.lot());
        p.masterAccount().ifPresent(a -> n.put("master_account", a.value()));
        p.fractional().ifPresent(i -> n.put("fractional", i.toString()));
        return Json.write(n);
    }

    static AllocationPolicy read(String text) {
        JsonNode n = Json.read(text);
        JsonNode master = n.get("master_account");
        JsonNode fractional = n.get("fractional");
        return new AllocationPolicy(AllocationMethod.valueOf(Json.field(n, "method").asText()),
                TieBreak.valueOf(Json.field(n, "tie_break").asText()), ResidualRule.valueOf(Json.field(n, "residual").asText()),
                Routing.valueOf(Json.field(n, "routing").asText()),
                master == null ? Optional.empty() : Optional.of(new AccountId(master.asText())),
                Json.field(n, "lot").asLong(),
                fractional == null ? Optional.empty() : Optional.of(InstrumentId.parse(fractional.asText())));
    }
}
