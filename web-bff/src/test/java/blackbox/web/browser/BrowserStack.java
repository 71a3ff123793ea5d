package blackbox.web.browser;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.engine.SessionStatus;
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
 * The real stack in one JVM for the browser: embedded PostgreSQL, dll-gateway on the ProfitDLL simulator (FFM)
 * replaying a PETR4 tape (held until {@link #startReplay}), marketdata-svc and candle-svc over in-process gRPC
 * (exchange B in America/Sao_Paulo, the default), and web-bff on a free port serving the real web app (module
 * web-app) with the user alice (trader). The same assembly as the component tests' WebStack, with its own tape.
 */
final class BrowserStack implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "senha correta da alice";
    static final Duration ACCESS_TTL = Duration.ofSeconds(12);

    private final EmbeddedPostgresServer postgres;
    private final Database database;
    private final Telemetry telemetry = Telemetry.create("web-browser-test", Config.of(Map.of()));
    private final String gatewayName = InProcessServerBuilder.generateName();
    private final String marketdataName = InProcessServerBuilder.generateName();
    private final String candlesName = InProcessServerBuilder.generateName();
    private final ManagedChannel gatewayChannel = InProcessChannelBuilder.forName(gatewayName).build();
    private final ManagedChannel marketdataChannel = InProcessChannelBuilder.forName(marketdataName).build();
    private final ManagedChannel candlesChannel = InProcessChannelBuilder.forName(candlesName).build();
    private Gateway gateway;
    private MarketDataApp marketdata;
    private CandleApp candleApp;
    private WebBffApp web;

    BrowserStack() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        database = Database.connect(DatabaseConfig.external(postgres.jdbcUrl(), "postgres", "", 8));
    }

    static Path repoRoot() {
        String root = System.getProperty("blackbox.repo.root");
        if (root != null) return Path.of(root);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) dir = dir.getParent();
        return dir;
    }

    /** Starts everything on {@code replay} at the simulator speed {@code speed} (e.g. 60x), the tape held. */
    void start(Path replay, String speed) throws Exception {
        Map<String, String> g = new HashMap<>();
        g.put(GatewayConfig.LIBRARY, System.getProperty("profitdll.library"));
        g.put(GatewayConfig.REPLAY, replay.toString());
        g.put(GatewayConfig.SPEED, speed);
        g.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        g.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        gateway = Gateway.start(GatewayConfig.from(Config.of(g)), InProcessServerBuilder.forName(gatewayName), telemetry);
        await(() -> gateway.engine().status().state() == SessionStatus.State.CONNECTED, Duration.ofSeconds(10),
                () -> "gateway connected");
        Map<String, String> m = new HashMap<>();
        m.put(MarketDataConfig.GRACE, "300ms");
        m.put(MarketDataConfig.BATCH_DELAY, "20ms");
        m.put(MarketDataConfig.STATS_INTERVAL, "PT0S");
        marketdata = MarketDataApp.start(MarketDataConfig.from(Config.of(m)), database, gatewayChannel,
                InProcessServerBuilder.forName(marketdataName), telemetry);
        Map<String, String> c = new HashMap<>();
        c.put(CandleConfig.CYCLE, "20ms");
        c.put(CandleConfig.REPROCESS_INTERVAL, "100ms");
        candleApp = CandleApp.start(CandleConfig.from(Config.of(c)), database, marketdataChannel,
                InProcessServerBuilder.forName(candlesName), telemetry);
        Map<String, String> w = new HashMap<>();
        w.put(WebBffConfig.PORT, "0");
        w.put(WebBffConfig.JWT_SECRET, "browser-test-secret-browser-test-secret!");
        // short-lived access tokens, so the app must refresh them while the tests run
        w.put(WebBffConfig.ACCESS_TTL, ACCESS_TTL.toSeconds() + "s");
        web = WebBffApp.start(WebBffConfig.from(Config.of(w)), database, marketdataChannel, candlesChannel,
                gatewayChannel);
        web.users().ensure(USER, PASSWORD, EnumSet.of(Role.TRADER));
    }

    /** Waits until someone's subscription made ingestion of one instrument live end to end. */
    void awaitIngestion() throws InterruptedException {
        await(() -> gateway.service().openTradeStreams() >= 1 && !gateway.engine().subscriptions().isEmpty()
                        && marketdata.ingesting().size() == 1 && candleApp.feed().connected(),
                Duration.ofSeconds(20), () -> "ingestion live end to end");
    }

    void startReplay() {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }

    String base() {
        return "http://127.0.0.1:" + web.port();
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(20);
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
