package blackbox.cli;

import static blackbox.cli.StackEndToEndTest.await;
import static blackbox.cli.StackEndToEndTest.cli;
import static blackbox.cli.StackEndToEndTest.deleteTree;
import static blackbox.cli.StackEndToEndTest.tempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.cli.desk.DeskShapes;
import blackbox.cli.stack.RunningStack;
import blackbox.cli.stack.StackOptions;
import blackbox.cli.stack.StackServices;
import blackbox.cli.stack.StepListener;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17's end-to-end test through the CLI: the stack started as {@code blackbox up} starts it (order side
 * included: positions-svc, oms-svc, risk-svc on the demo roster with the demo opening imported), the real PETR4 tape of
 * 2025-04-07 replayed at 10x and rebased to today; the demo trader sends market orders for several accounts with
 * {@code blackbox order send}, reads them back with {@code blackbox orders --json}, and {@code positions --json} and
 * {@code balances --json} must equal what this test computes from the fills it read back, the demo opening and the
 * fee table positions-svc uses (its {@code fees.csv}). Also: the exact JSON shapes of issue 17, an idempotent
 * retry, a viewer refused, a desk halt and resume by the risk user.
 */
class OrderDeskEndToEndTest {
    static final Path B3_PETR4 = StackEndToEndTest.B3_PETR4;

    /** Buys for accounts without PETR4, sells from accounts holding it at the opening: no day trade. */
    record Ticket(String account, String side, long quantity) {
    }

    static final List<Ticket> TICKETS = List.of(
            new Ticket("4512074", "buy", 300), new Ticket("4512112", "buy", 200), new Ticket("4513023", "buy", 1000),
            new Ticket("7730031", "buy", 100), new Ticket("4512031", "sell", 500), new Ticket("7730090", "sell", 300));

    @Test
    @Timeout(360)
    void ordersSentThroughTheCliFillOnTheB3TapeAndPositionsAndBalancesEqualTheFillsReadBack() throws Exception {
        if (!Files.isRegularFile(B3_PETR4)) {
            System.out.println("SKIPPED (printed reason): no B3 data at " + B3_PETR4 + " (../shared/data is not on this machine)");
            return;
        }
        Path work = tempDir("blackbox-desk-e2e");
        Path dataDir = work.resolve("stack");
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path replay = work.resolve("petr4.replay.csv");
            StackEndToEndTest.Result imported = cli(Map.of(), "import", "--format", "b3-umdf", "--out", replay.toString(), B3_PETR4.toString());
            assertEquals(0, imported.code(), imported.err());
            StackOptions options = new StackOptions(dataDir, List.of(replay), "10x", true, Optional.empty(), Optional.empty(),
                    StackOptions.DEFAULT_TIMEZONES, true, true, StackOptions.STACK_USER,
                    // every command below logs in afresh (BLACKBOX_USER/PASSWORD): more than the default 30 a minute
                    // the halt's cancel is confirmed through oms-svc and the simulator: 5 s (the default) was once not
                    // enough on a loaded 2-core CI machine (1 run of 5, cancel sent, confirmation later); the test is
                    // that it is confirmed, not how fast
                    Map.of("BLACKBOX_WEB_LOGIN_ATTEMPTS_PER_ADDRESS", "100000", "BLACKBOX_RISK_CANCEL_TIMEOUT", "20s"));
            try (RunningStack stack = StackServices.start(options, StepListener.printing(new PrintWriter(System.out, true)))) {
                stack.writeStackFile();
                stack.endpointLines().forEach(System.out::println);
                run(stack, dataDir);
            }
        } finally {
            deleteTree(work);
        }
    }

    private void run(RunningStack stack, Path dataDir) throws Exception {
        java.util.Properties passwords = new java.util.Properties();
        try (var r = Files.newBufferedReader(dataDir.resolve("demo-users.properties"))) {
            passwords.load(r);
        }
        Map<String, String> trader = env(dataDir, "trader", passwords);
        Map<String, String> viewer = env(dataDir, "viewer", passwords);
        Map<String, String> risk = env(dataDir, "risk", passwords);

        // accounts: the demo roster, >= 20 accounts in 3 groups, exactly {account, name, group}
        JsonNode accounts = json(desk(trader, "accounts", "--json"));
        assertTrue(accounts.size() >= 20, "accounts: " + accounts);
        java.util.Set<String> groups = new java.util.TreeSet<>();
        for (JsonNode a : accounts) {
            assertEquals(DeskShapes.ACCOUNT, fields(a), "accounts --json shape");
            groups.add(a.get("group").asText());
        }
        assertEquals(3, groups.size(), "groups: " + groups);

        // the tape is running: wait for PETR4 trades (oms-svc's reference price for market orders)
        await(() -> petr4Trades(stack) >= 3, Duration.ofSeconds(60), () -> "PETR4 trades replayed (" + petr4Trades(stack) + ")");

        // a viewer cannot send: one line, exit 1
        StackEndToEndTest.Result refused = desk(viewer, "order", "send", "PETR4", "--account", "4512074", "--side", "buy", "--qty", "100");
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("role trader required") && refused.err().lines().count() == 1, refused.err());
        // an account of no desk: refused naming it
        StackEndToEndTest.Result foreign = desk(trader, "order", "send", "PETR4", "--account", "9999999", "--side", "buy", "--qty", "100");
        assertEquals(1, foreign.code(), foreign.err());
        assertTrue(foreign.err().contains("account=9999999"), foreign.err());
        // a bad quantity: oms-svc's message names the field and value (exit 2: a refusal of the request as given)
        StackEndToEndTest.Result badLot = desk(trader, "order", "send", "PETR4", "--account", "4512074", "--side", "buy", "--qty", "150",
                "--cl-ord-id", "e2e-bad-lot");
        assertEquals(2, badLot.code(), badLot.err());
        assertTrue(badLot.err().contains("order_qty") && badLot.err().contains("150"), badLot.err());

        // the orders
        List<String> ids = new ArrayList<>();
        for (Ticket t : TICKETS) {
            String id = "e2e-" + t.account() + "-" + t.side();
            StackEndToEndTest.Result sent = desk(trader, "order", "send", "PETR4", "--account", t.account(), "--side", t.side(),
                    "--qty", Long.toString(t.quantity()), "--type", "market", "--cl-ord-id", id, "--json");
            assertEquals(0, sent.code(), sent.err());
            JsonNode o = json(sent);
            assertEquals(DeskShapes.ORDER, fields(o), "order send --json shape");
            assertEquals(id, o.get("cl_ord_id").asText());
            assertEquals(t.account(), o.get("account").asText());
            assertEquals("PETR4", o.get("symbol").asText());
            assertEquals(t.side(), o.get("side").asText());
            assertEquals("market", o.get("ord_type").asText());
            assertEquals(t.quantity(), o.get("order_qty").asLong());
            ids.add(id);
        }
        // a retry with the same ClOrdID is the same order: nothing sent twice
        Ticket first = TICKETS.getFirst();
        StackEndToEndTest.Result again = desk(trader, "order", "send", "PETR4", "--account", first.account(), "--side", first.side(),
                "--qty", Long.toString(first.quantity()), "--type", "market", "--cl-ord-id", ids.getFirst(), "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(ids.getFirst(), json(again).get("cl_ord_id").asText());

        // read back until every order is FILLED
        JsonNode[] orders = new JsonNode[1];
        await(() -> {
            orders[0] = json(desk(trader, "orders", "--json"));
            int filled = 0;
            for (JsonNode o : orders[0]) if (ids.contains(o.get("cl_ord_id").asText()) && o.get("ord_status").asText().equals("FILLED")) filled++;
            return filled == ids.size();
        }, Duration.ofSeconds(60), () -> "every order FILLED: " + orders[0]);
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode o : orders[0]) {
            assertEquals(DeskShapes.ORDER, fields(o), "orders --json shape");
            byId.merge(o.get("cl_ord_id").asText(), o, (a, b) -> {
                throw new AssertionError("listed twice: " + a);
            });
        }
        // expected positions and cash from the fills read back
        Opening opening = Opening.load();
        Map<String, BigDecimal> boughtValue = new TreeMap<>();
        Map<String, Long> bought = new TreeMap<>();
        Map<String, BigDecimal> soldValue = new TreeMap<>();
        Map<String, Long> sold = new TreeMap<>();
        for (Ticket t : TICKETS) {
            JsonNode o = byId.get("e2e-" + t.account() + "-" + t.side());
            assertNotNull(o, "order of " + t);
            assertFalse(o.get("accepted_at").isNull(), "accepted_at of " + o);
            long qty = 0;
            BigDecimal value = BigDecimal.ZERO;
            for (JsonNode f : o.get("fills")) {
                assertEquals(DeskShapes.FILL, fields(f), "fill shape");
                assertTrue(f.get("ts_event").asText().endsWith("Z"), "ISO-8601 UTC: " + f);
                qty += f.get("last_qty").asLong();
                value = value.add(new BigDecimal(f.get("last_px").asText()).multiply(BigDecimal.valueOf(f.get("last_qty").asLong())));
            }
            assertEquals(t.quantity(), qty, "fills of " + o);
            assertEquals(t.quantity(), o.get("cum_qty").asLong());
            assertEquals(0, o.get("leaves_qty").asLong());
            assertEquals(0, value.divide(BigDecimal.valueOf(qty), 8, RoundingMode.HALF_EVEN).compareTo(new BigDecimal(o.get("avg_px").asText())),
                    "avg_px of " + o);
            if (t.side().equals("buy")) {
                bought.put(t.account(), qty);
                boughtValue.put(t.account(), value);
            } else {
                sold.put(t.account(), qty);
                soldValue.put(t.account(), value);
            }
        }
        Fees fees = Fees.load();
        Map<String, String> expectedRows = new TreeMap<>();
        for (Ticket t : TICKETS) {
            String a = t.account();
            long q0 = opening.quantity(a, "PETR4");
            BigDecimal avg0 = opening.averagePrice(a, "PETR4");
            long qty = q0 + bought.getOrDefault(a, 0L) - sold.getOrDefault(a, 0L);
            BigDecimal avg = bought.containsKey(a)
                    ? avg0.multiply(BigDecimal.valueOf(q0)).add(boughtValue.get(a)).divide(BigDecimal.valueOf(q0 + bought.get(a)), 8, RoundingMode.HALF_EVEN)
                    : avg0; // a sale reduces at the unchanged average
            BigDecimal traded = boughtValue.getOrDefault(a, BigDecimal.ZERO).add(soldValue.getOrDefault(a, BigDecimal.ZERO));
            BigDecimal costs = fees.normal(traded);
            BigDecimal cash0 = opening.cash(a);
            BigDecimal d2 = cash0.subtract(boughtValue.getOrDefault(a, BigDecimal.ZERO)).add(soldValue.getOrDefault(a, BigDecimal.ZERO)).subtract(costs);
            expectedRows.put(a, qty + " @ " + avg.stripTrailingZeros().toPlainString() + "; d0 " + plain(cash0) + " d1 " + plain(cash0) + " d2 " + plain(d2));
        }
        Map<String, String>[] actualRows = new Map[1];
        await(() -> {
            actualRows[0] = actual(trader);
            return actualRows[0].equals(expectedRows);
        }, Duration.ofSeconds(30), () -> "positions and balances " + actualRows[0] + "\n expected " + expectedRows);
        System.out.println("positions and balances equal the fills read back: " + expectedRows);

        // the order's audit trail through `order show`: the user who sent it
        JsonNode shown = json(desk(trader, "order", "show", ids.getFirst(), "--json"));
        assertEquals("trader", shown.get("user").asText());
        assertTrue(shown.get("audit").get("commands").size() >= 1, shown.toString());
        assertEquals("trader", shown.get("audit").get("commands").get(0).get("user").asText());

        // a block resting far below the market: preview, send, list by block, replace one child, cancel the other
        JsonNode preview = json(desk(trader, "block", "preview", "PETR4", "--side", "buy", "--method", "fixed",
                "--account", "7730058=100", "--account", "7730074=200", "--type", "limit", "--price", "20.00", "--json"));
        assertEquals(300, preview.get("allocated_qty").asLong(), preview.toString());
        assertEquals("4000.00", preview.get("allocations").get(1).get("estimated_notional").asText(), "200 x 20.00: " + preview);
        JsonNode block = json(desk(trader, "block", "send", "PETR4", "--side", "buy", "--method", "fixed",
                "--account", "7730058=100", "--account", "7730074=200", "--type", "limit", "--price", "20.00",
                "--block-id", "e2e-blk", "--json"));
        assertEquals(2, block.get("children").size(), block.toString());
        assertEquals(2, json(desk(trader, "block", "send", "PETR4", "--side", "buy", "--method", "fixed",
                "--account", "7730058=100", "--account", "7730074=200", "--type", "limit", "--price", "20.00",
                "--block-id", "e2e-blk", "--json")).get("children").size(), "a retried block is the same block");
        JsonNode[] children = new JsonNode[1];
        await(() -> {
            children[0] = json(desk(trader, "orders", "--block", "e2e-blk", "--json"));
            int working = 0;
            for (JsonNode c : children[0]) if (c.get("ord_status").asText().equals("NEW")) working++;
            return children[0].size() == 2 && working == 2;
        }, Duration.ofSeconds(30), () -> "both children NEW: " + children[0]);
        String one = "e2e-blk/1";
        String two = "e2e-blk/2";
        assertEquals(0, desk(trader, "order", "replace", one, "--price", "20.50").code());
        assertEquals(0, desk(trader, "order", "cancel", two).code());
        await(() -> {
            JsonNode a = json(desk(trader, "order", "show", one, "--json"));
            JsonNode b = json(desk(trader, "order", "show", two, "--json"));
            return a.get("price").asText().equals("20.50") && a.get("ord_status").asText().equals("NEW")
                    && b.get("ord_status").asText().equals("CANCELED");
        }, Duration.ofSeconds(30), () -> "replaced and canceled: " + json(desk(trader, "orders", "--block", "e2e-blk", "--json")));

        // the risk user halts the desk (cancelling the working child): an order is then DENIED (exit 3, one line)
        StackEndToEndTest.Result traderHalt = desk(trader, "halt", "desk", "--reason", "not mine");
        assertEquals(1, traderHalt.code(), traderHalt.err());
        StackEndToEndTest.Result halted = desk(risk, "halt", "desk", "--reason", "e2e", "--wait");
        assertEquals(0, halted.code(), halted.err());
        assertTrue(halted.out().contains("HALTED"), halted.out());
        assertTrue(halted.out().contains("cancels sent 1, confirmed 1"), "the working child cancelled: " + halted.out());
        await(() -> json(desk(trader, "risk", "switches", "--json")).get("switches").size() == 1, Duration.ofSeconds(10), () -> "one switch");
        StackEndToEndTest.Result denied = desk(trader, "order", "send", "PETR4", "--account", "4512074", "--side", "buy", "--qty", "100",
                "--type", "market", "--cl-ord-id", "e2e-after-halt", "--json");
        assertEquals(3, denied.code(), denied.out() + denied.err());
        assertEquals("DENIED", Json.MAPPER.readTree(denied.out()).get("ord_status").asText(), "the order is printed: " + denied.out());
        assertEquals(1, denied.err().lines().count(), denied.err());
        assertTrue(denied.err().startsWith("blackbox order send: e2e-after-halt DENIED: SWITCH_HALTED"), denied.err());
        StackEndToEndTest.Result resumed = desk(risk, "resume", "desk", "--reason", "e2e done");
        assertEquals(0, resumed.code(), resumed.err());
    }

    /** account → "quantity @ avg; d0 .. d1 .. d2 .." for the tickets' accounts, from positions and balances --json. */
    private static Map<String, String> actual(Map<String, String> env) {
        Map<String, String> rows = new TreeMap<>();
        JsonNode positions = json(desk(env, "positions", "--json"));
        JsonNode balances = json(desk(env, "balances", "--json"));
        Map<String, JsonNode> cash = new HashMap<>();
        for (JsonNode b : balances) {
            assertEquals(DeskShapes.BALANCE, fields(b), "balances --json shape");
            assertTrue(b.get("d2").isTextual(), "BRL as decimal strings: " + b);
            cash.put(b.get("account").asText(), b);
        }
        for (JsonNode p : positions) {
            assertEquals(DeskShapes.POSITION, fields(p), "positions --json shape");
            String a = p.get("account").asText();
            if (!p.get("symbol").asText().equals("PETR4") || TICKETS.stream().noneMatch(t -> t.account().equals(a))) continue;
            JsonNode b = cash.get(a);
            rows.put(a, p.get("quantity").asLong() + " @ " + new BigDecimal(p.get("avg_price").asText()).stripTrailingZeros().toPlainString()
                    + "; d0 " + plain(new BigDecimal(b.get("d0").asText())) + " d1 " + plain(new BigDecimal(b.get("d1").asText()))
                    + " d2 " + plain(new BigDecimal(b.get("d2").asText())));
        }
        return rows;
    }

    private static String plain(BigDecimal b) {
        return b.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static long petr4Trades(RunningStack stack) {
        return stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades WHERE ticker = 'PETR4'")
                .mapTo(Long.class).one());
    }

    /** A desk command as {@code user} against this test's stack (its data directory names the stack file). */
    private static StackEndToEndTest.Result desk(Map<String, String> env, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = env.get("BLACKBOX_STACK_DIR");
        return cli(env, all);
    }

    private static Map<String, String> env(Path dataDir, String user, java.util.Properties passwords) {
        return Map.of("BLACKBOX_STACK_DIR", dataDir.toString(), "BLACKBOX_USER", user, "BLACKBOX_PASSWORD", passwords.getProperty(user),
                "XDG_CONFIG_HOME", dataDir.resolve("no-saved-login").toString());
    }

    static JsonNode json(StackEndToEndTest.Result r) {
        assertEquals(0, r.code(), "exit status; stderr: " + r.err());
        try {
            return Json.MAPPER.readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.out(), e);
        }
    }

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The demo opening the stack imported (the CLI's resource), per account. */
    record Opening(Map<String, BigDecimal> cash, Map<String, long[]> quantity, Map<String, BigDecimal> avg) {
        static Opening load() throws Exception {
            Map<String, BigDecimal> cash = new HashMap<>();
            Map<String, long[]> qty = new HashMap<>();
            Map<String, BigDecimal> avg = new HashMap<>();
            try (InputStream in = OrderDeskEndToEndTest.class.getResourceAsStream("/blackbox/cli/stack/demo-opening.csv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split(",", -1);
                    if (f[0].equals("cash")) cash.put(f[2], new BigDecimal(f[7]));
                    if (f[0].equals("position")) {
                        qty.put(f[2] + "/" + f[3], new long[] {Long.parseLong(f[5])});
                        avg.put(f[2] + "/" + f[3], new BigDecimal(f[6]));
                    }
                }
            }
            return new Opening(cash, qty, avg);
        }

        long quantity(String account, String ticker) {
            long[] q = quantity.get(account + "/" + ticker);
            return q == null ? 0 : q[0];
        }

        BigDecimal averagePrice(String account, String ticker) {
            return avg.getOrDefault(account + "/" + ticker, BigDecimal.ZERO);
        }

        BigDecimal cash(String account) {
            return cash.getOrDefault(account, BigDecimal.ZERO);
        }
    }

    /** positions-svc's fee table (its bundled fees.csv): equities, not day trade, PERCENT lines rounded to centavos. */
    record Fees(Map<String, BigDecimal> percent, Map<String, RoundingMode> rounding) {
        static Fees load() throws Exception {
            Map<String, BigDecimal> percent = new LinkedHashMap<>();
            Map<String, RoundingMode> rounding = new LinkedHashMap<>();
            try (InputStream in = blackbox.positions.PositionsApp.class.getResourceAsStream("/blackbox/positions/fees.csv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.strip().split(",", -1);
                    if (f.length != 8 || line.startsWith("#") || f[0].equals("version")) continue;
                    if (!f[2].equals("EQUITY") || !f[3].equals("false")) continue;
                    if (f[5].equals("PERCENT")) {
                        percent.put(f[4], new BigDecimal(f[6]));
                        rounding.put(f[4], RoundingMode.valueOf(f[7]));
                    } else if (new BigDecimal(f[6]).signum() != 0) {
                        throw new AssertionError("the test computes PERCENT lines only; fees.csv has " + line);
                    }
                }
            }
            return new Fees(percent, rounding);
        }

        BigDecimal normal(BigDecimal tradedValue) {
            BigDecimal total = BigDecimal.ZERO;
            for (var e : percent.entrySet()) {
                total = total.add(tradedValue.multiply(e.getValue()).movePointLeft(2).setScale(2, rounding.get(e.getKey())));
            }
            return total;
        }
    }
}
