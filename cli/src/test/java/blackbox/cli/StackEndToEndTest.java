package blackbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.cli.stack.RunningStack;
import blackbox.cli.stack.StackOptions;
import blackbox.cli.stack.StackServices;
import blackbox.cli.stack.StepListener;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayReader;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole stack started the way {@code blackbox up} starts it ({@link StackServices#start}: embedded PostgreSQL and
 * Redis, the gateway on the ProfitDLL simulator through FFM, marketdata-svc, candle-svc, each on its own TCP port),
 * replaying a real trade file at full speed; the CLI's commands talk to it through the stack file, as a user's would.
 */
class StackEndToEndTest {
    static final Path ROOT = repoRoot();
    static final Path SAMPLE = ROOT.resolve("samples/replay/binance-spot-sample.replay.csv");
    static final Path B3_PETR4 = ROOT.resolve("../shared/data/b3-btg-2025/trades/2_PETR4_07042025.csv").normalize();
    static final List<String> TIMEFRAMES = List.of("1m", "5m", "60m", "1d");

    @Test
    @Timeout(240)
    void binanceSampleReplayedAtFullSpeedIsStoredOnceAndItsCandlesEqualTheFile() throws Exception {
        System.out.println("end-to-end on the bundled Binance sample: " + SAMPLE);
        runStack(SAMPLE, Map.of("SPOT", ZoneOffset.UTC));
    }

    @Test
    @Timeout(300)
    void b3Petr4SessionReplayedAtFullSpeedIsStoredOnceAndItsCandlesEqualTheFile() throws Exception {
        if (!Files.isRegularFile(B3_PETR4)) {
            System.out.println("SKIPPED (printed reason): no B3 data at " + B3_PETR4 + " (../shared/data is not on this machine)");
            return;
        }
        System.out.println("end-to-end on the real B3 tape: " + B3_PETR4);
        Path work = tempDir("blackbox-e2e-import");
        try {
            Path replay = work.resolve("petr4.replay.csv");
            Result imported = cli(Map.of(), "import", "--format", "b3-umdf", "--out", replay.toString(), B3_PETR4.toString());
            assertEquals(0, imported.code(), imported.err());
            assertTrue(imported.out().contains("wrote " + replay), imported.out());
            runStack(replay, Map.of("B", ZoneId.of("America/Sao_Paulo")));
        } finally {
            deleteTree(work);
        }
    }

    private void runStack(Path replay, Map<String, ZoneId> zones) throws Exception {
        List<ReplayEvent> trades = trades(replay);
        Path dataDir = tempDir("blackbox-e2e");
        StackOptions options = new StackOptions(dataDir, List.of(replay), "max", false, Optional.empty(), Optional.empty(),
                StackOptions.DEFAULT_TIMEZONES, true, true, StackOptions.STACK_USER, Map.of());
        RunningStack stack = StackServices.start(options, StepListener.printing(new PrintWriter(System.out, true)));
        Set<ProcessHandle> children = new HashSet<>();
        long postgresPid;
        try {
            stack.writeStackFile(); // as `blackbox up` does: the CLI finds the stack through it
            postgresPid = stack.postgresPid().orElseThrow();
            ProcessHandle.current().descendants().forEach(children::add);
            assertTrue(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL runs");
            assertTrue(children.stream().anyMatch(p -> command(p).contains("redis-server")), "Redis is a child: " + children);
            assertWebAppAnswersAndADemoUserLogsIn(stack, dataDir);
            assertRoutingWithTheDemoRoster(stack);

            // every trade of the file is stored exactly once
            await(() -> stored(stack) >= trades.size(), Duration.ofSeconds(120), () -> "all " + trades.size()
                    + " trades stored (now " + stored(stack) + ")");
            Thread.sleep(500); // a duplicate written late would show in the count below
            List<String> expectedKeys = trades.stream().map(t -> t.exchange() + ":" + t.ticker() + ":" + t.tradeNumber())
                    .sorted().toList();
            List<String> storedKeys = stack.database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT exchange || ':' || ticker || ':' || trade_number FROM marketdata.trades")
                    .mapTo(String.class).list()).stream().sorted().toList();
            assertEquals(expectedKeys.size(), storedKeys.size(), "stored trade count");
            assertEquals(expectedKeys, storedKeys, "stored trade numbers");
            System.out.println(trades.size() + " trades of the file stored exactly once");

            // the candles read through the CLI equal the candles computed here from the raw file
            Map<String, String> env = Map.of("BLACKBOX_STACK_DIR", dataDir.toString());
            Set<String> symbols = new java.util.TreeSet<>();
            trades.forEach(t -> symbols.add(t.ticker() + ":" + t.exchange()));
            for (String symbol : symbols) {
                String exchange = symbol.substring(symbol.indexOf(':') + 1);
                for (String tf : TIMEFRAMES) {
                    List<CandleRow> expected = candles(trades, symbol, tf, zones.get(exchange));
                    List<CandleRow>[] actual = new List[1];
                    await(() -> {
                        actual[0] = cliCandles(dataDir, symbol, tf);
                        return actual[0].equals(expected);
                    }, Duration.ofSeconds(30), () -> symbol + " " + tf + ": CLI candles " + actual[0] + "\n expected " + expected);
                    System.out.println(symbol + " " + tf + ": " + expected.size() + " candles equal the file's");
                    // without --from, the newest --limit candles; with it, the first --limit from there
                    int n = Math.min(3, expected.size());
                    assertEquals(expected.subList(expected.size() - n, expected.size()),
                            cliCandles(dataDir, symbol, tf, "--limit", "3"), symbol + " " + tf + ": the newest 3 by default");
                    assertEquals(expected.subList(0, n), cliCandles(dataDir, symbol, tf, "--limit", "3", "--from",
                            expected.getFirst().openTime()), symbol + " " + tf + ": the first 3 from --from");
                }
            }

            // indicators through the CLI: sma(3) of the 1-minute closes, computed here from the file's candles
            for (String symbol : symbols) {
                List<CandleRow> m1 = candles(trades, symbol, "1m", zones.get(symbol.substring(symbol.indexOf(':') + 1)));
                Result r = cli(Map.of(), "indicators", symbol, "--tf", "1m", "--spec", "sma(3)", "--json",
                        "--data-dir", dataDir.toString());
                assertEquals(0, r.code(), r.err());
                JsonNode values = Json.MAPPER.readTree(r.out()).get("values");
                assertEquals(m1.size(), values.size(), "one value per candle: " + r.out());
                for (int i = 0; i < m1.size(); i++) {
                    JsonNode v = values.get(i);
                    assertEquals(m1.get(i).openTime(), v.get("time").asText());
                    assertEquals(i >= 2, v.get("ready").asBoolean(), "ready from the third candle: " + v);
                    if (i >= 2) {
                        double sma = (m1.get(i).close() + m1.get(i - 1).close() + m1.get(i - 2).close()) / 3;
                        assertEquals(sma, v.get("values").get(0).asDouble(), Math.abs(sma) * 1e-12, symbol + " " + v);
                    }
                }
                System.out.println(symbol + " sma(3) on 1m: " + m1.size() + " values equal the file's");
            }

            // a subscription made through the CLI as the trader demo user (credentials from the environment, a login
            // on the fly at web-bff) shows in status, with its reference count
            java.util.Properties passwords = demoPasswords(dataDir);
            Path config = tempDir("blackbox-e2e-config");
            Map<String, String> trader = Map.of("BLACKBOX_USER", "trader", "BLACKBOX_PASSWORD",
                    passwords.getProperty("trader"), "XDG_CONFIG_HOME", config.toString());
            String first = symbols.iterator().next();
            String display = Symbols.format(Symbols.parse(first));
            Result sub = cli(trader, "subscribe", first, "--data-dir", dataDir.toString());
            assertEquals(0, sub.code(), sub.err());
            assertEquals("subscribed " + display + " for user trader" + System.lineSeparator(), sub.out());
            Result status = cli(Map.of(), "status", "--json", "--sample", "0.2", "--data-dir", dataDir.toString());
            assertEquals(0, status.code(), status.err());
            JsonNode report = Json.MAPPER.readTree(status.out());
            JsonNode row = null;
            for (JsonNode i : report.get("ingestion")) {
                if (i.get("symbol").asText().equals(display)) row = i;
            }
            assertTrue(row != null, "status lists " + first + ": " + status.out());
            assertEquals(2, row.get("reference_count").asInt(), "the stack's user and trader");
            assertEquals("CONNECTED", report.get("session").get("state").asText());
            assertEquals(trades.size(), report.get("rates").get("trades_stored").asLong());
            assertEquals(0, report.get("rates").get("spool").asLong(), "nothing waits to be stored");
            assertTrue(report.get("rates").get("lag_ms").asDouble() >= 0, "gateway -> marketdata lag: " + report.get("rates"));
            for (JsonNode service : report.get("services")) assertEquals("SERVING", service.get("health").asText());
            Result mine = cli(trader, "subscriptions", "--json", "--data-dir", dataDir.toString());
            assertEquals(0, mine.code(), mine.err());
            JsonNode listed = Json.MAPPER.readTree(mine.out());
            assertEquals("trader", listed.get("user").asText());
            assertEquals(List.of(display), listed.get("subscriptions").findValuesAsText("symbol"), mine.out());
            assertFalse(Files.exists(config.resolve("blackbox/credentials.json")), "an environment login saves nothing");

            assertLoginLogoutAndSavedCredentials(dataDir, config, passwords.getProperty("viewer"), first, display);
            deleteTree(config);
        } finally {
            stack.close();
        }
        // stopping leaves no process behind
        // pg_ctl stop -w returns once the postmaster removed its pid file, a moment before the process is gone
        long pg = postgresPid;
        await(() -> !ProcessHandle.of(pg).map(ProcessHandle::isAlive).orElse(false), Duration.ofSeconds(10),
                () -> "PostgreSQL (pid " + pg + ") to end");
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "still running: " + child.pid() + " " + command(child));
        }
        List<String> left = ProcessHandle.current().descendants().map(StackEndToEndTest::command)
                .filter(c -> c.contains("redis-server") || c.contains("postgres")).toList();
        assertEquals(List.of(), left, "redis/postgres processes of this JVM after close");
        assertFalse(Files.exists(dataDir.resolve(StackFile.NAME)), "stack file removed");
        deleteTree(dataDir);
    }

    /** The file's trades (T rows), as the simulator replays them. */
    static List<ReplayEvent> trades(Path file) throws IOException {
        try (ReplayReader r = ReplayReader.open(file)) {
            List<ReplayEvent> all = r.stream().filter(e -> e.kind() != EventKind.K).toList();
            assertTrue(all.stream().noneMatch(e -> e.kind() == EventKind.E), "this test expects no edits");
            return all;
        }
    }

    /**
     * Candles computed here, independently of candle-svc: bucket start in the exchange's zone, open = first trade in
     * file order, close = last, financial volume = Σ round(price × 10⁴) × quantity, vwap = that / 10⁴ / volume.
     */
    static List<CandleRow> candles(List<ReplayEvent> trades, String symbol, String tf, ZoneId zone) {
        TreeMap<Long, List<ReplayEvent>> buckets = new TreeMap<>();
        for (ReplayEvent t : trades) {
            if (!(t.ticker() + ":" + t.exchange()).equals(symbol)) continue;
            buckets.computeIfAbsent(bucket(t.tsNanos(), tf, zone), k -> new ArrayList<>()).add(t);
        }
        String display = Symbols.format(Symbols.parse(symbol));
        List<CandleRow> rows = new ArrayList<>();
        buckets.forEach((start, list) -> {
            double open = list.getFirst().price().doubleValue();
            double close = list.getLast().price().doubleValue();
            double high = list.stream().mapToDouble(t -> t.price().doubleValue()).max().orElseThrow();
            double low = list.stream().mapToDouble(t -> t.price().doubleValue()).min().orElseThrow();
            long volume = list.stream().mapToLong(ReplayEvent::quantity).sum();
            long units = list.stream().mapToLong(t -> Math.multiplyExact(Math.round(t.price().doubleValue() * 10_000.0), t.quantity())).sum();
            rows.add(new CandleRow(display, tf, Times.iso(start), open, high, low, close, volume,
                    BigDecimal.valueOf(units, 4), list.size(), units / 10_000.0 / volume));
        });
        return rows;
    }

    static long bucket(long nanos, String tf, ZoneId zone) {
        ZonedDateTime t = Times.toInstant(nanos).atZone(zone);
        ZonedDateTime start = switch (tf) {
            case "1m" -> t.withSecond(0).withNano(0);
            case "5m" -> t.withSecond(0).withNano(0).withMinute(t.getMinute() / 5 * 5);
            case "60m" -> t.withMinute(0).withSecond(0).withNano(0);
            case "1d" -> t.toLocalDate().atStartOfDay(zone);
            default -> throw new IllegalArgumentException(tf);
        };
        return Times.toNanos(start.toInstant());
    }

    private static List<CandleRow> cliCandles(Path dataDir, String symbol, String tf) {
        return cliCandles(dataDir, symbol, tf, "--limit", "100000");
    }

    private static List<CandleRow> cliCandles(Path dataDir, String symbol, String tf, String... options) {
        List<String> args = new ArrayList<>(List.of("candles", symbol, "--tf", tf, "--json", "--data-dir", dataDir.toString()));
        args.addAll(List.of(options));
        Result r = cli(Map.of(), args.toArray(String[]::new));
        if (r.code() != 0) throw new AssertionError("candles failed: " + r.err());
        try {
            return Json.MAPPER.readValue(r.out(), new TypeReference<List<CandleRow>>() { });
        } catch (IOException e) {
            throw new AssertionError("not the JSON of candles: " + r.out(), e);
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static long stored(RunningStack stack) {
        return stack.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades")
                .mapTo(Long.class).one());
    }

    private static String command(ProcessHandle p) {
        return p.info().commandLine().or(() -> p.info().command()).orElse("?");
    }

    /** The demo users' passwords `up` kept in the data directory. */
    private static java.util.Properties demoPasswords(Path dataDir) throws IOException {
        java.util.Properties passwords = new java.util.Properties();
        try (var r = Files.newBufferedReader(dataDir.resolve("demo-users.properties"))) {
            passwords.load(r);
        }
        return passwords;
    }

    /**
     * {@code blackbox login viewer} (password from the environment) keeps an owner-only refresh token that the
     * subscription commands use without any environment credentials, rotating it on each use; {@code logout}
     * revokes it (the old token is refused afterwards) and deletes the file; a wrong password is one line.
     */
    private static void assertLoginLogoutAndSavedCredentials(Path dataDir, Path config, String password, String symbol,
                                                             String display) throws IOException {
        Map<String, String> saved = Map.of("XDG_CONFIG_HOME", config.toString());
        Path file = config.resolve("blackbox/credentials.json");
        String web = StackFile.readLive(dataDir).orElseThrow().web();

        Result wrong = cli(Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_PASSWORD", "not-the-password"),
                "login", "viewer", "--data-dir", dataDir.toString());
        assertEquals(1, wrong.code());
        assertEquals("blackbox login: login as viewer at " + web + " failed: wrong username or password"
                + System.lineSeparator(), wrong.err());
        assertFalse(Files.exists(file), "a refused login saves nothing");

        Result login = cli(Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_PASSWORD", password),
                "login", "viewer", "--data-dir", dataDir.toString());
        assertEquals(0, login.code(), login.err());
        assertEquals("logged in as viewer (roles viewer) at " + web + System.lineSeparator(), login.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String firstToken = Json.MAPPER.readTree(file.toFile()).get("refresh_token").asText();

        Result none = cli(saved, "subscriptions", "--json", "--data-dir", dataDir.toString());
        assertEquals(0, none.code(), none.err());
        assertEquals("viewer", Json.MAPPER.readTree(none.out()).get("user").asText());
        assertEquals(0, Json.MAPPER.readTree(none.out()).get("subscriptions").size(), "viewer has none: " + none.out());
        String rotated = Json.MAPPER.readTree(file.toFile()).get("refresh_token").asText();
        assertFalse(rotated.equals(firstToken), "the refresh token rotates");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Result sub = cli(saved, "subscribe", symbol, "--json", "--data-dir", dataDir.toString());
        assertEquals(0, sub.code(), sub.err());
        JsonNode subscribed = Json.MAPPER.readTree(sub.out());
        assertEquals("viewer", subscribed.get("user").asText());
        assertEquals(display, subscribed.get("symbol").asText());
        assertTrue(subscribed.get("newly_subscribed").asBoolean(), "viewer did not have it: " + sub.out());
        Result twice = cli(saved, "subscribe", symbol, "--data-dir", dataDir.toString());
        assertEquals("already subscribed " + display + " for user viewer" + System.lineSeparator(), twice.out());
        Result unsub = cli(saved, "unsubscribe", symbol, "--data-dir", dataDir.toString());
        assertEquals(0, unsub.code(), unsub.err());
        assertEquals("unsubscribed " + display + " for user viewer" + System.lineSeparator(), unsub.out());
        Result again = cli(saved, "unsubscribe", symbol, "--data-dir", dataDir.toString());
        assertEquals(1, again.code());
        assertEquals("blackbox unsubscribe: user viewer was not subscribed to " + display + System.lineSeparator(),
                again.err());

        String beforeLogout = Json.MAPPER.readTree(file.toFile()).get("refresh_token").asText();
        Result logout = cli(saved, "logout", "--data-dir", dataDir.toString());
        assertEquals(0, logout.code(), logout.err());
        assertFalse(Files.exists(file), "logout deletes the credentials");
        Result after = cli(saved, "subscriptions", "--data-dir", dataDir.toString());
        assertEquals(1, after.code());
        assertEquals("blackbox subscriptions: " + Credentials.NOT_LOGGED_IN + System.lineSeparator(), after.err());

        // the revoked token, put back, is refused with web-bff's reason
        Credentials.save(file, new Credentials.Saved(web, "viewer", beforeLogout));
        Result revoked = cli(saved, "subscriptions", "--data-dir", dataDir.toString());
        assertEquals(1, revoked.code());
        assertEquals("blackbox subscriptions: the saved login of viewer was refused by web-bff at " + web
                + " (refresh token unknown, expired or already used): run `blackbox login viewer`"
                + System.lineSeparator(), revoked.err());
        Credentials.delete(file);
        System.out.println("login, saved credentials (0600, rotated), logout and revocation through the CLI");
    }

    /** The web app is served, and the trader demo user logs in with the password `up` printed (and kept). */
    /** `up` logs in with order routing: the simulator's demo roster of >= 20 client accounts, listed over gRPC. */
    private static void assertRoutingWithTheDemoRoster(RunningStack stack) {
        assertTrue(stack.gateway().trading().engine().routingReady(), "routing connected");
        // as an operator's `blackbox` command: over mutual TLS with the stack's operator certificate
        ClientOptions client = new ClientOptions();
        client.dataDir = stack.dataDir();
        var operator = client.endpoint(Service.GATEWAY, Service.GATEWAY, java.util.Map.of());
        assertTrue(operator.tls().isPresent(), "the stack file names the stack's certificates: " + stack.stackFile());
        var channel = operator.open();
        try {
            var trading = blackbox.gateway.v1.TradingGrpc.newBlockingStub(channel).withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
            var accounts = trading.listAccounts(blackbox.gateway.v1.ListAccountsRequest.getDefaultInstance()).getAccountsList();
            var denied = assertThrows(io.grpc.StatusRuntimeException.class, () -> trading.cancelAllOrders(
                    blackbox.gateway.v1.CancelAllOrdersRequest.getDefaultInstance()));
            assertEquals(io.grpc.Status.Code.PERMISSION_DENIED, denied.getStatus().getCode(), "only oms-svc routes orders: " + denied);
            var plain = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(stack.stackFile().gateway()).usePlaintext().build();
            try {
                var refused = assertThrows(io.grpc.StatusRuntimeException.class, () -> blackbox.gateway.v1.TradingGrpc.newBlockingStub(plain)
                        .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS).listAccounts(blackbox.gateway.v1.ListAccountsRequest.getDefaultInstance()));
                assertEquals(io.grpc.Status.Code.UNAVAILABLE, refused.getStatus().getCode(), "no plain text into a mutual-TLS stack: " + refused);
            } finally {
                plain.shutdownNow();
            }
            long routable = accounts.stream().flatMap(a -> java.util.stream.Stream.concat(java.util.stream.Stream.of(a), a.getSubAccountsList().stream()))
                    .filter(a -> a.getRoutable() && a.getEnabled()).count();
            assertTrue(accounts.size() >= 20 && routable >= 20, "the demo roster's client accounts: " + accounts.size() + " (" + routable
                    + " enabled and routable, sub-accounts included)");
            assertTrue(stack.endpointLines().stream().anyMatch(l -> l.startsWith("  routing") && l.contains("client accounts")),
                    "up prints the routing login: " + stack.endpointLines());
        } finally {
            channel.shutdownNow();
        }
    }

    private static void assertWebAppAnswersAndADemoUserLogsIn(RunningStack stack, Path dataDir) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI base = java.net.URI.create(stack.webUrl());
        java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(base).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "web app at " + base);
        assertTrue(page.body().contains("<html"), page.body());
        java.util.Properties passwords = new java.util.Properties();
        try (var r = Files.newBufferedReader(dataDir.resolve("demo-users.properties"))) {
            passwords.load(r);
        }
        assertEquals(java.util.Set.of("viewer", "trader", "risk", "admin"), passwords.stringPropertyNames());
        String body = Json.MAPPER.writeValueAsString(Map.of("username", "trader", "password", passwords.getProperty("trader")));
        java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("trader", Json.MAPPER.readTree(login.body()).get("user").get("username").asText());
        assertTrue(stack.endpointLines().stream().anyMatch(l -> l.contains("trader") && l.contains(passwords.getProperty("trader"))),
                "up prints the demo users' passwords: " + stack.endpointLines());
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(100);
        }
    }

    /** World-readable, because PostgreSQL runs as an unprivileged user when the tests run as root. */
    static Path tempDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static Path repoRoot() {
        String root = System.getProperty("blackbox.repo.root");
        if (root != null) return Path.of(root);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) dir = dir.getParent();
        return dir;
    }
}
