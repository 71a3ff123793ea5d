package blackbox.positions.service;

import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.positions.core.Books;
import blackbox.positions.redis.RedisPositions;
import blackbox.positions.store.PositionsSchema;
import blackbox.positions.store.PositionsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** A real PostgreSQL and Redis for component tests (embedded servers), and engines on them. */
public final class Stack implements AutoCloseable {
    public final EmbeddedPostgresServer postgres;
    public final Database db;
    public final EmbeddedRedisServer redisServer;
    public final RedissonClient redisson;
    public final PositionsStore store;

    public Stack() throws Exception {
        postgres = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(postgres.jdbcUrl(), "postgres", "", 4));
        PositionsSchema.migrate(db);
        Path dir = Files.createTempDirectory("positions-redis");
        redisServer = EmbeddedRedisServer.start(dir, 0, 256);
        Config config = new Config();
        config.useSingleServer().setAddress(redisServer.url()).setConnectionMinimumIdleSize(2).setConnectionPoolSize(4);
        redisson = Redisson.create(config);
        store = new PositionsStore(db.dataSource());
    }

    public RedisPositions redis() {
        return new RedisPositions(redisson, "positions");
    }

    /** A new engine (a service start) on the same servers, started (rebuilt from PostgreSQL). */
    public PositionsEngine engine() {
        PositionsEngine engine = new PositionsEngine(store, redis(), Books::book);
        engine.start();
        return engine;
    }

    public void truncate() {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE positions.fills, positions.opening_positions, positions.opening_cash, "
                + "positions.settlement_prices, positions.reconciliation_differences, positions.reconciliations, "
                + "positions.imports RESTART IDENTITY CASCADE"));
        redisson.getKeys().flushall();
    }

    @Override
    public void close() throws Exception {
        redisson.shutdown();
        redisServer.close();
        db.close();
        postgres.close();
    }
}
