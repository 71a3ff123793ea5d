package blackbox.risk;

import blackbox.oms.v1.OrderEventType;
import blackbox.platform.db.Database;
import blackbox.platform.health.GrpcHealth;
import blackbox.platform.health.Health;
import blackbox.platform.service.GrpcServers;
import blackbox.platform.telemetry.Telemetry;
import blackbox.risk.breakers.BreakerFeeds;
import blackbox.risk.breakers.RoutingFeed;
import blackbox.risk.core.Scope;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.events.RiskEventHub;
import blackbox.risk.grpc.Callers;
import blackbox.risk.grpc.RiskGrpcService;
import blackbox.risk.halt.HaltExecutor;
import blackbox.risk.oms.OmsOrderControl;
import blackbox.risk.oms.OrderEventFeed;
import blackbox.risk.positions.GrpcPositionsReader;
import blackbox.risk.positions.PositionsReader;
import blackbox.risk.redis.RedisRiskLink;
import blackbox.risk.service.RiskDesk;
import blackbox.risk.service.RiskGate;
import blackbox.risk.service.RiskView;
import blackbox.risk.signal.PanicSignalFile;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.RiskSchema;
import blackbox.risk.v1.RiskGrpc;
import io.grpc.Channel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running risk-svc: the risk state (PostgreSQL truth, Redis broadcast, this process's fail-closed view), the
 * writer ({@link RiskDesk}) with its halts carried out on oms-svc ({@link OmsOrderControl}), the circuit breakers fed
 * by oms-svc's order events, positions-svc's P&amp;L and the gateway's routing state, the panic signal file, the
 * timers, and the gRPC server ({@code blackbox.risk.v1.Risk} with the caller headers, health, reflection). Database,
 * Redis URL, client channels and server transport are parameters, so tests run it in-process.
 *
 * <p>Timers: {@link HaltExecutor#expireOverdue()} every 100 ms ({@link RedisRiskLink#maintain()} every second is the link's own), the
 * panic file every 250 ms, positions-svc's P&amp;L every {@code BLACKBOX_RISK_BREAKER_DRAWDOWN_INTERVAL} when the
 * drawdown breaker is on.
 */
public final class RiskApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RiskApp.class);
    /** Order events the halts and the breakers need (oms-svc filters the rest out). */
    static final List<OrderEventType> EVENT_TYPES = List.of(OrderEventType.ORDER_EVENT_TYPE_CANCELED,
            OrderEventType.ORDER_EVENT_TYPE_CANCEL_REJECTED, OrderEventType.ORDER_EVENT_TYPE_REJECTED,
            OrderEventType.ORDER_EVENT_TYPE_EXPIRED);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

    private final Server server;
    private final RiskView view;
    private final RiskDesk desk;
    private final RiskGate gate;
    private final RedisRiskLink link;
    private final HaltExecutor halts;
    private final OrderEventFeed orderEvents;
    private final OmsOrderControl control;
    private final RoutingFeed routing;
    private final BreakerFeeds breakers;
    private final RiskEventHub events;
    private final Health health;
    private final GrpcHealth grpcHealth;
    private final ScheduledExecutorService timers;
    private final ExecutorService haltThread;
    private final ExecutorService breakerThread;
    private final ExecutorService streams;
    private volatile boolean watchRouting;

    private RiskApp(Server server, RiskView view, RiskDesk desk, RiskGate gate, RedisRiskLink link, HaltExecutor halts,
                    OrderEventFeed orderEvents, OmsOrderControl control, RoutingFeed routing, BreakerFeeds breakers,
                    RiskEventHub events, Health health, GrpcHealth grpcHealth, ScheduledExecutorService timers,
                    ExecutorService haltThread, ExecutorService breakerThread, ExecutorService streams) {
        this.server = server;
        this.view = view;
        this.desk = desk;
        this.gate = gate;
        this.link = link;
        this.halts = halts;
        this.orderEvents = orderEvents;
        this.control = control;
        this.routing = routing;
        this.breakers = breakers;
        this.events = events;
        this.health = health;
        this.grpcHealth = grpcHealth;
        this.timers = timers;
        this.haltThread = haltThread;
        this.breakerThread = breakerThread;
        this.streams = streams;
    }

    /** UTC epoch nanoseconds from the wall clock: the service's one clock, given to the core. */
    public static long wallClockNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Migrates schema {@code risk}, connects to Redis (the view becomes known once subscribed and PostgreSQL read),
     * opens the feeds and starts serving.
     *
     * @param redisUrl {@code redis://host:port}
     * @throws IOException when the server cannot bind
     */
    public static RiskApp start(RiskConfig config, Database database, String redisUrl, Channel oms, Channel positions,
                                Channel gateway, ServerBuilder<?> serverBuilder, Telemetry telemetry) throws IOException {
        RiskSchema.migrate(database);
        LongSupplier clock = RiskApp::wallClockNanos;
        PgRiskStore store = new PgRiskStore(database.jdbi());
        RiskEventHub events = new RiskEventHub();
        events.subscribe(RiskApp::log);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("risk-timers"));
        ExecutorService haltThread = Executors.newSingleThreadExecutor(daemon("risk-halt"));
        ExecutorService breakerThread = Executors.newSingleThreadExecutor(daemon("risk-breakers"));
        ExecutorService streams = Executors.newFixedThreadPool(2, daemon("risk-streams"));

        RiskView view = new RiskView(store, clock, events);
        RedisRiskLink link = RedisRiskLink.connect(redisUrl, view, store, true);
        PositionsReader positionsReader = new GrpcPositionsReader(positions, CALL_DEADLINE);

        // the feed and the order control point at each other: the control settles cancels from the feed's events,
        // the flatten waits for positions-svc to reach the feed's sequence
        OmsOrderControl[] control = new OmsOrderControl[1];
        BreakerFeeds[] breakers = new BreakerFeeds[1];
        OrderEventFeed orderEvents = new OrderEventFeed(oms, EVENT_TYPES, (event, replayed) -> {
            control[0].onEvent(event);
            breakers[0].onOrderEvent(event, replayed);
        }, timers, RETRY);
        control[0] = new OmsOrderControl(oms, positionsReader, orderEvents::lastSequence, CALL_DEADLINE,
                config.flattenSyncTimeout(), clock, haltThread);
        HaltExecutor halts = new HaltExecutor(control[0], clock, config.cancelTimeout(), events);
        RiskDesk desk = new RiskDesk(store, view, link, halts, clock, events, config.viewAckTimeout());
        breakers[0] = new BreakerFeeds(config.breakers(), config.rejectsOn(), config.drawdownOn(), config.routingOn(),
                desk::trip, breakerThread);
        RoutingFeed routing = new RoutingFeed(gateway, breakers[0], timers, RETRY);
        RiskGate gate = new RiskGate(view);

        Health health = new Health();
        GrpcHealth grpcHealth = new GrpcHealth(health, RiskGrpc.SERVICE_NAME);
        Server server = GrpcServers.withStandardServices(serverBuilder, telemetry, grpcHealth)
                .addService(ServerInterceptors.intercept(new RiskGrpcService(gate, desk, view, store, events, clock,
                        config.exchangeZone(), streams), Callers.interceptor()))
                .build()
                .start();
        RiskApp app = new RiskApp(server, view, desk, gate, link, halts, orderEvents, control[0], routing, breakers[0],
                events, health, grpcHealth, timers, haltThread, breakerThread, streams);
        orderEvents.start();
        if (config.routingOn()) routing.start();
        app.startTimers(config, positionsReader, clock);
        return app;
    }

    private void startTimers(RiskConfig config, PositionsReader positions, LongSupplier clock) {
        watchRouting = config.routingOn();
        timers.scheduleWithFixedDelay(guard("halt timeouts", halts::expireOverdue), 100, 100, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(guard("health", this::reportHealth), 0, 500, TimeUnit.MILLISECONDS);
        config.panicFile().ifPresent(path -> {
            new PanicSignalFile(path, config.panicFlatten(), desk::panic).start(timers);
            LOG.info("panic signal file: {} (flatten: {})", path, config.panicFlatten());
        });
        if (breakers.drawdownOn()) {
            long every = config.drawdownInterval().toMillis();
            timers.scheduleWithFixedDelay(guard("drawdown", () -> {
                try {
                    breakers.onPositions(positions.positions(Scope.DESK), clock.getAsLong());
                } catch (PositionsReader.PositionsUnavailableException e) {
                    health.report("positions", Health.Status.down(e.getMessage()));
                    return;
                }
                health.report("positions", Health.Status.up("P&L read for the drawdown breaker"));
            }), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void reportHealth() {
        var snapshot = view.snapshot();
        health.report("risk-state", snapshot.known() ? Health.Status.up("following PostgreSQL at change "
                + snapshot.switches().version()) : Health.Status.down(snapshot.unknownBecause()));
        health.report("oms", orderEvents.live() ? Health.Status.up(orderEvents.state()) : Health.Status.down(orderEvents.state()));
        if (watchRouting) {
            health.report("gateway", routing.isOpen() ? Health.Status.up(routing.state()) : Health.Status.down(routing.state()));
        }
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
        };
    }

    private static void log(RiskEvent e) {
        switch (e) {
            case RiskEvent.SwitchChanged s -> LOG.warn("{} is {} ({}) by {}: {}", s.change().scope().label(), s.change().state(),
                    s.change().mode(), s.change().who(), s.change().why());
            case RiskEvent.HaltCompleted h -> LOG.info("halt of {} done: {} cancels sent, {} confirmed, {} refused, {} unconfirmed, "
                            + "{} not sent, {} flatten orders", h.report().scope().label(), h.report().cancelsSent().size(),
                    h.report().confirmed().size(), h.report().rejected().size(), h.report().unconfirmed().size(),
                    h.report().failed().size(), h.report().flattenOrders().size());
            case RiskEvent.CancelsUnconfirmed u -> LOG.warn("halt of {}: {} cancels unconfirmed after the timeout",
                    u.haltedScope().label(), u.orders().size());
            case RiskEvent.HaltFailed f -> LOG.error("halt of {}: {}", f.scope().label(), f.reason());
            case RiskEvent.ViewsLagging v -> LOG.warn("switch change {} not yet applied by {}", v.version(), v.views());
            case RiskEvent.StateKnown k -> LOG.info("risk state {}: {}", k.known() ? "known" : "UNKNOWN", k.reason());
            case RiskEvent.NotPersisted n -> LOG.error("{}: {}", n.scope().label(), n.what());
            default -> { }
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return server.getPort();
    }

    public Health health() {
        return health;
    }

    public RiskView view() {
        return view;
    }

    public RiskDesk desk() {
        return desk;
    }

    /** The in-process pre-trade gate over this process's view. */
    public RiskGate gate() {
        return gate;
    }

    public RiskEventHub events() {
        return events;
    }

    public RedisRiskLink link() {
        return link;
    }

    public OrderEventFeed orderEvents() {
        return orderEvents;
    }

    public BreakerFeeds breakers() {
        return breakers;
    }

    /** A one-line summary for the periodic log. */
    public String stats() {
        var s = view.snapshot();
        return String.format("state %s at change %d | switches not ACTIVE %d | halts in progress %d | cancels pending %d | "
                        + "order events after %d (%s) | breaker trips %d", s.known() ? "known" : "UNKNOWN",
                s.switches().version(), s.switches().restricted().size(), halts.inProgress(), control.pendingCancels(),
                orderEvents.lastSequence(), orderEvents.live() ? "live" : "not live", breakers.trips());
    }

    /** Stops serving, the feeds and the timers, then the Redis link. */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        orderEvents.close();
        routing.close();
        timers.shutdownNow();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS); // event streams never end by themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        breakerThread.shutdownNow();
        haltThread.shutdownNow();
        streams.shutdownNow();
        link.close();
        LOG.info("risk-svc stopped");
    }
}
