package blackbox.candles;

import blackbox.candles.core.Timeframe;
import blackbox.candles.engine.CandleEngine;
import blackbox.candles.feed.MarketDataClient;
import blackbox.candles.feed.MarketDataFeed;
import blackbox.candles.grpc.CandlesService;
import blackbox.candles.grpc.IndicatorsService;
import blackbox.candles.jobs.ReprocessJob;
import blackbox.candles.live.LiveHub;
import blackbox.candles.read.CandleReadCache;
import blackbox.candles.store.CandleSchema;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.MonthPartitions;
import blackbox.candles.store.PgCandleStore;
import blackbox.candles.store.ReprocessRequests;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.platform.db.Database;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.health.GrpcHealth;
import blackbox.platform.health.Health;
import blackbox.platform.service.GrpcServers;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running candle-svc: the trade feed from marketdata-svc, the candle engine, the reprocess job, live candles and
 * the gRPC server. Database, marketdata-svc channel and server transport are parameters, so tests run it in-process
 * against embedded PostgreSQL and a real marketdata-svc.
 */
public final class CandleApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CandleApp.class);

    private final Server server;
    private final MarketDataFeed feed;
    private final CandleEngine engine;
    private final ReprocessJob job;
    private final LiveHub hub;
    private final CandleStore store;
    private final ReprocessRequests requests;
    private final Health health;
    private final GrpcHealth grpcHealth;
    private final ExecutorService jobs;
    private final ExecutorService drain;
    private final Thread watcher;

    private CandleApp(Server server, MarketDataFeed feed, CandleEngine engine, ReprocessJob job, LiveHub hub,
                      CandleStore store, ReprocessRequests requests, Health health, GrpcHealth grpcHealth,
                      ExecutorService jobs, ExecutorService drain) {
        this.server = server;
        this.feed = feed;
        this.engine = engine;
        this.job = job;
        this.hub = hub;
        this.store = store;
        this.requests = requests;
        this.health = health;
        this.grpcHealth = grpcHealth;
        this.jobs = jobs;
        this.drain = drain;
        this.watcher = new Thread(this::watch, "candle-health");
        this.watcher.setDaemon(true);
    }

    /**
     * Migrates the schema, creates this month's and next month's partitions, starts the engine, the reprocess job
     * and the trade feed, and starts serving.
     *
     * @throws StoreUnavailableException when PostgreSQL cannot be reached at start
     * @throws IOException when the server cannot bind
     */
    public static CandleApp start(CandleConfig config, Database database, ManagedChannel marketDataChannel,
                                  ServerBuilder<?> serverBuilder, Telemetry telemetry)
            throws StoreUnavailableException, IOException {
        CandleSchema.migrate(database);
        MonthPartitions partitions = new MonthPartitions(database.dataSource());
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        partitions.ensure(List.of(month, month.plusMonths(1)));
        CandleStore store = new PgCandleStore(database.dataSource(), partitions);
        ReprocessRequests requests = new ReprocessRequests(database);
        Health health = new Health();
        health.report("marketdata", Health.Status.down("connecting"));
        health.report("database", Health.Status.up("connected"));
        LiveHub hub = new LiveHub(config.buckets(), CandleApp::wallNanos, store::lastBucket);
        MarketDataClient marketData = new MarketDataClient(marketDataChannel);
        ReprocessJob[] job = new ReprocessJob[1];
        CandleReadCache cache = new CandleReadCache(store, 400_000);
        CandleEngine engine = new CandleEngine(config.buckets(), config.rectificationWindow(), store, requests, hub, cache,
                health, CandleApp::wallNanos, config.cycle(), config.inboxBatches(), () -> job[0].wake());
        job[0] = new ReprocessJob(config.buckets(), marketData, engine, requests, CandleApp::wallNanos,
                config.reprocessInterval());
        engine.start();
        job[0].start();
        MarketDataFeed feed = new MarketDataFeed(marketDataChannel, engine,
                () -> recordCatchUp(store, requests, engine, job[0]), r -> recordRepaired(requests, job[0], r),
                Duration.ofSeconds(5));
        feed.start();

        // a just-subscribed instrument is known before its first trade: its history is empty, not an error
        java.util.function.Function<InstrumentId, Boolean> knownLive = id -> engine.seen(id) || marketData.ingesting(id);
        ExecutorService jobs = Executors.newFixedThreadPool(2, daemon("candle-jobs"));
        ExecutorService drain = Executors.newFixedThreadPool(2, daemon("candle-stream-drain"));
        GrpcHealth grpcHealth = new GrpcHealth(health, CandlesGrpc.SERVICE_NAME);
        Server server = GrpcServers.withStandardServices(serverBuilder, telemetry, grpcHealth)
                .addService(new CandlesService(store, cache, hub, job[0], marketData, config.buckets(), jobs, drain,
                        config.streamBuffer(), knownLive))
                .addService(new IndicatorsService(store, cache,
                        new blackbox.candles.store.PgIndicatorCheckpoints(database.dataSource()), hub, config.buckets(), knownLive, drain,
                        config.streamBuffer()))
                .build()
                .start();
        CandleApp app = new CandleApp(server, feed, engine, job[0], hub, store, requests, health, grpcHealth, jobs, drain);
        app.registerMetrics(telemetry.meter());
        app.watcher.start();
        return app;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static long wallNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Each time the trade stream opens: for every instrument with candles, the range from its last stored minute
     * on is queued for the reprocess job, so trades stored while candle-svc was not listening get into candles.
     */
    private static void recordCatchUp(CandleStore store, ReprocessRequests requests, CandleEngine engine,
                                      ReprocessJob job) {
        try {
            TreeSet<InstrumentId> all = new TreeSet<>();
            all.addAll(store.instruments());
            all.addAll(engine.seenInstruments());
            for (InstrumentId id : all) {
                OptionalLong last = store.lastBucket(id, Timeframe.M1);
                if (last.isPresent()) {
                    requests.record(id, last.getAsLong(), Long.MAX_VALUE, "catch-up when the trade stream opened");
                }
            }
            if (!all.isEmpty()) {
                log.info("catch-up queued for {} instruments", all.size());
                job.wake();
            }
        } catch (StoreUnavailableException e) {
            log.warn("catch-up not queued: {}", e.getMessage());
        }
    }

    /**
     * marketdata-svc recovered trades of a window (a gap, its own restart): they reached this service only if its
     * stream was open while they were streamed, so the window is rebuilt from the store (idempotent when they did).
     */
    private static void recordRepaired(ReprocessRequests requests, ReprocessJob job, blackbox.marketdata.v1.Repaired r) {
        InstrumentId id = new InstrumentId(r.getInstrument().getTicker(), r.getInstrument().getExchange());
        long minute = Timeframe.M1.fixedNanos();
        long from = r.getFromNanos() - Math.floorMod(r.getFromNanos(), minute);
        long to = r.getToNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : r.getToNanos() + 1;
        try {
            requests.record(id, from, to, "marketdata-svc repaired " + r.getTradesRecovered() + " trades (" + r.getReason() + ")");
            job.wake();
        } catch (StoreUnavailableException e) {
            log.warn("rebuild of the repaired window of {} not queued: {}", id, e.getMessage());
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            health.report("marketdata", feed.connected() ? Health.Status.up("trade stream open")
                    : Health.Status.down("trade stream down"));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void registerMetrics(Meter meter) {
        meter.counterBuilder("blackbox.candles.trades.received").buildWithCallback(m -> m.record(feed.tradesReceived()));
        meter.counterBuilder("blackbox.candles.trades.applied").buildWithCallback(m -> m.record(engine.tradesApplied()));
        meter.counterBuilder("blackbox.candles.trades.late").setDescription("trades sent to the reprocess job")
                .buildWithCallback(m -> m.record(engine.tradesLate()));
        meter.counterBuilder("blackbox.candles.written").buildWithCallback(m -> m.record(engine.candlesWritten()));
        meter.gaugeBuilder("blackbox.candles.inbox").ofLongs().buildWithCallback(m -> m.record(engine.inboxSize()));
        meter.gaugeBuilder("blackbox.candles.live.subscribers").ofLongs()
                .buildWithCallback(m -> m.record(hub.subscriberCount()));
        meter.counterBuilder("blackbox.candles.reprocess.done").buildWithCallback(m -> m.record(job.rangesDone()));
    }

    public int port() {
        return server.getPort();
    }

    public Health health() {
        return health;
    }

    public CandleEngine engine() {
        return engine;
    }

    public ReprocessJob job() {
        return job;
    }

    /** @return live candle streams open now */
    public long liveSubscribers() {
        return hub.subscriberCount();
    }

    public CandleStore store() {
        return store;
    }

    public ReprocessRequests requests() {
        return requests;
    }

    public MarketDataFeed feed() {
        return feed;
    }

    /** A one-line summary for the periodic log. */
    public String stats() {
        return String.format("trades received %d | applied %d | late %d | candles written %d | inbox %d | "
                        + "live subscribers %d | reprocessed %d (failures %d)",
                feed.tradesReceived(), engine.tradesApplied(), engine.tradesLate(), engine.candlesWritten(),
                engine.inboxSize(), hub.subscriberCount(), job.rangesDone(), job.failures());
    }

    /** Stops serving, stops the feed, lets the engine write what it has, stops. */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        feed.close();
        job.close();
        try {
            engine.barrier().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("last candles not confirmed written: {}", e.toString());
        }
        engine.close();
        watcher.interrupt();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS); // live streams never end by themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        jobs.shutdownNow();
        drain.shutdownNow();
        log.info("candle-svc stopped");
    }
}
