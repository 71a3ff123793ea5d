package blackbox.cli.desk;

import blackbox.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code blackbox balances [--account ID]}: projected cash D+0 / D+1 / D+2 (BRL) per account and the desk's total.
 * {@code --json}: {@code [{account, d0, d1, d2}]}, BRL as decimal strings.
 */
@Command(name = "balances", mixinStandardHelpOptions = true, description = "Cash balances D+0, D+1, D+2 per client account.")
public final class BalancesCommand extends DeskCommand {
    @Option(names = "--account", paramLabel = "ID")
    String account;

    @Override
    public Integer call() {
        JsonNode r = call("GET", query("balances", "account", account), null, "balances");
        if (json()) {
            Json.print(out(), DeskShapes.balances(r.path("balances")));
            return 0;
        }
        var t = DeskShapes.balancesTable(r.path("balances"));
        if (account == null) t.row("TOTAL", r.path("total").path("d0").asText(), r.path("total").path("d1").asText(), r.path("total").path("d2").asText());
        t.print(out());
        return 0;
    }
}
