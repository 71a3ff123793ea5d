package blackbox.candles.component;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.SubscribeRequest;
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
 * The real parts, in one JVM: embedded PostgreSQL, a dll-gateway on the ProfitDLL simulator (through the FFM
 * binding) replaying the project's Binance sample, marketdata-svc and candle-svc, over in-process gRPC. candle-svc
 * can be stopped and started again on the same database.
 */
final class CandleStack implements AutoCloseable {
    static final Path SAMPLE = repoRoot().resolve("samples/replay/binance-spot-sample.replay.csv");
    static final InstrumentId BTC = InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT").build();
    static final InstrumentId ETH = InstrumentId.newBuilder().setTicker("ETHUSDT").setExchange("SPOT").build();

    final EmbeddedPostgresServer postgres;
    final Database database;
    final Telemetry telemetry = Telemetry.create("candles-test", Config.of(Map.of()));
    private final String gatewayName = InProcessServerBuilder.generateName();
    private final String marketdataName = InProcessServerBuilder.generateName();
    private final String candlesName = InProcessServerBuilder.generateName();
    final ManagedChannel gatewayChannel = InProcessChannelBuilder.forName(gatewayName).build();
    final ManagedChannel marketdataChannel = InProcessChannelBuilder.forName(marketdataName).build();
    final ManagedChannel channel = InProcessChannelBuilder.forName(candlesName).build();
    final CandlesGrpc.CandlesBlockingStub blocking = CandlesGrpc.newBlockingStub(channel);
    final CandlesGrpc.CandlesStub async = CandlesGrpc.newStub(channel);
    Gateway gateway;
    MarketDataApp marketdata;
    CandleApp candles;
    private Map<String, String> candleOverrides = Map.of();

    CandleStack() throws Exception {
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

    /** Gateway (tape held until {@link #startReplay}), marketdata-svc and candle-svc; both instruments subscribed. */
    void start(Map<String, String> gatewayOverrides, Map<String, String> candleOverrides) throws Exception {
        Map<String, String> g = new HashMap<>();
        g.put(GatewayConfig.LIBRARY, System.getProperty("profitdll.library"));
        g.put(GatewayConfig.REPLAY, SAMPLE.toString());
        g.put(GatewayConfig.SPEED, "max");
        g.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        g.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        g.putAll(gatewayOverrides);
        gateway = Gateway.start(GatewayConfig.from(Config.of(g)), InProcessServerBuilder.forName(gatewayName), telemetry);
        await(() -> gateway.engine().status().state() == blackbox.gateway.engine.SessionStatus.State.CONNECTED,
                Duration.ofSeconds(10), () -> "gateway connected");
        Map<String, String> m = new HashMap<>();
        m.put(MarketDataConfig.GRACE, "300ms");
        m.put(MarketDataConfig.BATCH_DELAY, "20ms");
        m.put(MarketDataConfig.STATS_INTERVAL, "PT0S");
        marketdata = MarketDataApp.start(MarketDataConfig.from(Config.of(m)), database, gatewayChannel,
                InProcessServerBuilder.forName(marketdataName), telemetry);
        startCandles(candleOverrides);
        var md = MarketDataGrpc.newBlockingStub(marketdataChannel);
        md.subscribe(SubscribeRequest.newBuilder().setUserId("desk").setInstrument(BTC).build());
        md.subscribe(SubscribeRequest.newBuilder().setUserId("desk").setInstrument(ETH).build());
        await(() -> gateway.service().openTradeStreams() >= 1 && gateway.engine().subscriptions().size() >= 2
                        && marketdata.ingesting().size() == 2 && candles.feed().connected(),
                Duration.ofSeconds(15), () -> "ingestion live end to end");
    }

    /** Starts (or restarts) candle-svc on the same database. */
    void startCandles(Map<String, String> overrides) throws Exception {
        if (candles != null) candles.close();
        candleOverrides = overrides;
        Map<String, String> c = new HashMap<>();
        c.put(CandleConfig.TIMEZONES, "SPOT=UTC");
        c.put(CandleConfig.CYCLE, "20ms");
        c.put(CandleConfig.REPROCESS_INTERVAL, "100ms");
        c.putAll(overrides);
        candles = CandleApp.start(CandleConfig.from(Config.of(c)), database, marketdataChannel,
                InProcessServerBuilder.forName(candlesName), telemetry);
    }

    void stopCandles() {
        if (candles != null) candles.close();
        candles = null;
    }

    void restartCandles() throws Exception {
        startCandles(candleOverrides);
        await(() -> candles.feed().connected(), Duration.ofSeconds(10), () -> "candle-svc's trade stream");
    }

    void startReplay() {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }

    /** Replays the whole sample and waits until its 6,000 trades are stored, applied and their candles written. */
    void replayAll() throws InterruptedException {
        startReplay();
        await(() -> storedTrades() == 6000 && candles.engine().tradesApplied() == 6000,
                Duration.ofSeconds(30), () -> "6000 trades stored and applied (stored " + storedTrades()
                        + ", applied " + candles.engine().tradesApplied() + ")");
        candles.engine().barrier().join();
    }

    long storedTrades() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades").mapTo(Long.class).one());
    }

    long pendingReprocess() {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM candles.reprocess_requests WHERE done_at IS NULL").mapTo(Long.class).one());
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws Exception {
        if (candles != null) candles.close();
        if (marketdata != null) marketdata.close();
        if (gateway != null) gateway.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        marketdataChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        gatewayChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        database.close();
        postgres.close();
        telemetry.close();
    }
}
