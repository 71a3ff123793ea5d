package blackbox.cli.desk;

import blackbox.cli.Json;
import blackbox.cli.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox risk limits|set|switches}. */
@Command(name = "risk", mixinStandardHelpOptions = true, description = "Pre-trade limits and kill switches.",
        subcommands = {RiskCommand.Limits.class, RiskCommand.Set.class, RiskCommand.Switches.class})
public final class RiskCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "limits", mixinStandardHelpOptions = true, description = "The limits in force.")
    public static final class Limits extends DeskCommand {
        @Override
        public Integer call() {
            JsonNode r = call("GET", "risk/limits", null, "risk limits");
            if (json()) {
                Json.print(out(), r.path("limits"));
                return 0;
            }
            Table t = new Table("SCOPE", "KEY", "KIND", "VALUE", "CHANGED_BY", "CHANGED_AT", "REASON");
            for (JsonNode l : r.path("limits")) {
                t.row(l.path("scope").path("type").asText(), l.path("scope").path("key").asText(), l.path("kind").asText(),
                        l.path("value").asText(), l.path("changed_by").asText(), l.path("changed_at").asText(), l.path("reason").asText());
            }
            if (t.size() == 0) out().println("no limits set");
            else t.print(out());
            return 0;
        }
    }

    /** {@code risk set SCOPE KIND VALUE --reason R}; an empty VALUE ("") clears the limit. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets (or, with an empty value, clears) one limit.")
    public static final class Set extends DeskCommand {
        @Parameters(index = "0", paramLabel = "SCOPE", description = "desk, account:ID, strategy:ID, instrument:SYMBOL, account_instrument:ID/SYMBOL")
        String scope;

        @Parameters(index = "1", paramLabel = "KIND", description = "MAX_ORDER_QUANTITY, MAX_ORDER_NOTIONAL, ... (risk-svc/README.md)")
        String kind;

        @Parameters(index = "2", paramLabel = "VALUE")
        String value;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("scope", Scopes.parse(scope));
            change.put("kind", kind);
            change.put("value", value);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("changes", List.of(change));
            body.put("reason", reason);
            JsonNode r = call("PUT", "risk/limits", body, "risk set " + scope + " " + kind);
            if (json()) Json.print(out(), r);
            else out().println(kind + " " + (value.isEmpty() ? "cleared" : "= " + value) + " at " + scope + " (version " + r.path("version").asLong() + ")");
            return 0;
        }
    }

    @Command(name = "switches", mixinStandardHelpOptions = true, description = "Kill switches not ACTIVE.")
    public static final class Switches extends DeskCommand {
        @Override
        public Integer call() {
            JsonNode r = call("GET", "risk/switches", null, "risk switches");
            if (json()) {
                Json.print(out(), r);
                return 0;
            }
            if (!r.path("state_known").asBoolean()) out().println("risk state NOT KNOWN: " + r.path("unknown_reason").asText());
            Table t = new Table("SCOPE", "KEY", "STATE", "MODE", "CHANGED_BY", "CHANGED_AT", "REASON");
            for (JsonNode k : r.path("switches")) {
                t.row(k.path("scope").path("type").asText(), k.path("scope").path("key").asText(), k.path("state").asText(),
                        k.path("mode").asText(), k.path("changed_by").asText(), k.path("changed_at").asText(), k.path("reason").asText());
            }
            if (t.size() == 0) out().println("every scope ACTIVE");
            else t.print(out());
            return 0;
        }
    }
}
