package blackbox.web.component;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.telemetry.Telemetry;
import blackbox.web.WebBffApp;
import blackbox.web.WebBffConfig;
import blackbox.web.auth.Role;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The real parts in one JVM, as candle-svc's CandleStack: embedded PostgreSQL, dll-gateway on the ProfitDLL
 * simulator (FFM) replaying the project's Binance sample (BTCUSDT/ETHUSDT on SPOT, held until {@link #startReplay}),
 * marketdata-svc, candle-svc over in-process gRPC, and web-bff on a free port with users alice (trader), bob
 * (viewer) and root (admin).
 */
public final class WebStack implements AutoCloseable {
    static final Path SAMPLE = repoRoot().resolve("samples/replay/binance-spot-sample.replay.csv");
    static final String SECRET = "test-secret-test-secret-test-secret!";
    public static final String PASSWORD = "correct horse battery";
    static final int LOGINS_PER_USER = 10;

    final EmbeddedPostgresServer postgres;
    final Database database;
    final Telemetry telemetry = Telemetry.create("web-test", Config.of(Map.of()));
    private final String gatewayName = InProcessServerBuilder.generateName();
    private final String marketdataName = InProcessServerBuilder.generateName();
    private final String candlesName = InProcessServerBuilder.generateName();
    final ManagedChannel gatewayChannel = InProcessChannelBuilder.forName(gatewayName).build();
    final ManagedChannel marketdataChannel = InProcessChannelBuilder.forName(marketdataName).build();
    final ManagedChannel candlesChannel = InProcessChannelBuilder.forName(candlesName).build();
    final CandlesGrpc.CandlesBlockingStub candles = CandlesGrpc.newBlockingStub(candlesChannel);
    Gateway gateway;
    MarketDataApp marketdata;
    CandleApp candleApp;
    WebBffApp web;

    public WebStack() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        database = Database.connect(DatabaseConfig.external(postgres.jdbcUrl(), "postgres", "", 8));
    }

    public static Path repoRoot() {
        String root = System.getProperty("blackbox.repo.root");
        if (root != null) return Path.of(root);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) dir = dir.getParent();
        return dir;
    }

    /** Starts everything on the sample; {@code speed} is the simulator's (max, 10x...); web settings overridable. */
    void start(String speed, Map<String, String> webOverrides) throws Exception {
        start(SAMPLE, speed, webOverrides, "blackbox/web/testapp/");
    }

    /**
     * Starts everything on {@code replay} (tape held), serving the web app from the class-path folder
     * {@code appRoot}.
     */
    public void start(Path replay, String speed, Map<String, String> webOverrides, String appRoot) throws Exception {
        Map<String, String> g = new HashMap<>();
        g.put(GatewayConfig.LIBRARY, System.getProperty("profitdll.library"));
        g.put(GatewayConfig.REPLAY, replay.toString());
        g.put(GatewayConfig.SPEED, speed);
        g.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        g.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        gateway = Gateway.start(GatewayConfig.from(Config.of(g)), InProcessServerBuilder.forName(gatewayName), telemetry);
        await(() -> gateway.engine().status().state() == blackbox.gateway.engine.SessionStatus.State.CONNECTED,
                Duration.ofSeconds(10), () -> "gateway connected");
        Map<String, String> m = new HashMap<>();
        m.put(MarketDataConfig.GRACE, "300ms");
        m.put(MarketDataConfig.BATCH_DELAY, "20ms");
        m.put(MarketDataConfig.STATS_INTERVAL, "PT0S");
        marketdata = MarketDataApp.start(MarketDataConfig.from(Config.of(m)), database, gatewayChannel,
                InProcessServerBuilder.forName(marketdataName), telemetry);
        Map<String, String> c = new HashMap<>();
        c.put(CandleConfig.TIMEZONES, "SPOT=UTC");
        c.put(CandleConfig.CYCLE, "20ms");
        c.put(CandleConfig.REPROCESS_INTERVAL, "100ms");
        candleApp = CandleApp.start(CandleConfig.from(Config.of(c)), database, marketdataChannel,
                InProcessServerBuilder.forName(candlesName), telemetry);
        Map<String, String> w = new HashMap<>();
        w.put(WebBffConfig.PORT, "0");
        w.put(WebBffConfig.JWT_SECRET, SECRET);
        w.put(WebBffConfig.ALLOWED_ORIGINS, "http://app.example:5173");
        w.put(WebBffConfig.LOGIN_PER_ADDRESS, "1000");
        w.put(WebBffConfig.LOGIN_PER_USER, String.valueOf(LOGINS_PER_USER));
        w.putAll(webOverrides);
        web = WebBffApp.start(WebBffConfig.from(Config.of(w)), database, marketdataChannel, candlesChannel, gatewayChannel,
                appRoot);
        web.users().ensure("alice", PASSWORD, EnumSet.of(Role.TRADER));
        web.users().ensure("bob", PASSWORD, EnumSet.of(Role.VIEWER));
        web.users().ensure("root", PASSWORD, EnumSet.of(Role.ADMIN));
    }

    /** Waits until ingestion of the sample's instruments is live end to end (someone must have subscribed them). */
    public void awaitIngestion(int instruments) throws InterruptedException {
        await(() -> gateway.service().openTradeStreams() >= 1 && gateway.engine().subscriptions().size() >= instruments
                        && marketdata.ingesting().size() == instruments && candleApp.feed().connected(),
                Duration.ofSeconds(20), () -> "ingestion live end to end");
    }

    public void startReplay() {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }

    public String base() {
        return "http://127.0.0.1:" + web.port();
    }

    public static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws Exception {
        if (web != null) web.close();
        if (candleApp != null) candleApp.close();
        if (marketdata != null) marketdata.close();
        if (gateway != null) gateway.close();
        candlesChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        marketdataChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        gatewayChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        database.close();
        postgres.close();
        telemetry.close();
    }
}
