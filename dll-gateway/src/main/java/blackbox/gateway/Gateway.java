package blackbox.gateway;

import blackbox.gateway.engine.GatewayEngine;
import blackbox.gateway.engine.OrderRouter;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.engine.TradingEngine;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.grpc.ExecutionReportLog;
import blackbox.gateway.grpc.MarketDataGatewayService;
import blackbox.gateway.grpc.TradingGatewayService;
import blackbox.gateway.journal.JournalFold;
import blackbox.gateway.journal.OrderJournal;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.RoutingOptions;
import blackbox.gateway.session.RoutingPasswords;
import blackbox.gateway.session.SessionOptions;
import blackbox.gateway.session.WallClock;
import blackbox.gateway.trading.IdempotencyBook;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.health.GrpcHealth;
import blackbox.platform.health.Health;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.opentelemetry.GrpcOpenTelemetry;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dll-gateway: the DLL session engine, the trading engine and its order journal, the gRPC server (market
 * data, trading, health checking, reflection) and its telemetry. The transport is a parameter, so tests run it
 * in-process.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final String HEALTH_COMPONENT = "profitdll-session";

    private final GatewayEngine engine;
    private final MarketDataGatewayService service;
    private final Trading trading;
    private final Server server;
    private final GrpcHealth grpcHealth;
    private final ExecutorService drainExecutor;
    private final Path library;

    /** The trading side's parts, for metrics, tests and the benchmark. */
    public record Trading(String sessionId, TradingEngine engine, OrderRouter router, OrderJournal journal,
                          ExecutionReportLog reports, TradingGatewayService service, RoutingPasswords passwords) {
    }

    private Gateway(GatewayEngine engine, MarketDataGatewayService service, Trading trading, Server server, GrpcHealth grpcHealth,
                    ExecutorService drainExecutor, Path library) {
        this.engine = engine;
        this.service = service;
        this.trading = trading;
        this.server = server;
        this.grpcHealth = grpcHealth;
        this.drainExecutor = drainExecutor;
        this.library = library;
    }

    /**
     * Loads the library, starts the engine (the DLL login happens on its control thread) and the server.
     *
     * @param serverBuilder the transport (Netty on a port, or in-process in tests)
     * @throws IOException when the server cannot bind or the order journal cannot be opened
     */
    public static Gateway start(GatewayConfig config, ServerBuilder<?> serverBuilder, Telemetry telemetry) throws IOException {
        Path library = config.library() != null ? config.library() : simulatorLibrary();
        ProfitDLL dll = ProfitDLL.load(library);
        SessionOptions session = withReplay(config);
        WallClock wallClock = new WallClock();
        RoutingPasswords passwords = passwords(config, session);
        RoutingOptions routing = new RoutingOptions(passwords, config.trading().serializeRouting());
        GatewayEngine engine = new GatewayEngine(ring -> ProfitSession.start(dll, session, ring, wallClock, routing), config.engine(), wallClock,
                InstantSource.system());
        ExecutorService drain = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "grpc-stream-drain");
            t.setDaemon(true);
            return t;
        });
        var service = new MarketDataGatewayService(engine, config.streamBuffer(), 1024, drain, knownInstruments(config, session));
        Trading trading = startTrading(config, engine, passwords, wallClock, drain);
        Health health = new Health();
        health.report(HEALTH_COMPONENT, Health.Status.down("starting"));
        GrpcHealth grpcHealth = new GrpcHealth(health, MarketDataGatewayGrpc.SERVICE_NAME, TradingGrpc.SERVICE_NAME);
        engine.addStatusListener(status -> health.report(HEALTH_COMPONENT, status.state() == SessionStatus.State.CONNECTED
                ? Health.Status.up(status.detail()) : Health.Status.down(status.state() + ": " + status.detail())));
        registerMetrics(telemetry.meter(), engine, service, trading);
        subscribeAtStart(engine, config.subscribeAtStart());

        // gRPC server metrics, and a span per call continuing the caller's trace; exported only when OTLP is on.
        GrpcOpenTelemetry.newBuilder().sdk(telemetry.openTelemetry()).build().configureServerBuilder(serverBuilder);
        serverBuilder.intercept(telemetry.grpcServerTracing());
        Server server = serverBuilder
                .addService(service)
                .addService(trading.service())
                .addService(grpcHealth.service())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
        engine.start();
        server.start();
        return new Gateway(engine, service, trading, server, grpcHealth, drain, library);
    }

    /**
     * The routing passwords: the passwords file when configured (it wins), else the simulator roster's (the demo
     * roster's when none is named), else none (every account not routable).
     */
    private static RoutingPasswords passwords(GatewayConfig config, SessionOptions session) {
        if (config.trading().passwords() != null) return config.trading().passwords();
        String roster = session.simulatorOptions().get("routing.roster");
        if (roster == null || session.marketOnly()) return RoutingPasswords.none();
        try {
            return RoutingPasswords.fromSimulatorRoster(Path.of(roster));
        } catch (RoutingPasswords.PasswordFileException e) {
            throw new IllegalStateException("routing.roster: " + e.getMessage());
        }
    }

    /** The journal (today's keys read back), the report log, the trading engine and its gRPC service. */
    private static Trading startTrading(GatewayConfig config, GatewayEngine engine, RoutingPasswords passwords, WallClock wallClock,
                                        ExecutorService drain) throws IOException {
        TradingConfig t = config.trading();
        var zone = config.session().exchangeZone();
        Clock clock = Clock.system(zone);
        OrderJournal journal = OrderJournal.open(t.journalDir(), LocalDate.now(clock));
        IdempotencyBook book = new IdempotencyBook();
        book.load(JournalFold.fold(journal.recovered()));
        String sessionId = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + "-"
                + HexFormat.of().toHexDigits((int) (System.nanoTime() ^ ProcessHandle.current().pid()));
        ExecutionReportLog reports = new ExecutionReportLog(sessionId, t.reportBuffer());
        TradingEngine tradingEngine = new TradingEngine(engine, book, journal, reports, wallClock, zone, t.historyTimeout(), clock);
        OrderRouter router = new OrderRouter(engine, tradingEngine, book, journal, passwords, wallClock, clock, zone, sessionId,
                t.historyTimeout());
        if (!journal.recovered().isEmpty()) {
            log.info("order journal {}: {} keys of today recovered in {} accounts, {} in doubt until the DLL's history is read", t.journalDir(),
                    book.size(), book.accounts().size(), book.accountsInDoubt().stream().mapToInt(a -> book.inDoubt(a).size()).sum());
        }
        return new Trading(sessionId, tradingEngine, router, journal, reports, new TradingGatewayService(router, reports, drain), passwords);
    }

    private static Path simulatorLibrary() {
        String fromBuild = System.getProperty("profitdll.library");
        return fromBuild != null ? Path.of(fromBuild) : BundledResources.extract(BundledResources.SIMULATOR);
    }

    private static SessionOptions withReplay(GatewayConfig config) {
        if (!config.simulator()) return config.session();
        List<Path> files = config.usesSampleReplay() ? List.of(BundledResources.extract(BundledResources.SAMPLE_REPLAY)) : config.replayFiles();
        Map<String, String> options = new LinkedHashMap<>();
        options.put("replay.files", files.stream().map(Path::toString).collect(Collectors.joining(":")));
        options.putAll(config.session().simulatorOptions());
        if (!config.session().marketOnly() && !options.containsKey("routing.roster")) {
            options.put("routing.roster", BundledResources.extract(BundledResources.DEMO_ROSTER).toString());
        }
        SessionOptions s = config.session();
        return new SessionOptions(s.marketOnly(), s.activationKey(), s.user(), s.password(), s.exchangeZone(), options);
    }

    /**
     * The instruments the gateway knows: with the simulator, those of the replay files it loads (read once, on a
     * virtual thread started now); with the real DLL none (its asset list callbacks, profitdll-api.md §7.2, are not
     * bound yet).
     */
    private static java.util.function.Supplier<List<InstrumentId>> knownInstruments(GatewayConfig config, SessionOptions session) {
        if (!config.simulator()) return List::of;
        List<Path> files = java.util.Arrays.stream(session.simulatorOptions().getOrDefault("replay.files", "").split(":"))
                .filter(f -> !f.isBlank()).map(Path::of).toList();
        java.util.concurrent.FutureTask<List<InstrumentId>> scan = new java.util.concurrent.FutureTask<>(() -> {
            List<InstrumentId> found = new java.util.ArrayList<>();
            for (var i : blackbox.gateway.replay.ReplayInstruments.of(files)) {
                try {
                    found.add(new InstrumentId(i.ticker(), i.exchange()));
                } catch (IllegalArgumentException malformed) {
                    // the simulator refuses the file at load; nothing to list
                }
            }
            log.info("{} instruments known from {} replay file(s)", found.size(), files.size());
            return found;
        });
        Thread.ofVirtual().name("known-instruments").start(scan);
        return () -> {
            try {
                return scan.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("the replay files' instruments could not be read: {}", e.getCause().toString());
                return List.of();
            }
        };
    }

    /** Subscriptions made as soon as the DLL connects (the engine keeps them pending until then). */
    private static void subscribeAtStart(GatewayEngine engine, List<InstrumentId> instruments) {
        for (InstrumentId instrument : instruments) {
            try {
                engine.subscribe(instrument);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void registerMetrics(Meter meter, GatewayEngine engine, MarketDataGatewayService service, Trading trading) {
        meter.counterBuilder("blackbox.gateway.execution_reports").setDescription("execution reports derived from the DLL's order events")
                .buildWithCallback(m -> m.record(trading.engine().reportsOut()));
        meter.counterBuilder("blackbox.gateway.order_journal.fsyncs").setDescription("fsyncs of the order journal (group commits)")
                .buildWithCallback(m -> m.record(trading.journal().forces()));
        meter.counterBuilder("blackbox.gateway.report.invariant_violations")
                .setDescription("reports whose LeavesQty/CumQty/OrderQty broke FIX's rule (said in their text)")
                .buildWithCallback(m -> m.record(trading.engine().counters().invariantViolations()));
        meter.counterBuilder("blackbox.gateway.order_events.reread")
                .setDescription("re-reads of orders whose callbacks did not fit the hand-off ring")
                .buildWithCallback(m -> m.record(trading.engine().lostReread()));
        meter.gaugeBuilder("blackbox.gateway.report_streams").ofLongs().setDescription("open execution-report streams")
                .buildWithCallback(m -> m.record(trading.service().openReportStreams()));
        meter.counterBuilder("blackbox.gateway.trades").setDescription("real-time trades taken from the DLL")
                .buildWithCallback(m -> m.record(service.tradesIn()));
        meter.counterBuilder("blackbox.gateway.callback.overflows")
                .setDescription("DLL callback events dropped because the hand-off ring was full")
                .buildWithCallback(m -> m.record(engine.overflows()));
        meter.gaugeBuilder("blackbox.gateway.ring.backlog").ofLongs().setDescription("events waiting in the hand-off ring")
                .buildWithCallback(m -> m.record(engine.backlog()));
        meter.gaugeBuilder("blackbox.gateway.streams").ofLongs().setDescription("open trade streams")
                .buildWithCallback(m -> m.record(service.openTradeStreams()));
        meter.counterBuilder("blackbox.gateway.slow_clients").setDescription("trade streams ended because the client was too slow")
                .buildWithCallback(m -> m.record(service.slowClientsDropped()));
        meter.counterBuilder("blackbox.gateway.session.restarts").setDescription("DLL sessions finalized and started again")
                .buildWithCallback(m -> m.record(engine.restarts(), Attributes.empty()));
    }

    public GatewayEngine engine() {
        return engine;
    }

    public MarketDataGatewayService service() {
        return service;
    }

    public Trading trading() {
        return trading;
    }

    /** The port the server listens on (-1 in-process). */
    public int port() {
        return server.getPort();
    }

    public Path library() {
        return library;
    }

    /** Stops serving, then finalizes the DLL session. */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        try {
            // trade and state streams never end by themselves: a second for unary calls, then cancel the rest
            if (!server.awaitTermination(1, TimeUnit.SECONDS)) server.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        trading.router().close();
        trading.engine().close();
        engine.close();
        trading.journal().close();
        drainExecutor.shutdownNow();
        log.info("gateway stopped");
    }
}
