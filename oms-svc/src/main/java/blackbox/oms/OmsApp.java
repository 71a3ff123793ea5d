package blackbox.oms;

import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.algo.engine.AlgoEngine;
import blackbox.oms.algo.engine.Halts;
import blackbox.oms.algo.engine.OmsChildOrders;
import blackbox.oms.algo.engine.ParentStore;
import blackbox.oms.api.Balances;
import blackbox.oms.config.AccountsFile;
import blackbox.oms.config.InstrumentMaster;
import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.engine.AccountCheck;
import blackbox.oms.engine.AccountGates;
import blackbox.oms.engine.EventHub;
import blackbox.oms.engine.Exposure;
import blackbox.oms.engine.GatewaySender;
import blackbox.oms.engine.OrderWriter;
import blackbox.oms.engine.Reconciler;
import blackbox.oms.engine.ReportConsumer;
import blackbox.oms.engine.SingleInstance;
import blackbox.oms.grpc.Callers;
import blackbox.oms.grpc.OrderManagementService;
import blackbox.oms.grpc.Parts;
import blackbox.oms.risk.GatewayLastPrices;
import blackbox.oms.risk.PositionSource;
import blackbox.oms.risk.PreTrade;
import blackbox.oms.risk.RiskFollower;
import blackbox.oms.risk.StreamedPositions;
import blackbox.oms.store.AccountStore;
import blackbox.oms.store.AuditTrail;
import blackbox.oms.store.BlockStore;
import blackbox.oms.store.OmsSchema;
import blackbox.oms.store.OrderBatch;
import blackbox.oms.store.OrderRow;
import blackbox.oms.store.OrderStore;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.Database;
import blackbox.platform.domain.AccountId;
import blackbox.platform.health.GrpcHealth;
import blackbox.platform.health.Health;
import blackbox.platform.service.GrpcServers;
import blackbox.platform.telemetry.Telemetry;
import blackbox.positions.v1.PositionsGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running oms-svc: the accounts file checked at the gateway, the single writer, the gateway sender and report
 * consumer, the reconciler, risk-svc's gate in-process, and the gRPC server ({@code blackbox.oms.v1.OrderManagement}).
 * Database, channels and server transport are parameters, so tests run it in-process.
 */
public final class OmsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OmsApp.class);
    /** Queued writer items before producers wait. */
    static final int WRITER_CAPACITY = 100_000;

    private final Server server;
    private final OrderManagementService service;
    private final OrderWriter writer;
    private final GatewaySender sender;
    private final AccountGates gates;
    private final ReportConsumer reports;
    private final Reconciler reconciler;
    private final AccountCheck accountCheck;
    private final RiskFollower risk;
    private final GatewayLastPrices prices;
    private final PositionSource positions;
    private final PreTrade preTrade;
    private final EventHub hub;
    private final SingleInstance single;
    private final ExecutorService drain;
    private final Health health;
    private final GrpcHealth grpcHealth;
    private final Thread healthWatch;
    private final AlgoEngine algos;
    private final blackbox.oms.algo.engine.GatewayQuotes quotes;

    private OmsApp(Server server, OrderManagementService service, OrderWriter writer, GatewaySender sender, AccountGates gates,
                   ReportConsumer reports, Reconciler reconciler, AccountCheck accountCheck, RiskFollower risk,
                   GatewayLastPrices prices, PositionSource positions, PreTrade preTrade, EventHub hub, SingleInstance single,
                   ExecutorService drain, Health health, GrpcHealth grpcHealth, AlgoEngine algos,
                   blackbox.oms.algo.engine.GatewayQuotes quotes) {
        this.algos = algos;
        this.quotes = quotes;
        this.server = server;
        this.service = service;
        this.writer = writer;
        this.sender = sender;
        this.gates = gates;
        this.reports = reports;
        this.reconciler = reconciler;
        this.accountCheck = accountCheck;
        this.risk = risk;
        this.prices = prices;
        this.positions = positions;
        this.preTrade = preTrade;
        this.hub = hub;
        this.single = single;
        this.drain = drain;
        this.health = health;
        this.grpcHealth = grpcHealth;
        this.healthWatch = new Thread(this::watchHealth, "oms-health");
        healthWatch.setDaemon(true);
        healthWatch.start();
    }

    /** UTC epoch nanoseconds from the system clock. */
    static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /**
     * Migrates the schemas, loads the accounts and the open orders, starts following the gateway, risk and positions,
     * and starts serving.
     *
     * @param positionsChannel positions-svc, when configured ({@link OmsConfig#positionsTarget()} a host:port)
     * @param redisUrl risk-svc's Redis broadcast; empty to poll PostgreSQL
     * @throws ConfigException when the accounts or instruments file does not parse (naming file, line, field, value)
     * @throws IllegalStateException when another oms-svc runs on the database
     * @throws IOException when the server cannot bind
     */
    public static OmsApp start(OmsConfig config, Database database, ManagedChannel gatewayChannel,
                               Optional<ManagedChannel> positionsChannel, Optional<String> redisUrl,
                               ServerBuilder<?> serverBuilder, Telemetry telemetry) throws IOException, SQLException {
        return start(config, database, gatewayChannel, positionsChannel, redisUrl, serverBuilder, telemetry, OmsApp::now);
    }

    /**
     * {@link #start} with the execution algorithms on {@code algoClock} (UTC epoch ns) instead of the system clock: tests
     * run schedules on the tape's time and wake the engine ({@link #algos()}) when they move it.
     */
    public static OmsApp start(OmsConfig config, Database database, ManagedChannel gatewayChannel,
                               Optional<ManagedChannel> positionsChannel, Optional<String> redisUrl,
                               ServerBuilder<?> serverBuilder, Telemetry telemetry, LongSupplier algoClock)
            throws IOException, SQLException {
        return start(config, database, gatewayChannel, positionsChannel, redisUrl, serverBuilder, telemetry, algoClock,
                blackbox.oms.algo.VolumeProfiles.NONE);
    }

    /**
     * {@link #start} with the algorithms on {@code algoClock} and VWAP volume profiles from {@code profiles}
     * ({@link blackbox.oms.algo.engine.CandleVolumeProfiles} in service; {@link blackbox.oms.algo.VolumeProfiles#NONE}: equal
     * weights).
     */
    public static OmsApp start(OmsConfig config, Database database, ManagedChannel gatewayChannel,
                               Optional<ManagedChannel> positionsChannel, Optional<String> redisUrl,
                               ServerBuilder<?> serverBuilder, Telemetry telemetry, LongSupplier algoClock,
                               blackbox.oms.algo.VolumeProfiles profiles)
            throws IOException, SQLException {
        LongSupplier clock = OmsApp::now;
        OmsSchema.migrate(database);
        SingleInstance single = SingleInstance.acquire(database.dataSource());
        try {
            return start(config, database, gatewayChannel, positionsChannel, redisUrl, serverBuilder, telemetry, clock, algoClock, profiles,
                    single);
        } catch (IOException | RuntimeException e) {
            single.close();
            throw e;
        }
    }

    private static OmsApp start(OmsConfig config, Database database, ManagedChannel gatewayChannel,
                                Optional<ManagedChannel> positionsChannel, Optional<String> redisUrl,
                                ServerBuilder<?> serverBuilder, Telemetry telemetry, LongSupplier clock, LongSupplier algoClock,
                                blackbox.oms.algo.VolumeProfiles profiles, SingleInstance single)
            throws IOException {
        AccountRegistry accounts = loadAccounts(config, database);
        InstrumentMaster instruments = loadInstruments(config);
        var jdbi = database.jdbi();
        OrderBatch batch = new OrderBatch(jdbi, config.exchangeZone());
        BlockStore blocks = new BlockStore(jdbi);
        OrderStore orders = new OrderStore(jdbi, config.exchangeZone());
        AuditTrail audit = new AuditTrail(jdbi);

        OrderWriter writer = new OrderWriter(batch, blocks, clock, config.writeBatch(), WRITER_CAPACITY);
        LocalDate today = TradeDates.of(clock.getAsLong(), config.exchangeZone());
        Exposure exposure = new Exposure(config.exchangeZone(), writer.open().values(), batch.tradedNotional(today), today);
        EventHub hub = new EventHub(orders.lastSequence());
        AccountGates gates = new AccountGates();
        writer.addListener(exposure);
        writer.addListener(hub);
        writer.addListener(changes -> {
            for (OrderWriter.Change c : changes) {
                if (c.event().type() == EventType.OUTCOME_UNKNOWN) {
                    gates.inDoubt(c.after().spec().account(), "order " + c.after().clOrdId() + " outcome unknown: " + c.after().text());
                }
            }
        });
        // after a restart, an account whose orders may have moved while nobody listened is reconciled before it trades
        Set<AccountId> inDoubt = new HashSet<>();
        for (OrderRow row : writer.open().values()) {
            OrdStatus s = row.stored().order().status();
            if (s == OrdStatus.PENDING_NEW || s == OrdStatus.UNKNOWN || s.isPendingRequest()) inDoubt.add(row.stored().order().spec().account());
        }
        for (AccountId a : inDoubt) gates.inDoubt(a, "oms-svc restarted with orders in doubt");
        writer.start();

        TradingGrpc.TradingStub trading = TradingGrpc.newStub(gatewayChannel);
        TradingGrpc.TradingBlockingStub tradingBlocking = TradingGrpc.newBlockingStub(gatewayChannel);
        GatewaySender sender = new GatewaySender(trading, writer, gates,
                id -> accounts.find(id).orElseThrow(() -> new IllegalStateException("no account " + id)), config.maxInFlight(),
                config.sendDeadline(), clock);
        AccountCheck accountCheck = new AccountCheck(tradingBlocking, accounts, gates);
        accountCheck.start();
        ReportConsumer reports = new ReportConsumer(trading, writer, batch, reason -> {
            Set<AccountId> open = new HashSet<>();
            for (OrderRow row : writer.open().values()) open.add(row.stored().order().spec().account());
            for (AccountId a : open) gates.inDoubt(a, reason);
        }, config.exchangeZone(), clock);
        reports.start();
        Reconciler reconciler = new Reconciler(tradingBlocking, writer, gates, reports, accounts::find,
                new Reconciler.Timing(config.reconcileGrace(), config.reconcileQuiet(), java.time.Duration.ofSeconds(5),
                        config.sendDeadline().multipliedBy(2), java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(500)),
                config.exchangeZone(), clock, config.reconcileThreads());
        reconciler.start();

        RiskFollower risk = RiskFollower.start(database, redisUrl, config.riskPoll(), clock);
        blackbox.oms.algo.engine.LiveVolume volume = new blackbox.oms.algo.engine.LiveVolume();
        blackbox.oms.algo.engine.GatewayQuotes quotes = new blackbox.oms.algo.engine.GatewayQuotes(MarketDataGatewayGrpc.newStub(gatewayChannel));
        GatewayLastPrices prices = new GatewayLastPrices(MarketDataGatewayGrpc.newStub(gatewayChannel), volume, quotes::traded);
        prices.start();
        PositionSource positions = positions(config, positionsChannel);
        PreTrade preTrade = new PreTrade(risk.gate(), exposure, positions, prices, instruments, config.exchangeZone(), clock);

        ExecutorService drain = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "oms-stream-drain");
            t.setDaemon(true);
            return t;
        });
        AlgoEngine algos = new AlgoEngine(new ParentStore(jdbi), new OmsChildOrders(writer, sender, gates, preTrade, exposure, clock),
                Halts.of(risk.view()), volume, quotes, algoClock, clock, config.exchangeZone());
        writer.addListener(algos);
        quotes.onMoved(algos::marketMoved);
        prices.onPrints(algos::traded);
        quotes.start();
        algos.start();
        Parts parts = new Parts(writer, sender, gates, preTrade, exposure, accounts, instruments, balances(positions), orders, blocks,
                audit, hub, config.gateWait(), config.streamBuffer(), drain, config.exchangeZone(), clock, algos, algoClock, profiles);
        OrderManagementService service = new OrderManagementService(parts);
        Health health = new Health();
        health.report("gateway", Health.Status.down("connecting"));
        GrpcHealth grpcHealth = new GrpcHealth(health, OrderManagementGrpc.SERVICE_NAME);
        Server server = GrpcServers.withStandardServices(serverBuilder, telemetry, grpcHealth)
                .intercept(Callers.interceptor())
                .addService(service)
                .build()
                .start();
        OmsApp app = new OmsApp(server, service, writer, sender, gates, reports, reconciler, accountCheck, risk, prices, positions,
                preTrade, hub, single, drain, health, grpcHealth, algos, quotes);
        app.registerMetrics(telemetry.meter());
        log.info("oms-svc: {} accounts, {} open orders, {} accounts to reconcile; positions {}, risk broadcast {}", accounts.size(),
                writer.open().size(), inDoubt.size(), positionsChannel.isPresent() ? "from positions-svc"
                        : config.positionsTarget().orElse("unconfigured (orders denied)"), redisUrl.isPresent() ? "Redis" : "PostgreSQL polled");
        return app;
    }

    private static AccountRegistry loadAccounts(OmsConfig config, Database database) {
        List<ClientAccount> list;
        try {
            list = AccountsFile.read(config.accounts());
        } catch (AccountsFile.AccountsFileException e) {
            throw new ConfigException(OmsConfig.ACCOUNTS, e.getMessage());
        }
        AccountStore store = new AccountStore(database.jdbi());
        for (ClientAccount a : list) store.upsert(a);
        return AccountRegistry.of(list);
    }

    private static InstrumentMaster loadInstruments(OmsConfig config) {
        if (config.instruments().isEmpty()) return InstrumentMaster.defaults();
        try {
            return InstrumentMaster.read(config.instruments().get());
        } catch (AccountsFile.AccountsFileException e) {
            throw new ConfigException(OmsConfig.INSTRUMENTS, e.getMessage());
        }
    }

    private static PositionSource positions(OmsConfig config, Optional<ManagedChannel> channel) {
        if (channel.isPresent()) {
            StreamedPositions s = new StreamedPositions(PositionsGrpc.newStub(channel.get()));
            s.start();
            return s;
        }
        if (config.positionsTarget().filter("none"::equals).isPresent()) return PositionSource.FLAT;
        return PositionSource.unconfigured(OmsConfig.POSITIONS);
    }

    private static Balances balances(PositionSource positions) {
        return new Balances() {
            @Override
            public Optional<BigDecimal> equity(AccountId account) {
                return positions.equity(account);
            }

            @Override
            public Optional<BigDecimal> cash(AccountId account) {
                return positions.cash(account);
            }
        };
    }

    private void watchHealth() {
        while (!Thread.currentThread().isInterrupted()) {
            health.report("gateway", reports.connected() ? Health.Status.up("execution report stream open")
                    : Health.Status.down("execution report stream down"));
            health.report("risk", risk.view().snapshot().known() ? Health.Status.up("risk state known")
                    : Health.Status.down("risk state unknown: " + risk.view().snapshot().unknownBecause()));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void registerMetrics(Meter meter) {
        meter.counterBuilder("blackbox.oms.transactions").buildWithCallback(m -> m.record(writer.transactions()));
        meter.counterBuilder("blackbox.oms.events").buildWithCallback(m -> m.record(writer.eventsWritten()));
        meter.counterBuilder("blackbox.oms.alarms").setDescription("reports refused as contradicting what we know (overfills among them)")
                .buildWithCallback(m -> m.record(writer.alarms()));
        meter.counterBuilder("blackbox.oms.sends").buildWithCallback(m -> m.record(sender.sent()));
        meter.counterBuilder("blackbox.oms.sends.unknown").buildWithCallback(m -> m.record(sender.unknown()));
        meter.gaugeBuilder("blackbox.oms.sends.in_flight").ofLongs().buildWithCallback(m -> m.record(sender.inFlight()));
        meter.gaugeBuilder("blackbox.oms.writer.queued").ofLongs().buildWithCallback(m -> m.record(writer.queued()));
        meter.gaugeBuilder("blackbox.oms.accounts.reconciling").ofLongs().buildWithCallback(m -> m.record(gates.reconciling()));
        meter.counterBuilder("blackbox.oms.reports").buildWithCallback(m -> m.record(reports.received()));
        meter.counterBuilder("blackbox.oms.risk.denials").buildWithCallback(m -> m.record(preTrade.denials()));
        meter.counterBuilder("blackbox.oms.reconciliation.discrepancies").buildWithCallback(m -> m.record(reconciler.discrepancies()));
    }

    /** A one-line summary for the periodic log. */
    public String stats() {
        return String.format("open %d | transactions %d, events %d, queued %d | sends %d (in flight %d, unknown %d) | reports %d"
                        + " (stream %s, gaps %d) | reconciled %d, reconciling %d, discrepancies %d | risk checks %d, denied %d | alarms %d"
                        + " | event streams %d | algo parents %d, decisions %d, children %d",
                writer.open().size(), writer.transactions(), writer.eventsWritten(), writer.queued(), sender.sent(), sender.inFlight(),
                sender.unknown(), reports.received(), reports.connected() ? "open" : "down", reports.gaps(), reconciler.reconciled(),
                gates.reconciling(), reconciler.discrepancies(), preTrade.checks(), preTrade.denials(), writer.alarms(), hub.subscribers(),
                algos.working(), algos.decisions(), algos.childrenPlaced());
    }

    public int port() {
        return server.getPort();
    }

    public Health health() {
        return health;
    }

    public OrderWriter writer() {
        return writer;
    }

    public AccountGates gates() {
        return gates;
    }

    public GatewaySender sender() {
        return sender;
    }

    public ReportConsumer reports() {
        return reports;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public AccountCheck accountCheck() {
        return accountCheck;
    }

    public RiskFollower risk() {
        return risk;
    }

    public AlgoEngine algos() {
        return algos;
    }

    /** Stops serving, stops following the gateway, writes what is queued, stops. */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        healthWatch.interrupt();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS); // event streams never end by themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        service.close();
        algos.close();
        quotes.close();
        reconciler.close();
        reports.close();
        accountCheck.close();
        prices.close();
        positions.close();
        risk.close();
        writer.close();
        drain.shutdownNow();
        try {
            single.close();
        } catch (SQLException e) {
            log.warn("single-instance lock release failed: {}", e.toString());
        }
        log.info("oms-svc stopped");
    }
}
