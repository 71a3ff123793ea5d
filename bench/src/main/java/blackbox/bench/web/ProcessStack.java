package blackbox.bench.web;

import blackbox.platform.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services as separate JVMs, each started with its {@code *Main} class and the JVM flags its {@code bin/} script
 * uses (ZGC for candle-svc and web-bff), configured by environment variables as an operator would, against one
 * embedded PostgreSQL run by the bench. The tape starts by itself at the first subscription
 * ({@code replay.start=on_first_subscribe}, the simulator's default), since the bench cannot call into another
 * process's simulator. Each child's output goes to a log file in a temporary directory, printed on a failed start.
 */
final class ProcessStack implements BenchStack {
    private static final String JWT = "bench-secret-bench-secret-bench-secret";

    private final EmbeddedPostgresServer pg;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final int gatewayPort = freePort();
    private final int marketdataPort = freePort();
    private final int candlesPort = freePort();
    private final int webPort = freePort();
    private final Map<String, String> common = new HashMap<>();

    ProcessStack(Settings s) throws Exception {
        pg = EmbeddedPostgresServer.startTemporary();
        dir = Files.createTempDirectory("bench-web-stack");
        common.put("BLACKBOX_DATABASE_URL", pg.jdbcUrl());
        common.put("BLACKBOX_DATABASE_USER", "postgres");
        common.put("BLACKBOX_DATABASE_PASSWORD", "");
        common.put("BLACKBOX_DATA_DIR", dir.toString());
        try {
            start("dll-gateway", "blackbox.gateway.GatewayMain", List.of(), Map.of(
                    "BLACKBOX_GATEWAY_PORT", String.valueOf(gatewayPort),
                    "BLACKBOX_PROFITDLL_LIBRARY", s.library(),
                    "BLACKBOX_SIM_REPLAY", String.join(":", s.replayFiles().stream().map(Path::toString).toList()),
                    "BLACKBOX_SIM_SPEED", s.speed(),
                    "BLACKBOX_PROFITDLL_MARKET_ONLY", "true",
                    "BLACKBOX_GATEWAY_JOURNAL_DIR", dir.resolve("journal").toString(),
                    "BLACKBOX_GATEWAY_STATS_INTERVAL", "PT0S"));
            awaitPort("dll-gateway", gatewayPort);
            start("marketdata-svc", "blackbox.marketdata.MarketDataMain", List.of(), Map.of(
                    "BLACKBOX_MARKETDATA_PORT", String.valueOf(marketdataPort),
                    "BLACKBOX_GATEWAY_TARGET", "127.0.0.1:" + gatewayPort,
                    "BLACKBOX_MARKETDATA_STATS_INTERVAL", "PT0S"));
            awaitPort("marketdata-svc", marketdataPort);
            start("candle-svc", "blackbox.candles.CandleMain", List.of("-XX:+UseZGC"), Map.of(
                    "BLACKBOX_CANDLES_PORT", String.valueOf(candlesPort),
                    "BLACKBOX_MARKETDATA_TARGET", "127.0.0.1:" + marketdataPort));
            awaitPort("candle-svc", candlesPort);
            start("web-bff", "blackbox.web.WebBffMain", List.of("-XX:+UseZGC"), webEnv(s));
            awaitPort("web-bff", webPort);
        } catch (Exception e) {
            close();
            throw e;
        }
        System.out.printf("services in separate JVMs (logs in %s): gateway :%d, marketdata :%d, candles :%d, web :%d%n",
                dir, gatewayPort, marketdataPort, candlesPort, webPort);
    }

    private Map<String, String> webEnv(Settings s) {
        Map<String, String> env = new HashMap<>();
        env.put("BLACKBOX_WEB_PORT", String.valueOf(webPort));
        env.put("BLACKBOX_MARKETDATA_TARGET", "127.0.0.1:" + marketdataPort);
        env.put("BLACKBOX_CANDLES_TARGET", "127.0.0.1:" + candlesPort);
        env.put("BLACKBOX_GATEWAY_TARGET", "127.0.0.1:" + gatewayPort);
        env.put("BLACKBOX_WEB_WS_MAX_UPDATES_PER_SECOND", String.valueOf(s.rate()));
        env.put("BLACKBOX_WEB_WS_MAX_TRADE_UPDATES_PER_SECOND", String.valueOf(s.tradeRate()));
        env.put("BLACKBOX_WEB_LOGIN_ATTEMPTS_PER_ADDRESS", "100000");
        env.put("BLACKBOX_WEB_JWT_SECRET", JWT);
        return env;
    }

    private Process launch(String name, String main, List<String> jvmFlags, Map<String, String> env, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        pb.environment().putAll(common);
        pb.environment().putAll(env);
        return pb.start();
    }

    private void start(String name, String main, List<String> jvmFlags, Map<String, String> env) throws IOException {
        processes.add(launch(name, main, jvmFlags, env, List.of()));
    }

    private void awaitPort(String name, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!processes.getLast().isAlive()) break;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        Path log = dir.resolve(name + ".log");
        String tail = Files.exists(log) ? String.join("\n", Files.readAllLines(log).stream()
                .skip(Math.max(0, Files.readAllLines(log).size() - 40)).toList()) : "(no log)";
        throw new IllegalStateException(name + " did not listen on port " + port + "; its log " + log + ":\n" + tail);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int gatewayPort() {
        return gatewayPort;
    }

    @Override
    public int marketdataPort() {
        return marketdataPort;
    }

    @Override
    public int candlesPort() {
        return candlesPort;
    }

    @Override
    public int webPort() {
        return webPort;
    }

    /** {@code bin/web add-user NAME trader}, the password on its standard input, against web-bff's database. */
    @Override
    public void addTrader(String username, String password) throws Exception {
        Process p = launch("add-user", "blackbox.web.WebBffMain", List.of(), webEnv(new Settings(List.of(), "", 1, 1, "")),
                List.of("add-user", username, "trader"));
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("add-user " + username + " failed; see " + dir.resolve("add-user.log"));
        }
    }

    @Override
    public int startReplay() {
        return 0;
    }

    @Override
    public int webTradeStreams() {
        return -1;
    }

    @Override
    public boolean candleFeedConnected() {
        return true;
    }

    /** SIGTERM to each service, newest first (their shutdown hooks run), then SIGKILL what is left after 20 s. */
    @Override
    public void close() throws Exception {
        for (Process p : processes.reversed()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        pg.close();
    }
}
