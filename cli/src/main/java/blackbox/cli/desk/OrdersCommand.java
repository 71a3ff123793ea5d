package blackbox.cli.desk;

import blackbox.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code blackbox orders [--account ID] [--symbol S] [--status S,...] [--algorithm A] [--block ID] [--day YYYY-MM-DD]}:
 * the desk's orders, newest first, every page; {@code --json} an array of the scriptable order shape with
 * {@code fills} and {@code accepted_at}.
 */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "Lists your desk's orders, newest first.")
public final class OrdersCommand extends DeskCommand {
    @Option(names = "--account", paramLabel = "ID")
    String account;

    @Option(names = "--symbol", paramLabel = "SYMBOL")
    String symbol;

    @Option(names = "--status", paramLabel = "STATUS", description = "e.g. NEW,PARTIALLY_FILLED")
    String status;

    @Option(names = "--algorithm", paramLabel = "KIND", description = "full, iceberg, twap, vwap, cover_up_to, oco")
    String algorithm;

    @Option(names = "--block", paramLabel = "ID")
    String block;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "created on this B3 date")
    String day;

    @Override
    public Integer call() {
        ArrayNode all = Json.MAPPER.createArrayNode();
        String page = null;
        do {
            JsonNode r = call("GET", query("orders", "account", account, "symbol", symbol, "status", status, "algorithm", algorithm,
                    "block", block, "day", day, "page_token", page), null, "orders");
            for (JsonNode o : r.path("orders")) all.add(o);
            page = r.path("next_page_token").asText("");
            if (page.isEmpty()) page = null;
        } while (page != null);
        if (json()) Json.print(out(), DeskShapes.orders(all));
        else if (all.isEmpty()) out().println("no orders");
        else DeskShapes.ordersTable(all).print(out());
        return 0;
    }
}
