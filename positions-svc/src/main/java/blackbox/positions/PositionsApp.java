package blackbox.positions;

import blackbox.platform.config.ConfigException;
import blackbox.platform.db.Database;
import blackbox.platform.health.GrpcHealth;
import blackbox.platform.health.Health;
import blackbox.platform.service.GrpcServers;
import blackbox.platform.telemetry.Telemetry;
import blackbox.platform.domain.B3Calendar;
import blackbox.positions.config.AccountGroupsFile;
import blackbox.positions.config.AccountsFile;
import blackbox.positions.config.ConfigFileException;
import blackbox.positions.config.FeeTableFile;
import blackbox.positions.config.InstrumentMasterFile;
import blackbox.positions.core.AccountGroups;
import blackbox.positions.core.FeeTable;
import blackbox.positions.core.InstrumentMaster;
import blackbox.positions.core.PositionBook;
import blackbox.positions.feed.FillFeed;
import blackbox.positions.feed.MarkFeed;
import blackbox.positions.gateway.GatewayAccounts;
import blackbox.positions.gateway.GatewayPositionsClient;
import blackbox.positions.grpc.PositionsService;
import blackbox.positions.redis.RedisPositions;
import blackbox.positions.service.PositionsEngine;
import blackbox.positions.store.PositionsSchema;
import blackbox.positions.store.PositionsStore;
import blackbox.positions.v1.PositionsGrpc;
import io.grpc.Channel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running positions-svc: the engine (PostgreSQL schema {@code positions}, the book, Redis), rebuilt from the store
 * at start; the fill feed from oms-svc's {@code StreamOrderEvents}; the marks from marketdata-svc's trades; the
 * gateway's positions for Reconcile; the gRPC server ({@code blackbox.positions.v1.Positions}, health, reflection).
 * Database, Redis URL, client channels and server transport are parameters, so tests run it in-process.
 *
 * <p>Timers: Redis checked (and rewritten from the book when flushed or restarted) every
 * {@code BLACKBOX_POSITIONS_RESYNC_INTERVAL}; marks flushed every {@code BLACKBOX_POSITIONS_MARK_INTERVAL}; health
 * every 500 ms.
 */
public final class PositionsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PositionsApp.class);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

    private final Server server;
    private final PositionsEngine engine;
    private final FillFeed fills;
    private final Optional<MarkFeed> marks;
    private final RedissonClient redisson;
    private final Health health;
    private final GrpcHealth grpcHealth;
    private final ScheduledExecutorService timers;
    private final ExecutorService streams;

    private PositionsApp(Server server, PositionsEngine engine, FillFeed fills, Optional<MarkFeed> marks,
                         RedissonClient redisson, Health health, GrpcHealth grpcHealth, ScheduledExecutorService timers,
                         ExecutorService streams) {
        this.server = server;
        this.engine = engine;
        this.fills = fills;
        this.marks = marks;
        this.redisson = redisson;
        this.health = health;
        this.grpcHealth = grpcHealth;
        this.timers = timers;
        this.streams = streams;
    }

    /**
     * Migrates schema {@code positions}, rebuilds the book from it, rewrites Redis, opens the feeds and serves.
     *
     * @param redisUrl {@code redis://host:port}
     * @param marketData marketdata-svc, or null for no marks
     * @throws ConfigException when a configured file cannot be read or has a bad line (naming file, line and value)
     * @throws IOException when the server cannot bind
     */
    public static PositionsApp start(PositionsConfig config, Database database, String redisUrl, Channel oms,
                                     Channel marketData, Channel gateway, ServerBuilder<?> serverBuilder,
                                     Telemetry telemetry) throws IOException {
        InstrumentMaster master = load(PositionsConfig.INSTRUMENTS, config.instrumentsFile(),
                InstrumentMasterFile::defaults, InstrumentMasterFile::parse);
        FeeTable fees = load(PositionsConfig.FEES, config.feesFile(), FeeTableFile::defaults, FeeTableFile::parse);
        AccountsFile.Accounts accounts = load(PositionsConfig.ACCOUNTS, config.accountsFile(),
                () -> new AccountsFile.Accounts(java.util.Map.of(), java.util.Map.of()), AccountsFile::parse);
        AccountGroups groups = load(PositionsConfig.GROUPS, config.groupsFile(), () -> new AccountGroups(accounts.groups()),
                AccountGroupsFile::parse);
        PositionsSchema.migrate(database);

        org.redisson.config.Config rc = new org.redisson.config.Config();
        rc.setCodec(StringCodec.INSTANCE);
        rc.useSingleServer().setAddress(redisUrl).setConnectionMinimumIdleSize(2).setConnectionPoolSize(8)
                .setConnectTimeout(2_000).setTimeout(3_000).setRetryAttempts(1);
        RedissonClient redisson = Redisson.create(rc);
        PositionsStore store = new PositionsStore(database.dataSource());
        PositionsEngine engine = new PositionsEngine(store, new RedisPositions(redisson, "positions"),
                () -> new PositionBook(master, fees, B3Calendar.instance(), groups));
        engine.start();
        engine.resumeFeed(FillFeed.SOURCE);

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("positions-timers"));
        ExecutorService streams = Executors.newFixedThreadPool(2, daemon("positions-streams"));
        Health health = new Health();
        GrpcHealth grpcHealth = new GrpcHealth(health, PositionsGrpc.SERVICE_NAME);
        GatewayPositionsClient gatewayPositions = new GatewayPositionsClient(gateway, new GatewayAccounts(gateway, accounts.dll(), CALL_DEADLINE),
                CALL_DEADLINE);
        Server server = GrpcServers.withStandardServices(serverBuilder, telemetry, grpcHealth)
                .addService(new PositionsService(engine, gatewayPositions, streams))
                .build()
                .start();
        FillFeed fills = new FillFeed(oms, engine, config.batch(), config.queue(), RETRY, timers);
        Optional<MarkFeed> marks = Optional.ofNullable(marketData)
                .map(md -> new MarkFeed(md, engine, timers, config.markInterval(), RETRY));
        PositionsApp app = new PositionsApp(server, engine, fills, marks, redisson, health, grpcHealth, timers, streams);
        fills.start();
        marks.ifPresent(MarkFeed::start);
        long resync = config.resyncInterval().toMillis();
        timers.scheduleWithFixedDelay(app.guard("Redis upkeep", engine::resyncRedis), resync, resync, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(app.guard("health", app::reportHealth), 0, 500, TimeUnit.MILLISECONDS);
        return app;
    }

    private static <T> T load(String key, Optional<Path> file, java.util.function.Supplier<T> defaults,
                              java.util.function.BiFunction<String, String, T> parse) {
        if (file.isEmpty()) return defaults.get();
        Path p = file.get();
        try {
            return parse.apply(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read file: value \"" + p + "\": " + e.getMessage());
        } catch (ConfigFileException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    private volatile long lastRedisFailures;

    private void reportHealth() {
        health.report("oms", fills.live() ? Health.Status.up(fills.state()) : Health.Status.down(fills.state()));
        health.report("redis", engine.redisFailures() == lastRedisFailures ? Health.Status.up("writes succeed")
                : Health.Status.down(engine.redisFailures() + " Redis writes failed so far; the state is rewritten when it is back"));
        lastRedisFailures = engine.redisFailures();
        marks.ifPresent(m -> health.report("marketdata", m.isOpen() ? Health.Status.up("marks from marketdata-svc's trades")
                : Health.Status.down("marketdata-svc trade stream not open")));
    }

    private Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
        };
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

    public PositionsEngine engine() {
        return engine;
    }

    public FillFeed fills() {
        return fills;
    }

    public Optional<MarkFeed> marks() {
        return marks;
    }

    /** A one-line summary for the periodic log. */
    public String stats() {
        return String.format("oms events through %d (%s), backlog %d | fills applied %d, duplicates %d, refused %s | "
                        + "batches %d | stored seq %d | marks trades %d | Redis failures %d", engine.feedSequence(),
                fills.live() ? "live" : "not live", fills.backlog(), fills.applied(), fills.duplicates(), fills.refused(),
                fills.batches(), engine.seq(), marks.map(MarkFeed::trades).orElse(0L), engine.redisFailures());
    }

    /** Stops serving and the feeds (what was received and not stored is read again at the next start). */
    @Override
    public void close() {
        grpcHealth.enterTerminalState();
        server.shutdown();
        fills.close();
        marks.ifPresent(MarkFeed::close);
        timers.shutdownNow();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        streams.shutdownNow();
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
        LOG.info("positions-svc stopped");
    }
}
