package blackbox.cli.desk;

import blackbox.cli.CliException;
import blackbox.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox halt|reduce|resume SCOPE} and {@code blackbox panic}: risk-svc's kill switches through web-bff. */
public final class SwitchCommands {
    private SwitchCommands() {
    }

    abstract static class ScopeCommand extends DeskCommand {
        @Parameters(index = "0", paramLabel = "SCOPE", description = "desk, account:ID, strategy:ID, instrument:SYMBOL")
        String scope;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "recorded in risk-svc's audit")
        String reason;

        abstract String action();

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scope", Scopes.parse(scope));
            body.put("reason", reason);
            return body;
        }

        @Override
        public Integer call() {
            return print(this, call("POST", "risk/" + action(), body(), action() + " " + scope));
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true, description = "Stops a scope: every working order in it is cancelled.")
    public static final class Halt extends ScopeCommand {
        @Option(names = "--mode", paramLabel = "keep|flatten|correct", defaultValue = "keep",
                description = "after the cancels: keep the positions (default), flatten them, or record them closed elsewhere")
        String mode;

        @Option(names = "--wait", description = "wait for every cancel's confirmation and print the report")
        boolean waitForReport;

        @Override
        String action() {
            return "halt";
        }

        @Override
        Map<String, Object> body() {
            if (!mode.toLowerCase(Locale.ROOT).matches("keep|flatten|correct")) throw CliException.usage("--mode must be keep, flatten or correct: --mode " + mode);
            Map<String, Object> body = super.body();
            body.put("mode", mode.toLowerCase(Locale.ROOT));
            body.put("wait_for_report", waitForReport);
            return body;
        }
    }

    @Command(name = "reduce", mixinStandardHelpOptions = true, description = "Only reducing orders pass in a scope.")
    public static final class Reduce extends ScopeCommand {
        @Override
        String action() {
            return "reduce";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "A scope back to ACTIVE.")
    public static final class Resume extends ScopeCommand {
        @Override
        String action() {
            return "resume";
        }
    }

    @Command(name = "panic", mixinStandardHelpOptions = true,
            description = "The panic button: the desk HALTED and every working order cancelled (also: touch <data dir>/PANIC).")
    public static final class Panic extends DeskCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Option(names = "--flatten", description = "also send zeroing orders for every position")
        boolean flatten;

        @Option(names = "--wait", description = "wait for every cancel's confirmation and print the report")
        boolean waitForReport;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("flatten", flatten);
            body.put("reason", reason);
            body.put("wait_for_report", waitForReport);
            return print(this, call("POST", "risk/panic", body, "panic"));
        }
    }

    static int print(DeskCommand c, JsonNode r) {
        if (c.json()) {
            Json.print(c.out(), r);
            return 0;
        }
        JsonNode s = r.path("switch");
        String scope = s.path("scope").path("type").asText() + (s.path("scope").path("key").asText().isEmpty() ? "" : " " + s.path("scope").path("key").asText());
        if (!r.path("changed").asBoolean()) c.out().println("unchanged: " + r.path("unchanged_reason").asText());
        else c.out().println(scope + " " + s.path("state").asText() + (s.path("mode").asText().isEmpty() ? "" : " (" + s.path("mode").asText() + ")")
                + " by " + s.path("changed_by").asText());
        JsonNode rep = r.path("report");
        if (!rep.isMissingNode()) {
            c.out().println("cancels sent " + rep.path("cancels_sent").asInt() + ", confirmed " + rep.path("confirmed").size()
                    + ", rejected " + rep.path("rejected").size() + ", unconfirmed " + rep.path("unconfirmed").size()
                    + ", failed " + rep.path("failed").size() + ", flatten orders " + rep.path("flatten_orders").size());
            for (JsonNode o : rep.path("unconfirmed")) c.out().println("  unconfirmed " + o.path("cl_ord_id").asText() + " " + o.path("account").asText());
        }
        return 0;
    }
}
