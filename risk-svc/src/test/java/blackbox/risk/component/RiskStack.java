package blackbox.risk.component;

import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.halt.FakeClock;
import blackbox.risk.halt.HaltExecutor;
import blackbox.risk.halt.OrderControl;
import blackbox.risk.redis.RedisRiskLink;
import blackbox.risk.service.RiskDesk;
import blackbox.risk.service.RiskGate;
import blackbox.risk.service.RiskView;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.RiskSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Real embedded PostgreSQL and Redis, and risk-svc's writer plus a second, reader view (as an oms-svc instance). */
final class RiskStack implements AutoCloseable {
    final EmbeddedPostgresServer pg;
    final Database db;
    final Path redisDir;
    EmbeddedRedisServer redis;
    final PgRiskStore store;
    final FakeClock clock = new FakeClock(1_780_000_000_000_000_000L);
    final List<RiskEvent> events = new CopyOnWriteArrayList<>();
    final blackbox.risk.events.RiskEventHub hub = new blackbox.risk.events.RiskEventHub();
    final RiskView writerView;
    final RiskView readerView;
    final RedisRiskLink writerLink;
    final RedisRiskLink readerLink;
    final RiskDesk desk;
    final RiskGate writerGate;
    final RiskGate readerGate;
    final HaltExecutor halts;

    RiskStack(OrderControl control) throws Exception {
        hub.subscribe(events::add);
        pg = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(pg.jdbcUrl(), "postgres", "", 4));
        RiskSchema.migrate(db);
        redisDir = Files.createTempDirectory("risk-redis");
        redis = EmbeddedRedisServer.start(redisDir, 0, 64);
        store = new PgRiskStore(db.jdbi());
        writerView = new RiskView(store, clock, hub);
        readerView = new RiskView(store, clock, e -> { });
        writerLink = RedisRiskLink.connect(redis.url(), writerView, store, true);
        readerLink = RedisRiskLink.connect(redis.url(), readerView, store, false);
        halts = new HaltExecutor(control, clock, Duration.ofSeconds(5), hub);
        desk = new RiskDesk(store, writerView, writerLink, halts, clock, hub);
        writerGate = new RiskGate(writerView);
        readerGate = new RiskGate(readerView);
        await("both views synced", () -> writerView.snapshot().known() && readerView.snapshot().known());
    }

    void restartRedis() throws Exception {
        int port = redis.port();
        redis.close();
        redis = EmbeddedRedisServer.start(redisDir, port, 64);
    }

    /** Polls (with the links' upkeep, as the service's scheduler does) until {@code condition} or 30 s. */
    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!holds(condition)) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            for (RedisRiskLink l : List.of(writerLink, readerLink)) {
                try {
                    l.maintain();
                } catch (Exception ignored) {
                    // Redis or PostgreSQL away: try again
                }
            }
            Thread.sleep(50);
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // e.g. a Redis command on a connection Redisson has not replaced yet
        }
    }

    @Override
    public void close() throws Exception {
        readerLink.close();
        writerLink.close();
        redis.close();
        db.close();
        pg.close();
    }
}
