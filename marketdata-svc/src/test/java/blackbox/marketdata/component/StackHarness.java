package blackbox.marketdata.component;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The real parts, in one JVM: embedded PostgreSQL, a dll-gateway on the ProfitDLL simulator (through the
 * FFM binding) replaying the project's sample, and marketdata-svc between them, all over in-process gRPC.
 * Each part can be stopped and started again.
 */
final class StackHarness implements AutoCloseable {
    static final Path SAMPLE = repoRoot().resolve("samples/replay/binance-spot-sample.replay.csv");

    final EmbeddedPostgresServer postgres;
    final Database database;
    final Telemetry telemetry = Telemetry.create("marketdata-test", Config.of(Map.of()));
    private final String gatewayName = InProcessServerBuilder.generateName();
    private final String marketdataName = InProcessServerBuilder.generateName();
    final ManagedChannel gatewayChannel = InProcessChannelBuilder.forName(gatewayName).build();
    final ManagedChannel channel = InProcessChannelBuilder.forName(marketdataName).build();
    final MarketDataGrpc.MarketDataBlockingStub blocking = MarketDataGrpc.newBlockingStub(channel);
    final MarketDataGrpc.MarketDataStub async = MarketDataGrpc.newStub(channel);
    Gateway gateway;
    MarketDataApp app;
    private Map<String, String> marketdataOverrides = Map.of();

    StackHarness() throws Exception {
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

    /** Starts (or restarts) the gateway with these settings on top of: the sample, full speed, tape held. */
    void startGateway(Map<String, String> overrides) throws Exception {
        if (gateway != null) gateway.close();
        Map<String, String> values = new HashMap<>();
        values.put(GatewayConfig.LIBRARY, System.getProperty("profitdll.library"));
        values.put(GatewayConfig.REPLAY, SAMPLE.toString());
        values.put(GatewayConfig.SPEED, "max");
        values.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        values.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        values.put(GatewayConfig.INVALID_TICKER_WAIT, "150ms");
        values.putAll(overrides);
        gateway = Gateway.start(GatewayConfig.from(Config.of(values)), InProcessServerBuilder.forName(gatewayName), telemetry);
        await(() -> gateway.engine().status().state() == blackbox.gateway.engine.SessionStatus.State.CONNECTED,
                Duration.ofSeconds(10), () -> "gateway connected");
    }

    void stopGateway() {
        if (gateway != null) gateway.close();
        gateway = null;
    }

    /** Starts (or restarts) marketdata-svc on the same database. */
    void startMarketData(Map<String, String> overrides) throws Exception {
        if (app != null) app.close();
        marketdataOverrides = overrides;
        Map<String, String> values = new HashMap<>();
        values.put(MarketDataConfig.GRACE, "300ms");
        values.put(MarketDataConfig.BATCH_DELAY, "20ms");
        values.put(MarketDataConfig.STATS_INTERVAL, "PT0S");
        values.putAll(overrides);
        app = MarketDataApp.start(MarketDataConfig.from(Config.of(values)), database, gatewayChannel,
                InProcessServerBuilder.forName(marketdataName), telemetry);
    }

    void restartMarketData() throws Exception {
        startMarketData(marketdataOverrides);
    }

    /**
     * Waits until ingestion is live end to end: the gateway itself counts marketdata's trade stream and holds
     * {@code instruments} subscriptions. Starting the tape earlier would send trades to nobody: trades from
     * before a stream exists are not a gap anyone can see.
     */
    void awaitLive(int instruments) throws InterruptedException {
        await(() -> gateway.service().openTradeStreams() >= 1 && gateway.engine().subscriptions().size() >= instruments
                        && app.ingesting().size() == instruments,
                Duration.ofSeconds(15), () -> "marketdata's stream at the gateway and " + instruments + " subscriptions");
    }

    /** Starts the simulator's tape (held by replay.start=manual). */
    void startReplay() {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }

    /** Trades stored in PostgreSQL, edits not counted. */
    long storedTrades() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades").mapTo(Long.class).one());
    }

    /** Empties marketdata's tables so each test starts clean. */
    void truncate() {
        database.migrate(MarketDataApp.SCHEMA, "classpath:db/migration/marketdata");
        database.jdbi().useHandle(h -> h.execute(
                "TRUNCATE marketdata.trades, marketdata.trade_edits, marketdata.subscriptions, marketdata.repairs"));
    }

    static InstrumentId instrument(String ticker, String exchange) {
        return InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws Exception { // NOPMD
        if (app != null) app.close();
        stopGateway();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        gatewayChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        database.close();
        postgres.close();
        telemetry.close();
    }
}
