package blackbox.cli.desk;

import blackbox.cli.Json;
import blackbox.cli.Table;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code blackbox positions [--account ID]}: positions per account (positions-svc through web-bff); the table also
 * shows the desk's consolidation per instrument. {@code --json}: {@code [{account, symbol, quantity, avg_price,
 * realized_pnl, unrealized_pnl}]}.
 */
@Command(name = "positions", mixinStandardHelpOptions = true, description = "Positions per client account and consolidated.")
public final class PositionsCommand extends DeskCommand {
    @Option(names = "--account", paramLabel = "ID")
    String account;

    @Override
    public Integer call() {
        JsonNode r = call("GET", query("positions", "account", account), null, "positions");
        if (json()) {
            Json.print(out(), DeskShapes.positions(r.path("positions")));
            return 0;
        }
        DeskShapes.positionsTable(r.path("positions")).print(out());
        if (account == null && r.path("consolidated").size() > 0) {
            out().println();
            Table t = new Table("SYMBOL", "ACCOUNTS", "QUANTITY", "AVG_PRICE", "REALIZED_PNL", "UNREALIZED_PNL");
            for (JsonNode c : r.path("consolidated")) {
                t.row(c.path("symbol").asText(), c.path("accounts").asInt(), c.path("quantity").asLong(), c.path("avg_price").asText(),
                        c.path("realized_pnl").asText(), c.path("unrealized_pnl").asText());
            }
            t.print(out());
        }
        return 0;
    }
}
