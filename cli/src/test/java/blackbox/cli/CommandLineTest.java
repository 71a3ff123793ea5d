package blackbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.v1.Candle;
import blackbox.gateway.v1.InstrumentId;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, validation messages, output shapes and error lines, through {@code execute()} with captured streams. */
class CommandLineTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A port nothing listens on: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @CsvSource({"PETR4,PETR4,B", "petr4,PETR4,B", "BTCUSDT:SPOT,BTCUSDT,SPOT", "winz25:f,WINZ25,F"})
    void symbolsDefaultToExchangeB(String text, String ticker, String exchange) {
        InstrumentId id = Symbols.parse(text);
        assertEquals(ticker, id.getTicker());
        assertEquals(exchange, id.getExchange());
    }

    @Test
    void symbolsPrintWithoutTheDefaultExchange() {
        assertEquals("PETR4", Symbols.format(Symbols.parse("PETR4:B")));
        assertEquals("BTCUSDT:SPOT", Symbols.format(Symbols.parse("btcusdt:spot")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PETR 4", "PETR4:", ":B", "PETR4:B:X", "''"})
    void malformedSymbolsAreRefusedNamingTheValue(String text) {
        CliException e = assertThrows(CliException.class, () -> Symbols.parse(text));
        assertEquals("must be TICKER or TICKER:EXCHANGE such as PETR4 or BTCUSDT:SPOT: symbol=" + text, e.getMessage());
        assertEquals(CliException.USAGE, e.exitCode());
    }

    @ParameterizedTest
    @CsvSource({"2025-04-07T13:00:00Z,1744030800000000000", "2025-04-07T10:00:00-03:00,1744030800000000000",
            "2025-04-07,1743984000000000000", "2025-04-07T13:00:00.000000001Z,1744030800000000001"})
    void timesAreIso8601(String text, long nanos) {
        assertEquals(nanos, Times.parseNanos("--from", text));
    }

    @Test
    void aTimeWithoutOffsetIsRefusedNamingTheOption() {
        CliException e = assertThrows(CliException.class, () -> Times.parseNanos("--from", "2025-04-07T13:00:00"));
        assertEquals("must be ISO-8601 with an offset such as 2025-04-07T13:00:00Z, or a date such as 2025-04-07:"
                + " --from=2025-04-07T13:00:00", e.getMessage());
    }

    @Test
    void candleRowsCarryTheDocumentedJsonFieldsInOrder() throws IOException {
        Candle c = Candle.newBuilder().setBucketStartNanos(1_744_030_800_000_000_000L).setOpen(35.02).setHigh(35.1)
                .setLow(34.9).setClose(35.0).setVolume(300).setFinancialVolumeUnits(105_030_000L).setTrades(3)
                .setVwap(35.01).build();
        StringWriter out = new StringWriter();
        Json.print(new PrintWriter(out), List.of(CandleRow.of("PETR4", "1m", c)));
        JsonNode row = Json.MAPPER.readTree(out.toString()).get(0);
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("symbol", "timeframe", "open_time", "open", "high", "low", "close", "volume",
                "financial_volume", "trades", "vwap"), names);
        assertEquals("2025-04-07T13:00:00Z", row.get("open_time").asText());
        assertTrue(out.toString().contains("\"financial_volume\" : 10503.0000,"), "4 decimals, as a number: " + out);
        assertEquals(3, row.get("trades").asLong());
    }

    @Test
    void tablesAlignColumnsAndRightAlignNumbers() {
        Table t = new Table("SYMBOL", "USERS");
        t.row("PETR4", 12).row("BTCUSDT:SPOT", 3);
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out));
        assertEquals(String.join(System.lineSeparator(), "SYMBOL        USERS", "PETR4            12",
                "BTCUSDT:SPOT      3", ""), out.toString());
    }

    @Test
    void aBadTimeframeIsOneLineAndExitStatus2() {
        Result r = run("candles", "PETR4", "--tf", "7m", "--endpoint", "127.0.0.1:1");
        assertEquals(2, r.code());
        assertEquals("blackbox candles: must be one of 1m|5m|15m|60m|1d|1w: --tf=7m" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingOptionIsOneLineNamingIt() {
        Result r = run("candles", "PETR4");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("blackbox candles: Missing required option: '--tf=TF'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anUnreachableServiceIsOneLineAskingWhetherTheStackRuns() throws IOException {
        int port = closedPort();
        Result r = run("candles", "PETR4", "--tf", "1m", "--endpoint", "candles=127.0.0.1:" + port);
        assertEquals(1, r.code());
        assertEquals("blackbox candles: cannot reach candle-svc at 127.0.0.1:" + port + ": is `blackbox up` running?"
                + System.lineSeparator(), r.err());
    }

    @Test
    void statusWithNothingRunningIsOneLine(@TempDir Path emptyDataDir) throws IOException {
        int port = closedPort();
        Result r = run("status", "--data-dir", emptyDataDir.toString(), "--endpoint", "gateway=127.0.0.1:" + port,
                "--endpoint", "marketdata=127.0.0.1:" + port, "--endpoint", "candles=127.0.0.1:" + port);
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("is `blackbox up` running?"), r.err());
    }

    @Test
    void aMalformedEndpointIsRefusedNamingIt() {
        Result r = run("candles", "PETR4", "--tf", "1m", "--endpoint", "localhost");
        assertEquals(2, r.code());
        assertEquals("blackbox candles: must be [SERVICE=]HOST:PORT such as candles=127.0.0.1:50053:"
                + " --endpoint=localhost" + System.lineSeparator(), r.err());
        Result web = run("subscriptions", "--endpoint", "localhost");
        assertEquals(2, web.code());
        assertEquals("blackbox subscriptions: must be web=http://HOST:PORT such as web=http://127.0.0.1:8080:"
                + " --endpoint=localhost" + System.lineSeparator(), web.err());
    }

    @Test
    void subscriptionCommandsHaveNoUserOption() {
        Result r = run("subscribe", "PETR4", "--user", "alice", "--endpoint", "127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("blackbox subscribe: Unknown options: '--user', 'alice'"), r.err());
    }

    @Test
    void withoutALoginOrEnvironmentCredentialsACommandSaysHowToLogIn(@TempDir Path config) throws IOException {
        int port = closedPort();
        for (String[] args : List.of(new String[] {"subscriptions"}, new String[] {"subscribe", "PETR4"},
                new String[] {"unsubscribe", "BTCUSDT:SPOT", "--json"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--endpoint", "web=127.0.0.1:" + port));
            // BLACKBOX_USER alone is not a credential
            Result r = run(Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_USER", "trader"), all.toArray(String[]::new));
            assertEquals(1, r.code(), r.err());
            assertEquals("blackbox " + args[0] + ": not logged in: run `blackbox login USER` or set BLACKBOX_USER and"
                    + " BLACKBOX_PASSWORD" + System.lineSeparator(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void anUnreachableWebBffIsOneLineAskingWhetherTheStackRuns(@TempDir Path config) throws IOException {
        int port = closedPort();
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_USER", "trader",
                "BLACKBOX_PASSWORD", "secret");
        String line = "cannot reach web-bff at http://127.0.0.1:" + port + "/: is `blackbox up` running?"
                + System.lineSeparator();
        Result sub = run(env, "subscribe", "PETR4", "--endpoint", "web=http://127.0.0.1:" + port);
        assertEquals(1, sub.code());
        assertEquals("blackbox subscribe: " + line, sub.err());
        Result login = run(env, "login", "--endpoint", "127.0.0.1:" + port);
        assertEquals(1, login.code());
        assertEquals("blackbox login: " + line, login.err());
        assertFalse(Files.exists(Credentials.file(env)), "nothing saved");
    }

    @Test
    void aSavedLoginOfAnotherUserThanBlackboxUserIsRefused(@TempDir Path config) throws IOException {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "BLACKBOX_USER", "alice");
        Credentials.save(Credentials.file(env), new Credentials.Saved("http://127.0.0.1:1/", "trader", "r1"));
        Result r = run(env, "subscriptions", "--endpoint", "web=127.0.0.1:" + closedPort());
        assertEquals(1, r.code());
        assertEquals("blackbox subscriptions: logged in as trader but BLACKBOX_USER=alice: set BLACKBOX_PASSWORD too,"
                + " or run `blackbox login alice`" + System.lineSeparator(), r.err());
    }

    @Test
    void loginReadsThePasswordFromOneLineOfStdinWithoutAConsole(@TempDir Path config) throws IOException {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        int port = closedPort();
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            Result none = run(env, "login", "alice", "--endpoint", "127.0.0.1:" + port);
            assertEquals(1, none.code());
            assertEquals("blackbox login: no password: set BLACKBOX_PASSWORD, type it at the console, or pipe one line"
                    + " to stdin" + System.lineSeparator(), none.err());
            // with a line, the password is read and the login goes on to web-bff (down here)
            System.setIn(new java.io.ByteArrayInputStream("a-long-password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Result piped = run(env, "login", "alice", "--endpoint", "127.0.0.1:" + port);
            assertEquals(1, piped.code());
            assertTrue(piped.err().startsWith("blackbox login: cannot reach web-bff at http://127.0.0.1:" + port + "/"),
                    piped.err());
        } finally {
            System.setIn(stdin);
        }
        Result nobody = run(env, "login", "--endpoint", "127.0.0.1:" + port);
        assertEquals(2, nobody.code());
        assertEquals("blackbox login: who? run `blackbox login USERNAME` (or set BLACKBOX_USER)" + System.lineSeparator(),
                nobody.err());
    }

    @Test
    void logoutWithoutALoginSaysSo(@TempDir Path config) {
        Result r = run(Map.of("XDG_CONFIG_HOME", config.toString()), "logout");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("not logged in"), r.out());
    }

    @Test
    void credentialsAreKeptOwnerOnlyUnderXdgConfigHome(@TempDir Path config) throws IOException {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        Path file = Credentials.file(env);
        assertEquals(config.resolve("blackbox/credentials.json"), file);
        assertEquals(Path.of(System.getProperty("user.home"), ".config/blackbox/credentials.json"),
                Credentials.file(Map.of()));
        Credentials.save(file, new Credentials.Saved("http://127.0.0.1:8080/", "trader", "r1"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        JsonNode json = Json.MAPPER.readTree(file.toFile());
        assertEquals("http://127.0.0.1:8080/", json.get("web_url").asText());
        assertEquals("trader", json.get("username").asText());
        assertEquals("r1", json.get("refresh_token").asText());
        // a rotated token replaces the file, still owner-only
        Credentials.save(file, new Credentials.Saved("http://127.0.0.1:8080/", "trader", "r2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("r2", Credentials.load(file).orElseThrow().refreshToken());
        Credentials.delete(file);
        assertTrue(Credentials.load(file).isEmpty());
    }

    @Test
    void endpointsComeFromALiveStackFileElseTheDefaults(@TempDir Path dir) throws IOException {
        ClientOptions options = new ClientOptions();
        options.dataDir = dir;
        assertEquals("127.0.0.1:50053", options.endpoint(Service.CANDLES, Service.CANDLES).target());
        new StackFile(ProcessHandle.current().pid(), "2026-01-01T00:00:00Z", dir.toString(), "127.0.0.1:1001",
                "127.0.0.1:1002", "127.0.0.1:1003", null, "jdbc:postgresql://localhost:1/postgres", "redis://127.0.0.1:1",
                null, null, null, null)
                .write(dir);
        assertEquals("127.0.0.1:1003", options.endpoint(Service.CANDLES, Service.CANDLES).target());
        assertEquals(Optional.empty(), options.webUrl(true), "a stack file without web-bff");
        assertEquals("127.0.0.1:1002", options.endpoint(Service.MARKETDATA, Service.CANDLES).target());
        options.endpoints = List.of("10.0.0.1:9", "marketdata=10.0.0.2:8", "web=http://10.0.0.3:8081");
        assertEquals("10.0.0.1:9", options.endpoint(Service.CANDLES, Service.CANDLES).target());
        assertEquals("10.0.0.2:8", options.endpoint(Service.MARKETDATA, Service.CANDLES).target());
        assertEquals(Optional.of("http://10.0.0.3:8081/"), options.webUrl(false));
        options.endpoints = List.of("10.0.0.4:8082");
        assertEquals(Optional.of("http://10.0.0.4:8082/"), options.webUrl(true));
    }

    @Test
    void aStackFileOfADeadProcessIsIgnored(@TempDir Path dir) throws IOException {
        new StackFile(Long.MAX_VALUE - 1, "2026-01-01T00:00:00Z", dir.toString(), "a:1", "b:2", "c:3", null, "", "", null, null, null, null)
                .write(dir);
        assertTrue(Files.exists(dir.resolve(StackFile.NAME)));
        assertFalse(StackFile.readLive(dir).isPresent());
    }

    @Test
    void upRefusesABadSpeedNamingIt() {
        Result r = run("up", "--speed", "fast", "--data-dir", "/nonexistent/never-created");
        assertEquals(2, r.code());
        assertEquals("blackbox up: must be realtime, max or <N>x such as 10x: --speed=fast" + System.lineSeparator(), r.err());
    }

    @Test
    void upStopsWhatItStartedWhenAStepFailsAndSaysWhichInOneLine() throws IOException {
        Path dir = StackEndToEndTest.tempDir("blackbox-up-fails");
        int port = closedPort();
        try {
            // PostgreSQL (embedded) starts, then the external Redis cannot be reached
            Result r = run("up", "--data-dir", dir.toString(), "--replay", StackEndToEndTest.SAMPLE.toString(),
                    "--free-ports", "--redis-url", "redis://127.0.0.1:" + port);
            assertEquals(1, r.code());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("blackbox up: could not start Redis: Connection refused"), r.err());
            assertTrue(r.out().contains("[4/12] PostgreSQL") && r.out().contains("[5/12] Redis"), r.out());
            assertFalse(Files.exists(dir.resolve(StackFile.NAME)), "no stack file");
            Path pidFile = dir.resolve("postgres/postmaster.pid");
            assertFalse(Files.exists(pidFile), "PostgreSQL stopped again (no postmaster.pid)");
        } finally {
            StackEndToEndTest.deleteTree(dir);
        }
    }

    @Test
    void importWithoutInputsIsUsage() {
        Result r = run("import", "--format", "b3-umdf", "--out", "/tmp/x.replay.csv");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("blackbox import: Missing required parameter: 'FILE'"), r.err());
    }

    @Test
    void completionScriptCoversEveryCommand() {
        Result r = run("completion");
        assertEquals(0, r.code(), r.err());
        for (String command : List.of("up", "import", "status", "login", "logout", "subscribe", "unsubscribe", "subscriptions", "candles",
                "indicators", "backfill")) {
            assertTrue(r.out().contains(command), "completion knows " + command);
        }
        assertTrue(r.out().contains("(\"1m\" \"5m\" \"15m\" \"60m\" \"1d\" \"1w\") # --tf values"),
                "timeframes are completion candidates");
    }

    /** The sample's Binance files, imported by {@code blackbox import} with the given environment. */
    private static Result importSample(Path dir, Map<String, String> env) {
        Path samples = StackEndToEndTest.repoRoot().resolve("samples/binance");
        return run(env, "import", "--format", "binance", "--out", dir.resolve("out.replay.csv").toString(),
                samples.resolve("spot_btcusdt_20240808_trades.csv").toString(),
                samples.resolve("spot_ethusdt_20240808_trades.csv").toString());
    }

    @Test
    void progressPipedToALogIsOneLinePerPhaseWithoutRedraws(@TempDir Path dir) {
        Result r = importSample(dir, Map.of()); // the test's stderr is no terminal
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("\r"), () -> "no redraw in a log: " + r.err().replace("\r", "\\r"));
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), () -> "one line for the one phase: " + lines);
        assertTrue(lines.getFirst().matches("import: 100% \\(\\d+ MiB\\) in \\d+\\.\\d s"), lines.getFirst());
    }

    @Test
    void progressOnATerminalIsABarRedrawnInPlace(@TempDir Path dir) {
        Result r = importSample(dir, Map.of(Progress.ENV, "bar"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("\r"), () -> "a bar redrawn with \\r: " + r.err());
        assertTrue(r.err().contains("import"), r.err());
        Result bad = importSample(dir, Map.of(Progress.ENV, "fancy"));
        assertEquals(2, bad.code(), "a bad value is a usage error");
        assertTrue(bad.err().contains("must be bar or lines: BLACKBOX_PROGRESS=fancy"), bad.err());
    }
}
