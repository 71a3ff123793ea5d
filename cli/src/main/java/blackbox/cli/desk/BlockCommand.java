package blackbox.cli.desk;

import blackbox.cli.CliException;
import blackbox.cli.Json;
import blackbox.cli.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox block preview|send}: a block order for many client accounts, allocated by oms-svc. */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Previews or sends a block order for many client accounts.",
        subcommands = {BlockCommand.Preview.class, BlockCommand.Send.class})
public final class BlockCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both subcommands take. */
    abstract static class Terms extends DeskCommand {
        @Parameters(index = "0", paramLabel = "SYMBOL")
        String symbol;

        @Option(names = "--side", required = true, paramLabel = "buy|sell")
        String side;

        @Option(names = "--method", required = true, paramLabel = "fixed|percent|equity|cash")
        String method;

        @Option(names = "--total", paramLabel = "N", description = "total quantity (percent, equity, cash)")
        Long total;

        @Option(names = "--account", paramLabel = "ID[=VALUE]",
                description = "a participating account; VALUE is its quantity (fixed), percent (percent) or BRL weight (equity/cash)")
        List<String> accounts = new ArrayList<>();

        @Option(names = "--group", paramLabel = "GROUP", description = "every account of this client group (equity, cash)")
        String group;

        @Option(names = "--type", paramLabel = "market|limit|stop-limit")
        String type;

        @Option(names = "--price", paramLabel = "P")
        String price;

        @Option(names = "--stop", paramLabel = "P")
        String stop;

        @Option(names = "--algo", paramLabel = "KIND", description = "full (default), iceberg, twap, vwap, cover_up_to, oco")
        String algorithm;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "an algorithm parameter, e.g. horizon_secs=600")
        List<String> params = new ArrayList<>();

        Map<String, Object> body(String blockId) {
            String m = method.trim().toLowerCase(Locale.ROOT);
            if (!m.matches("fixed|percent|equity|cash")) throw CliException.usage("--method must be fixed, percent, equity or cash: --method " + method);
            if (accounts.isEmpty() && group == null) throw CliException.usage("give --account (repeatable) or --group");
            OrderCommand.decimal("--price", price);
            OrderCommand.decimal("--stop", stop);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("block_id", blockId);
            body.put("symbol", symbol);
            body.put("side", side);
            body.put("method", m);
            if (total != null) body.put("total_qty", total);
            if (type != null) body.put("ord_type", type);
            if (price != null) body.put("price", price);
            if (stop != null) body.put("stop_price", stop);
            if (group != null) body.put("client_group", group);
            List<Map<String, Object>> list = new ArrayList<>();
            for (String a : accounts) {
                Map<String, Object> n = new LinkedHashMap<>();
                int eq = a.indexOf('=');
                n.put("account", eq < 0 ? a : a.substring(0, eq));
                if (eq >= 0) {
                    String v = a.substring(eq + 1);
                    switch (m) {
                        case "fixed" -> {
                            if (!v.matches("[0-9]{1,18}")) throw CliException.usage("--account " + a + ": the quantity must be a whole number");
                            n.put("quantity", Long.parseLong(v));
                        }
                        case "percent" -> n.put("percent", v);
                        default -> n.put("weight", v);
                    }
                }
                list.add(n);
            }
            if (!list.isEmpty()) body.put("accounts", list);
            if (algorithm != null) {
                Map<String, Object> algo = new LinkedHashMap<>();
                algo.put("kind", algorithm);
                for (String p : params) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) throw CliException.usage("--param must be NAME=VALUE: --param " + p);
                    String v = p.substring(eq + 1);
                    algo.put(p.substring(0, eq), v.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(v) : v);
                }
                body.put("algorithm", algo);
            } else if (!params.isEmpty()) {
                throw CliException.usage("--param needs --algo");
            }
            return body;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "The allocation per account, nothing sent.")
    public static final class Preview extends Terms {
        @Override
        public Integer call() {
            JsonNode p = call("POST", "blocks/preview", body("preview-" + OrderCommand.newClOrdId()), "block preview " + symbol);
            if (json()) {
                Json.print(out(), p);
                return 0;
            }
            Table t = new Table("ACCOUNT", "WEIGHT", "TARGET", "QUANTITY", "FRACTIONAL", "EST_NOTIONAL");
            for (JsonNode a : p.path("allocations")) {
                t.row(a.path("account").asText(), a.path("weight").asText(), a.path("target_qty").asText(), a.path("quantity").asLong(),
                        a.path("fractional_qty").asLong(), DeskShapes.text(a.get("estimated_notional")));
            }
            t.print(out());
            out().println("total " + p.path("total_qty").asLong() + ", allocated " + p.path("allocated_qty").asLong()
                    + ", residual " + p.path("residual_qty").asLong() + " (lot " + p.path("lot_size").asLong() + ")");
            return 0;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Sends the block: one child order per account.")
    public static final class Send extends Terms {
        @Option(names = "--block-id", paramLabel = "ID", description = "the idempotency key (default: a new one)")
        String blockId;

        @Override
        public Integer call() {
            String id = blockId == null ? "blk-" + OrderCommand.newClOrdId().substring(4) : blockId;
            JsonNode r = call("POST", "blocks", body(id), "block send " + symbol);
            if (json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("block_id", r.path("block").path("block_id").asText());
                out.put("duplicate", r.path("duplicate").asBoolean());
                out.put("children", DeskShapes.orders(r.path("children")));
                Json.print(out(), out);
                return 0;
            }
            out().println("block " + r.path("block").path("block_id").asText() + (r.path("duplicate").asBoolean() ? " (already sent)" : "")
                    + ": " + r.path("children").size() + " child orders, residual " + r.path("block").path("residual_qty").asLong());
            DeskShapes.ordersTable(r.path("children")).print(out());
            return 0;
        }
    }
}
