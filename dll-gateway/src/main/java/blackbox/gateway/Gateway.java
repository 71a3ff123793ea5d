package blackbox.gateway;

import blackbox.gateway.engine.GatewayEngine;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.grpc.MarketDataGatewayService;
import blackbox.gateway.session.InstrumentId;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.SessionOptions;
import blackbox.gateway.session.WallClock;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
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
 * A running dll-gateway: the DLL session engine, the gRPC server (market data, health checking,
 * reflection) and its telemetry. The transport is a parameter, so tests run it in-process.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final String HEALTH_COMPONENT = "profitdll-session";

    private final GatewayEngine engine;
    private final MarketDataGatewayService service;
    private final Server server;
    private final GrpcHealth grpcHealth;
    private final ExecutorService drainExecutor;
    private final Path library;

    private Gateway(GatewayEngine engine, MarketDataGatewayService service, Server server, GrpcHealth grpcHealth,
                    ExecutorService drainExecutor, Path library) {
        this.engine = engine;
        this.service = service;
        this.server = server;
        this.grpcHealth = grpcHealth;
        this.drainExecutor = drainExecutor;
        this.library = library;
    }

    /**
     * Loads the library, starts the engine (the DLL login happens on its control thread) and the server.
     *
     * @param serverBuilder the transport (Netty on a port, or in-process in tests)
     * @throws IOException when the server cannot bind
     */
    public static Gateway start(GatewayConfig config, ServerBuilder<?> serverBuilder, Telemetry telemetry) throws IOException {
        Path library = config.library() != null ? config.library() : simulatorLibrary();
        ProfitDLL dll = ProfitDLL.load(library);
        SessionOptions session = withReplay(config);
        WallClock wallClock = new WallClock();
        GatewayEngine engine = new GatewayEngine(ring -> ProfitSession.start(dll, session, ring, wallClock), config.engine(), wallClock);
        ExecutorService drain = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "grpc-stream-drain");
            t.setDaemon(true);
            return t;
        });
        var service = new MarketDataGatewayService(engine, config.streamBuffer(), 1024, drain);
        Health health = new Health();
        health.report(HEALTH_COMPONENT, Health.Status.down("starting"));
        GrpcHealth grpcHealth = new GrpcHealth(health, MarketDataGatewayGrpc.SERVICE_NAME);
        engine.addStatusListener(status -> health.report(HEALTH_COMPONENT, status.state() == SessionStatus.State.CONNECTED
                ? Health.Status.up(status.detail()) : Health.Status.down(status.state() + ": " + status.detail())));
        registerMetrics(telemetry.meter(), engine, service);
        subscribeAtStart(engine, config.subscribeAtStart());

        // gRPC server metrics, and a span per call continuing the caller's trace; exported only when OTLP is on.
        GrpcOpenTelemetry.newBuilder().sdk(telemetry.openTelemetry()).build().configureServerBuilder(serverBuilder);
        serverBuilder.intercept(telemetry.grpcServerTracing());
        Server server = serverBuilder
                .addService(service)
                .addService(grpcHealth.service())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build();
        engine.start();
        server.start();
        return new Gateway(engine, service, server, grpcHealth, drain, library);
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
        SessionOptions s = config.session();
        return new SessionOptions(s.marketOnly(), s.activationKey(), s.user(), s.password(), s.exchangeZone(), options);
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

    private static void registerMetrics(Meter meter, GatewayEngine engine, MarketDataGatewayService service) {
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
        engine.close();
        drainExecutor.shutdownNow();
        log.info("gateway stopped");
    }
}
