package blackbox.cli.desk;

import blackbox.cli.CliException;
import blackbox.cli.Json;
import blackbox.cli.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox order send|replace|cancel|show}. */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Sends, replaces, cancels or shows one order.",
        subcommands = {OrderCommand.Send.class, OrderCommand.Replace.class, OrderCommand.Cancel.class, OrderCommand.Show.class})
public final class OrderCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit status of a command whose order exists but was DENIED by risk or REJECTED by the venue. */
    static final int ORDER_REFUSED = 3;

    /**
     * {@code order send SYMBOL --account ID --side buy|sell --qty N [--type market|limit|stop-limit] [--price P]
     * [--stop P] [--cl-ord-id ID]}: prints the order (with {@code --json} the scriptable shape). A retry with the same
     * {@code --cl-ord-id} answers the same order (nothing sent twice).
     */
    @Command(name = "send", mixinStandardHelpOptions = true, description = "Sends one order for one client account.")
    public static final class Send extends DeskCommand {
        @Parameters(index = "0", paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE")
        String symbol;

        @Option(names = "--account", required = true, paramLabel = "ID", description = "the client account")
        String account;

        @Option(names = "--side", required = true, paramLabel = "buy|sell")
        String side;

        @Option(names = "--qty", required = true, paramLabel = "N", description = "shares or contracts, a multiple of the lot")
        long quantity;

        @Option(names = "--type", paramLabel = "market|limit|stop-limit", description = "default: limit with --price, else market")
        String type;

        @Option(names = "--price", paramLabel = "P", description = "limit price (BRL)")
        String price;

        @Option(names = "--stop", paramLabel = "P", description = "stop (trigger) price of a stop-limit")
        String stop;

        @Option(names = "--cl-ord-id", paramLabel = "ID", description = "the idempotency key (default: a new one)")
        String clOrdId;

        @Option(names = "--strategy", paramLabel = "ID")
        String strategy;

        @Override
        public Integer call() {
            String s = side.trim().toLowerCase(Locale.ROOT);
            if (!s.equals("buy") && !s.equals("sell")) throw CliException.usage("--side must be buy or sell: --side " + side);
            if (quantity <= 0) throw CliException.usage("--qty must be > 0: --qty " + quantity);
            if (type != null && !type.matches("(?i)market|limit|stop-limit")) {
                throw CliException.usage("--type must be market, limit or stop-limit: --type " + type);
            }
            decimal("--price", price);
            decimal("--stop", stop);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cl_ord_id", clOrdId == null ? newClOrdId() : clOrdId);
            body.put("account", account);
            body.put("symbol", symbol);
            body.put("side", s);
            if (type != null) body.put("ord_type", type.toLowerCase(Locale.ROOT));
            body.put("order_qty", quantity);
            if (price != null) body.put("price", price);
            if (stop != null) body.put("stop_price", stop);
            if (strategy != null) body.put("strategy_id", strategy);
            JsonNode order = call("POST", "orders", body, "order send " + symbol).path("order");
            return printOrder(this, order);
        }
    }

    /** {@code order replace ID [--qty N] [--price P] [--stop P]}. */
    @Command(name = "replace", mixinStandardHelpOptions = true, description = "Changes an open order's quantity and/or prices.")
    public static final class Replace extends DeskCommand {
        @Parameters(index = "0", paramLabel = "CL_ORD_ID")
        String clOrdId;

        @Option(names = "--qty", paramLabel = "N", description = "the new total quantity")
        Long quantity;

        @Option(names = "--price", paramLabel = "P")
        String price;

        @Option(names = "--stop", paramLabel = "P")
        String stop;

        @Override
        public Integer call() {
            if (quantity == null && price == null && stop == null) throw CliException.usage("give --qty, --price or --stop");
            decimal("--price", price);
            decimal("--stop", stop);
            Map<String, Object> body = new LinkedHashMap<>();
            if (quantity != null) body.put("order_qty", quantity);
            if (price != null) body.put("price", price);
            if (stop != null) body.put("stop_price", stop);
            JsonNode order = call("POST", "orders/" + encode(clOrdId) + "/replace", body, "order replace " + clOrdId).path("order");
            return printOrder(this, order);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels an open order.")
    public static final class Cancel extends DeskCommand {
        @Parameters(index = "0", paramLabel = "CL_ORD_ID")
        String clOrdId;

        @Override
        public Integer call() {
            JsonNode order = call("POST", "orders/" + encode(clOrdId) + "/cancel", Map.of(), "order cancel " + clOrdId).path("order");
            return printOrder(this, order);
        }
    }

    /** {@code order show ID}: the order, its fills and its audit trail (commands and events). */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an order with its fills and audit trail.")
    public static final class Show extends DeskCommand {
        @Parameters(index = "0", paramLabel = "CL_ORD_ID")
        String clOrdId;

        @Override
        public Integer call() {
            JsonNode o = call("GET", "orders/" + encode(clOrdId), null, "order show " + clOrdId);
            if (json()) {
                Json.print(out(), o);
                return 0;
            }
            DeskShapes.ordersTable(Json.MAPPER.createArrayNode().add(o)).print(out());
            out().println("user " + o.path("user").asText() + ", block " + dash(o.path("block_id").asText())
                    + ", algorithm " + o.path("algorithm").asText() + ", created " + o.path("created_at").asText()
                    + (o.path("text").asText().isEmpty() ? "" : ", text: " + o.path("text").asText()));
            if (o.path("fills").size() > 0) {
                out().println();
                Table fills = new Table("EXEC_ID", "LAST_QTY", "LAST_PX", "TS_EVENT");
                for (JsonNode f : o.path("fills")) fills.row(f.path("exec_id").asText(), f.path("last_qty").asLong(), f.path("last_px").asText(), f.path("ts_event").asText());
                fills.print(out());
            }
            out().println();
            Table commands = new Table("AT", "USER", "ADDRESS", "COMMAND", "OUTCOME");
            for (JsonNode c : o.path("audit").path("commands")) {
                commands.row(c.path("at").asText(), c.path("user").asText(), c.path("address").asText(), c.path("command").asText(), c.path("outcome").asText());
            }
            commands.print(out());
            out().println();
            Table events = new Table("SEQ", "TYPE", "STATUS", "CUM", "LEAVES", "LAST_QTY", "LAST_PX", "TS_EVENT", "TEXT");
            for (JsonNode e : o.path("audit").path("events")) {
                events.row(e.path("sequence").asLong(), e.path("type").asText(), e.path("ord_status").asText(), e.path("cum_qty").asLong(),
                        e.path("leaves_qty").asLong(), e.has("last_qty") ? e.path("last_qty").asText() : "", e.path("last_px").asText(""),
                        e.path("ts_event").asText(), e.path("text").asText());
            }
            events.print(out());
            return 0;
        }
    }

    /** Prints the order; exit 0, or {@link #ORDER_REFUSED} with one line when it was DENIED or REJECTED. */
    static int printOrder(DeskCommand c, JsonNode order) {
        if (c.json()) Json.print(c.out(), DeskShapes.order(order));
        else DeskShapes.ordersTable(Json.MAPPER.createArrayNode().add(order)).print(c.out());
        String status = order.path("ord_status").asText();
        if (status.equals("DENIED") || status.equals("REJECTED")) {
            c.err().println(c.spec.qualifiedName(" ") + ": " + order.path("cl_ord_id").asText() + " " + status + ": " + order.path("text").asText());
            return ORDER_REFUSED;
        }
        return 0;
    }

    static void decimal(String option, String value) {
        if (value == null) return;
        try {
            new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw CliException.usage(option + " must be a decimal number such as 38.50: " + option + " " + value);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code cli-<ms base 36>-<6 random base-36 digits>}: unique enough per desk, ≤ 64 printable characters. */
    static String newClOrdId() {
        return "cli-" + Long.toString(System.currentTimeMillis(), 36) + "-" + Long.toString(1_000_000_000L + RANDOM.nextInt(1_000_000_000), 36);
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
