package blackbox.marketdata;

import blackbox.marketdata.core.SequenceTracker;
import blackbox.marketdata.core.Spool;
import blackbox.marketdata.core.TradeDeduplicator;
import blackbox.marketdata.core.TradingDays;
import blackbox.marketdata.gateway.GatewayClient;
import blackbox.marketdata.gateway.GatewayFeed;
import blackbox.marketdata.grpc.MarketDataService;
import blackbox.marketdata.ingest.Backfill;
import blackbox.marketdata.ingest.Ingestion;
import blackbox.marketdata.ingest.RepairQueue;
import blackbox.marketdata.ingest.RestartCatchUp;
import blackbox.marketdata.ingest.SpoolAlarm;
import blackbox.marketdata.ingest.TradeFanout;
import blackbox.marketdata.ingest.TradeWriterLoop;
import blackbox.marketdata.store.PartitionManager;
import blackbox.marketdata.store.PgSubscriptionStore;
import blackbox.marketdata.store.PgTradeStore;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.marketdata.subscribe.SubscriptionManager;
import blackbox.marketdata.v1.MarketDataGrpc;
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
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running marketdata-svc: subscriptions, the gateway feed, ingestion (de-duplication, gap repair,
 * fan-out), the PostgreSQL writer and the gRPC server. Database, gateway channel and server transport are
 * parameters, so tests run it in-process against embedded PostgreSQL and a simulator-backed gateway.
 */
public final class MarketDataApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketDataApp.class);
    public static final String SCHEMA = "marketdata";
    /** ReadTrades calls reading at once (each holds a database connection); more wait their turn. */
    static final int READERS = 2;
    /** Backfill calls running at once (the gateway answers history requests one at a time anyway); more wait. */
    static final int BACKFILLS = 2;
    /** How long a backfill waits for the writer to commit a day's trades. */
    static final Duration BACKFILL_PERSIST_TIMEOUT = Duration.ofSeconds(60);

    private final Server server;
    private final GatewayFeed feed;
    private final TradeWriterLoop writer;
    private final RepairQueue repairs;
    private final SubscriptionManager subscriptions;
    private final Ingestion ingestion;
    private final TradeFanout fanout;
    private final Spool spool;
    private final TradeStore tradeStore;
    private final Health health;
    private final GrpcHealth grpcHealth;
    private final ExecutorService drain;
    private final ExecutorService readers;
    private final ExecutorService backfills;
    private final RestartCatchUp restartCatchUp;

    private MarketDataApp(Server server, GatewayFeed feed, TradeWriterLoop writer, RepairQueue repairs,
                          SubscriptionManager subscriptions, Ingestion ingestion, TradeFanout fanout, Spool spool,
                          TradeStore tradeStore, Health health, GrpcHealth grpcHealth, ExecutorService drain,
                          ExecutorService readers, ExecutorService backfills, RestartCatchUp restartCatchUp) {
        this.server = server;
        this.feed = feed;
        this.writer = writer;
        this.repairs = repairs;
        this.subscriptions = subscriptions;
        this.ingestion = ingestion;
        this.fanout = fanout;
        this.spool = spool;
        this.tradeStore = tradeStore;
        this.health = health;
        this.grpcHealth = grpcHealth;
        this.drain = drain;
        this.readers = readers;
        this.backfills = backfills;
        this.restartCatchUp = restartCatchUp;
    }

    /**
     * Migrates the schema, rebuilds the subscriptions, connects to the gateway and starts serving.
     *
     * @throws StoreUnavailableException when PostgreSQL cannot be reached at start
     * @throws IOException when the server cannot bind
     */
    public static MarketDataApp start(MarketDataConfig config, Database database, ManagedChannel gatewayChannel,
                                      ServerBuilder<?> serverBuilder, Telemetry telemetry) throws StoreUnavailableException, IOException {
        database.migrate(SCHEMA, "classpath:db/migration/marketdata");
        PartitionManager partitions = new PartitionManager(database.jdbi());
        LocalDate today = LocalDate.now(config.exchangeZone());
        partitions.ensure(today.minusDays(1), today.plusDays(config.partitionsAhead()));
        TradeStore tradeStore = new PgTradeStore(database, partitions);
        var subscriptionStore = new PgSubscriptionStore(database.jdbi());

        Health health = new Health();
        GatewayClient gateway = new GatewayClient(gatewayChannel, Duration.ofSeconds(10), Duration.ofMinutes(10));
        TradeFanout fanout = new TradeFanout();
        SubscriptionManager subscriptions = new SubscriptionManager(subscriptionStore, gateway, config.grace(), System::nanoTime);
        RepairQueue.RepairLog repairLog = (instrument, from, to, recovered, reason) -> database.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO marketdata.repairs (exchange, ticker, from_nanos, to_nanos, recovered, reason)"
                                + " VALUES (:exchange, :ticker, :from, :to, :recovered, :reason)")
                        .bind("exchange", instrument.exchange()).bind("ticker", instrument.ticker()).bind("from", from)
                        .bind("to", to).bind("recovered", recovered).bind("reason", reason).execute());
        RepairQueue repairs = new RepairQueue(gateway, () -> subscriptions.ingesting(), fanout, repairLog);
        Spool spool = new Spool(config.spoolCapacity());
        SpoolAlarm alarm = new SpoolAlarm(health);
        TradingDays tradingDays = new TradingDays(config.exchangeZone(), java.util.Map.of());
        ExecutorService backfills = Executors.newFixedThreadPool(BACKFILLS, daemon("backfill"));
        // the restart catch-up needs the backfill, which needs the ingestion: bound once both exist
        java.util.concurrent.atomic.AtomicReference<RestartCatchUp> catchUp = new java.util.concurrent.atomic.AtomicReference<>();
        Ingestion ingestion = new Ingestion(subscriptions::isIngesting, tradingDays, new TradeDeduplicator(), new SequenceTracker(),
                spool, fanout, repairs, () -> {
                    subscriptions.reconcileGateway();
                    RestartCatchUp c = catchUp.get();
                    if (c != null) c.onConnected();
                }, alarm);
        repairs.bind(ingestion);
        TradeWriterLoop writer = new TradeWriterLoop(spool, tradeStore, config.batchRows(), config.batchDelay(), health, alarm, repairs);
        writer.start();
        Backfill backfill = new Backfill(gateway, ingestion, tradeStore, writer, spool, fanout, repairLog, tradingDays,
                BACKFILL_PERSIST_TIMEOUT);
        RestartCatchUp restartCatchUp = new RestartCatchUp(backfill, tradeStore, () -> subscriptions.ingesting(), backfills);
        catchUp.set(restartCatchUp);

        subscriptions.loadFromStore();
        restartCatchUp.markStartingPoints();
        GatewayFeed feed = new GatewayFeed(gatewayChannel, ingestion, Duration.ofMillis(200), Duration.ofSeconds(10));
        health.report("gateway", Health.Status.down("connecting"));
        feed.start();

        ExecutorService drain = Executors.newFixedThreadPool(2, daemon("grpc-stream-drain"));
        ExecutorService readers = Executors.newFixedThreadPool(READERS, daemon("trade-reader"));
        GrpcHealth grpcHealth = new GrpcHealth(health, MarketDataGrpc.SERVICE_NAME);
        Server server = GrpcServers.withStandardServices(serverBuilder, telemetry, grpcHealth)
                .addService(new MarketDataService(subscriptions, fanout, drain, config.streamBuffer(), tradeStore, readers,
                        new blackbox.marketdata.grpc.AcceptedTrades() {
                            @Override
                            public long mark() {
                                return ingestion.persistMark();
                            }

                            @Override
                            public boolean awaitStored(long mark, Duration timeout) {
                                return writer.awaitPersisted(mark, timeout);
                            }
                        }, backfill, backfills))
                .addService(new blackbox.marketdata.grpc.IngestionStatsService(ingestion, writer, spool, repairs))
                .build()
                .start();
        MarketDataApp app = new MarketDataApp(server, feed, writer, repairs, subscriptions, ingestion, fanout, spool, tradeStore,
                health, grpcHealth, drain, readers, backfills, restartCatchUp);
        app.registerMetrics(telemetry.meter());
        app.watchGateway();
        return app;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void watchGateway() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                health.report("gateway", feed.connected() ? Health.Status.up("trade stream open") : Health.Status.down("trade stream down"));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gateway-health");
        t.setDaemon(true);
        t.start();
    }

    private void registerMetrics(Meter meter) {
        meter.counterBuilder("blackbox.marketdata.trades.received").buildWithCallback(m -> m.record(ingestion.received()));
        meter.counterBuilder("blackbox.marketdata.trades.duplicates").buildWithCallback(m -> m.record(ingestion.duplicates()));
        meter.counterBuilder("blackbox.marketdata.trades.stored").buildWithCallback(m -> m.record(writer.stored()));
        meter.counterBuilder("blackbox.marketdata.spool.dropped").setDescription("trades dropped because the spool was full")
                .buildWithCallback(m -> m.record(spool.droppedTotal()));
        meter.gaugeBuilder("blackbox.marketdata.spool.size").ofLongs().buildWithCallback(m -> m.record(spool.size()));
        meter.counterBuilder("blackbox.marketdata.repairs.recovered").buildWithCallback(m -> m.record(repairs.recoveredTotal()));
        meter.gaugeBuilder("blackbox.marketdata.repairs.pending").ofLongs().buildWithCallback(m -> m.record(repairs.pending()));
        meter.gaugeBuilder("blackbox.marketdata.consumers").ofLongs().buildWithCallback(m -> m.record(fanout.consumerCount()));
    }

    public int port() {
        return server.getPort();
    }

    public Health health() {
        return health;
    }

    public Ingestion ingestion() {
        return ingestion;
    }

    public TradeWriterLoop writer() {
        return writer;
    }

    public RepairQueue repairs() {
        return repairs;
    }

    public Spool spool() {
        return spool;
    }

    public SubscriptionManager subscriptions() {
        return subscriptions;
    }

    public TradeStore tradeStore() {
        return tradeStore;
    }

    /** The catch-up of what the gateway delivered while this process was not running (done once per start). */
    public RestartCatchUp restartCatchUp() {
        return restartCatchUp;
    }

    /** How many trade streams ({@code StreamTrades}) are open now. */
    public int tradeConsumers() {
        return fanout.consumerCount();
    }

    /** A one-line summary for the periodic log. */
    public String stats() {
        return String.format("received %d | new %d | duplicates %d | ignored %d | stored %d | spool %d/%d (dropped %d) | repairs pending %d, recovered %d | consumers %d",
                ingestion.received(), ingestion.accepted(), ingestion.duplicates(), ingestion.ignored(), writer.stored(), spool.size(), spool.capacity(),
                spool.droppedTotal(), repairs.pending(), repairs.recoveredTotal(), fanout.consumerCount());
    }

    /** Stops serving, stops the feed, writes what is spooled, stops. */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        restartCatchUp.close();
        feed.close();
        repairs.close();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS); // trade streams never end by themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        readers.shutdownNow();
        backfills.shutdownNow();
        writer.close();
        subscriptions.close();
        drain.shutdownNow();
        log.info("marketdata-svc stopped");
    }

    /** For tests: the instruments ingested. */
    public java.util.List<InstrumentId> ingesting() {
        return subscriptions.ingesting();
    }
}
