package blackbox.cli.stack;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.cli.Symbols;
import blackbox.cli.Times;
import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.platform.config.Config;
import blackbox.platform.security.Identities;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.web.WebBffApp;
import blackbox.web.WebBffConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Starts the whole stack in this JVM, one step at a time with progress: data directory, replay files, PostgreSQL
 * (one server, each service its own schema), Redis, the dll-gateway on the ProfitDLL simulator, marketdata-svc,
 * candle-svc (with the indicators service), the web server, the stack's subscriptions, and finally the tape.
 * Every service listens on 127.0.0.1 on its own port and the services talk to each other over those ports, exactly
 * as separate processes would.
 *
 * <p>The tape is started last ({@code replay.start=manual}, then {@code SimStartReplay}), once ingestion is live
 * end to end, so that no trade of the file is replayed before marketdata-svc and candle-svc listen.
 *
 * <p>A failed step closes what was started, in reverse order, and throws {@link StackStartException} naming it.
 */
public final class StackServices {
    static final String HOST = "127.0.0.1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private StackServices() {
    }

    /**
     * Starts everything; returns when the tape is running.
     *
     * @param listener told about each step (the starting thread)
     * @throws StackStartException naming the step that failed; nothing is left running
     */
    public static RunningStack start(StackOptions options, StepListener listener) throws StackStartException {
        RunningStack stack = new RunningStack(options.dataDir(), Config.of(options.environment()));
        List<Step> steps = List.of(
                new Step("data directory", () -> dataDirectory(options)),
                new Step("certificates", () -> certificates(options, stack)),
                new Step("replay files", () -> replay(options, stack)),
                new Step("PostgreSQL", () -> postgres(options, stack)),
                new Step("Redis", () -> redis(options, stack)),
                new Step("dll-gateway (ProfitDLL simulator, routing)", () -> gateway(options, stack)),
                new Step("marketdata-svc", () -> marketdata(options, stack)),
                new Step("candle-svc + indicators", () -> candles(options, stack)),
                new Step("order side: positions-svc, oms-svc, risk-svc", () -> OrderSide.start(options, stack)),
                new Step("web-bff", () -> web(options, stack)),
                new Step("subscriptions", () -> subscribe(options, stack)),
                new Step("replay", () -> startTape(stack)));
        int index = 0;
        for (Step step : steps) {
            index++;
            listener.started(index, steps.size(), step.name());
            long t0 = System.nanoTime();
            try {
                String detail = step.action().run();
                listener.done(detail, Duration.ofNanos(System.nanoTime() - t0));
            } catch (Exception | LinkageError e) {
                listener.failed(e.toString(), Duration.ofNanos(System.nanoTime() - t0));
                stack.close();
                throw new StackStartException(step.name(), e);
            }
        }
        return stack;
    }

    private record Step(String name, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        /** @return a short detail for the progress line */
        String run() throws Exception;
    }

    private static String dataDirectory(StackOptions options) throws IOException {
        Files.createDirectories(options.dataDir());
        // when root, PostgreSQL runs as an unprivileged user that must be able to enter this directory
        if ("root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(options.dataDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return options.dataDir().toString();
    }

    private static String certificates(StackOptions options, RunningStack stack) {
        stack.tls = StackTls.prepare(options, stack.telemetry());
        return stack.tls.describe();
    }

    private static String replay(StackOptions options, RunningStack stack) throws IOException {
        ZoneId zone = ZoneId.of(options.environment().getOrDefault(GatewayConfig.TIMEZONE, "America/Sao_Paulo"));
        LocalDate today = LocalDate.now(zone);
        ReplayPlan plan = ReplayPlan.prepare(options.replayFiles(), options.dataDir(), options.rebaseToToday(), zone, today);
        stack.replay = plan;
        return plan.files().size() + " file(s), " + plan.instruments().size() + " instrument(s) "
                + plan.instruments().stream().map(Symbols::format).collect(Collectors.joining(",", "[", "]"))
                + ", " + Times.iso(plan.firstTsNanos()) + " .. " + Times.iso(plan.lastTsNanos())
                + (plan.rebased() ? rebasedTo(plan.sessionDay(), today) : "") + ", speed " + options.speed();
    }

    private static String rebasedTo(LocalDate sessionDay, LocalDate today) {
        return sessionDay.equals(today) ? " (rebased to today)"
                : " (rebased to " + sessionDay + ", the last B3 trading day: today " + today + " is not one)";
    }

    private static String postgres(StackOptions options, RunningStack stack) {
        Map<String, String> env = new HashMap<>(options.environment());
        env.put(DatabaseConfig.DATA_DIR_KEY, options.dataDir().toString());
        env.putIfAbsent(DatabaseConfig.POOL_KEY, "16");
        options.databaseUrl().ifPresent(url -> env.put(DatabaseConfig.URL_KEY, url));
        if (options.databaseUrl().isEmpty()) env.remove(DatabaseConfig.URL_KEY);
        Database database = Database.connect(DatabaseConfig.from(Config.of(env)));
        // the stack's close() stops the server after the services' last writes; no other hook may race it
        database.embeddedServer().ifPresent(server -> server.handOverShutdown());
        stack.database = database;
        stack.databaseUrl = database.embeddedServer().map(s -> s.jdbcUrl()).orElse(options.databaseUrl().orElse(""));
        return database.embeddedServer().map(s -> "embedded, " + s.jdbcUrl() + ", data in " + s.clusterDirectory())
                .orElse("external, " + stack.databaseUrl);
    }

    private static String redis(StackOptions options, RunningStack stack) throws IOException {
        if (options.redisUrl().isPresent()) {
            URI uri = URI.create(options.redisUrl().get());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 3000);
            }
            stack.redisUrl = options.redisUrl().get();
            return "external, " + stack.redisUrl;
        }
        stack.redis = EmbeddedRedisServer.start(options.dataDir(), 0, 256);
        stack.redisUrl = stack.redis.url();
        return "embedded, " + stack.redisUrl;
    }

    private static String gateway(StackOptions options, RunningStack stack) throws Exception {
        Map<String, String> g = new HashMap<>(options.environment());
        g.put(GatewayConfig.HOST, HOST);
        g.put(GatewayConfig.PORT, Integer.toString(port(options, 50051)));
        g.put(GatewayConfig.REPLAY, stack.replay.files().stream().map(Path::toString).collect(Collectors.joining(":")));
        g.put(GatewayConfig.SPEED, options.speed());
        String simOptions = options.environment().getOrDefault(GatewayConfig.SIM_OPTIONS, "");
        g.put(GatewayConfig.SIM_OPTIONS, (simOptions.isBlank() ? "" : simOptions + ";") + "replay.start=manual");
        g.put(GatewayConfig.SUBSCRIBE, ""); // marketdata-svc subscribes what users ask for
        g.putIfAbsent(GatewayConfig.STATS_INTERVAL, "PT0S");
        if (System.getProperty("profitdll.library") != null) g.putIfAbsent(GatewayConfig.LIBRARY, System.getProperty("profitdll.library"));
        // a full login: order routing with the simulator's roster (the bundled demo roster unless BLACKBOX_SIM_ROSTER or
        // --roster names one; BLACKBOX_PROFITDLL_MARKET_ONLY=true or --market-only for market data alone)
        g.putIfAbsent(GatewayConfig.MARKET_ONLY, "false");
        g.put(DatabaseConfig.DATA_DIR_KEY, options.dataDir().toString()); // the order journal lives with the stack's data
        GatewayConfig config = GatewayConfig.from(Config.of(g));
        stack.gateway = Gateway.start(config, stack.tls.server(Identities.GATEWAY, config.port()), stack.telemetry());
        stack.gatewayTarget = HOST + ":" + stack.gateway.port();
        await(() -> stack.gateway.engine().status().state() == SessionStatus.State.CONNECTED, CONNECT_TIMEOUT,
                "the ProfitDLL session to connect (state " + stack.gateway.engine().status().state() + ")");
        if (config.session().marketOnly()) return stack.gatewayTarget + ", session CONNECTED (market data only)";
        var trading = stack.gateway.trading();
        await(() -> trading.engine().routingReady() && trading.router().accounts().refusal() == null, CONNECT_TIMEOUT,
                "routing to connect (last routing state (1," + trading.engine().routingResult() + "))");
        List<AccountInfo> accounts = trading.router().accounts().items();
        long subs = accounts.stream().mapToLong(a -> a.subAccounts().size()).sum();
        String listed = accounts.size() + " client accounts and " + subs + " sub-accounts";
        stack.routing = listed + ", " + trading.passwords().size() + " with routing passwords from " + trading.passwords().source()
                + "; order journal " + config.trading().journalDir();
        return stack.gatewayTarget + ", session CONNECTED, routing connected: " + listed;
    }

    private static String marketdata(StackOptions options, RunningStack stack) throws Exception {
        Map<String, String> m = new HashMap<>(options.environment());
        m.put(MarketDataConfig.HOST, HOST);
        m.put(MarketDataConfig.PORT, Integer.toString(port(options, 50052)));
        m.put(MarketDataConfig.GATEWAY, stack.gatewayTarget);
        m.putIfAbsent(MarketDataConfig.STATS_INTERVAL, "PT0S");
        MarketDataConfig config = MarketDataConfig.from(Config.of(m));
        stack.marketdata = MarketDataApp.start(config, stack.database, stack.tls.channel(Identities.MARKETDATA, stack.gatewayTarget),
                stack.tls.server(Identities.MARKETDATA, config.port()), stack.telemetry());
        stack.marketdataTarget = HOST + ":" + stack.marketdata.port();
        return stack.marketdataTarget + ", schema marketdata";
    }

    private static String candles(StackOptions options, RunningStack stack) throws Exception {
        Map<String, String> c = new HashMap<>(options.environment());
        c.put(CandleConfig.HOST, HOST);
        c.put(CandleConfig.PORT, Integer.toString(port(options, 50053)));
        c.put(CandleConfig.MARKETDATA, stack.marketdataTarget);
        c.put(CandleConfig.TIMEZONES, options.exchangeTimezones());
        CandleConfig config = CandleConfig.from(Config.of(c));
        stack.candles = CandleApp.start(config, stack.database, stack.tls.channel(Identities.CANDLES, stack.marketdataTarget),
                stack.tls.server(Identities.CANDLES, config.port()), stack.telemetry());
        stack.candlesTarget = HOST + ":" + stack.candles.port();
        return stack.candlesTarget + ", schema candles, time zones " + options.exchangeTimezones()
                + " (others America/Sao_Paulo)";
    }

    /**
     * web-bff on 127.0.0.1 ({@code BLACKBOX_WEB_PORT}, default 8080 when free, else a free port), schema {@code web} on
     * the stack's database, talking to the services over their ports; then the demo users, one per role.
     */
    private static String web(StackOptions options, RunningStack stack) throws Exception {
        Map<String, String> w = new HashMap<>(options.environment());
        w.put(WebBffConfig.HOST, HOST);
        w.putIfAbsent(WebBffConfig.PORT, Integer.toString(port(options, 8080)));
        if (!w.containsKey(WebBffConfig.JWT_SECRET) && !w.containsKey(WebBffConfig.JWT_SECRET_FILE)) {
            // a local stack keeps its signing key with its data, so a restarted `up` accepts the browser's tokens
            w.put(WebBffConfig.JWT_SECRET_FILE, DemoUsers.secretFile(options.dataDir()).toString());
        }
        StackTls tls = stack.tls;
        stack.web = WebBffApp.start(WebBffConfig.from(Config.of(w)), stack.database, tls.channel(Identities.WEB, stack.marketdataTarget),
                tls.channel(Identities.WEB, stack.candlesTarget), tls.channel(Identities.WEB, stack.gatewayTarget), OrderSide.forWeb(stack), blackbox.web.http.AppContent.ROOT,
                stack.telemetry().openTelemetry());
        stack.webUrl = "http://" + HOST + ":" + stack.web.port() + "/";
        stack.demoUsers = DemoUsers.ensure(stack.web.users(), options.dataDir());
        return stack.webUrl + ", schema web, " + stack.demoUsers.size() + " demo users";
    }

    private static String subscribe(StackOptions options, RunningStack stack) throws Exception {
        List<InstrumentId> instruments = options.subscribeAll() ? stack.replay.instruments() : List.of();
        // all at once: each subscription waits ~250 ms at the gateway for the DLL's invalid-ticker callback
        var md = MarketDataGrpc.newFutureStub(stack.tls.channel(Identities.OPERATOR, stack.marketdataTarget));
        List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
        for (InstrumentId id : instruments) {
            calls.add(md.withDeadlineAfter(30, TimeUnit.SECONDS)
                    .subscribe(SubscribeRequest.newBuilder().setUserId(options.stackUser()).setInstrument(id).build()));
        }
        for (var call : calls) call.get();
        int n = instruments.size();
        await(() -> stack.marketdata.ingesting().size() >= n && stack.gateway.engine().subscriptions().size() >= n
                        && (n == 0 || stack.gateway.service().openTradeStreams() >= 1) && stack.candles.feed().connected(),
                CONNECT_TIMEOUT, "ingestion to be live end to end");
        return n == 0 ? "none (subscribe with `blackbox subscribe SYMBOL`)"
                : n + " instrument(s) for user '" + options.stackUser() + "', ingestion live";
    }

    private static String startTape(RunningStack stack) {
        var simulator = ProfitDLL.load(stack.gateway.library()).simulator();
        if (simulator.isEmpty()) return "not a simulator: live market data";
        int rc = simulator.get().SimStartReplay();
        if (rc != 0) throw new IllegalStateException("SimStartReplay returned " + rc);
        return "started";
    }

    /** The default port when {@code freePorts} is off and it is free, else 0 (a free one). */
    static int port(StackOptions options, int defaultPort) {
        if (options.freePorts()) return 0;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(HOST, defaultPort));
            return defaultPort;
        } catch (IOException taken) {
            return 0;
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            Thread.sleep(10);
        }
    }
}
