package blackbox.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's PostgreSQL: a HikariCP pool and a {@link Jdbi} on it, plus the embedded server when no URL is
 * configured.
 *
 * <p>The pool is set to notice a dead server fast and to recover when it returns: a connection waits at most
 * {@link #CONNECTION_TIMEOUT} (then {@link SQLTransientConnectionException}), the driver gives up connecting
 * after 3 s, idle connections are validated before use and kept alive, and connections that failed with a
 * connection error are evicted by HikariCP, so the next call after the server is back gets a new one.
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * How long a caller waits for a connection before the database counts as unavailable: a little more than
     * HikariCP's longest back-off between attempts to connect (5 s), so that a call made once the server is
     * back always gets a connection.
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(6);

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private final EmbeddedPostgresServer embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgresServer embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects to the configured server, starting the embedded one (in {@code dataDir/postgres}) when no URL
     * is set.
     *
     * @throws UncheckedIOException when the embedded server does not start
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the server cannot be reached
     */
    public static Database connect(DatabaseConfig config) {
        EmbeddedPostgresServer server = null;
        String url;
        if (config.url().isPresent()) {
            url = config.url().get();
        } else {
            try {
                server = EmbeddedPostgresServer.start(config.dataDir(), config.embeddedPort());
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start in " + config.dataDir(), e);
            }
            url = server.jdbcUrl();
        }
        try {
            HikariDataSource pool = new HikariDataSource(poolConfig(url, config.user(), config.password(), config.poolSize()));
            LOG.info("connected to {} as {} (pool {})", url, config.user(), config.poolSize());
            return new Database(server, pool);
        } catch (RuntimeException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    static HikariConfig poolConfig(String url, String user, String password, int poolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("blackbox-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        if (!password.isEmpty()) hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(2, poolSize));
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(1_000);
        hikari.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        hikari.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        // the driver's own limits, seconds: connecting, and a read that never returns (a half-open socket)
        hikari.addDataSourceProperty("connectTimeout", "3");
        hikari.addDataSourceProperty("socketTimeout", "300");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.addDataSourceProperty("ApplicationName", "blackbox");
        return hikari;
    }

    /**
     * Migrates {@code schema} with Flyway: creates the schema if missing, keeps the history table in it, and
     * applies the scripts found in {@code locations} (e.g. {@code classpath:db/migration/marketdata}).
     * Idempotent. Called once at start.
     *
     * @return the number of migrations applied now
     */
    public int migrate(String schema, String... locations) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(locations)
                .load()
                .migrate();
        LOG.info("schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The embedded server, when this process runs one. */
    public java.util.Optional<EmbeddedPostgresServer> embeddedServer() {
        return java.util.Optional.ofNullable(embedded);
    }

    /**
     * True when {@code e} (or a cause) means the server cannot be reached now and a retry may succeed:
     * SQLState class 08 (connection exception), 57P01/57P02/57P03 (shutting down, cannot connect now), or a
     * connection pool timeout.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /**
     * Retires every pooled connection (in use ones when returned), so the next borrow connects afresh. Call it
     * after {@link #isUnavailable} was true: when the server restarted, all pooled connections are dead, and a
     * connection used in the last 500 ms is handed out by HikariCP without validation.
     */
    public static void discardConnections(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
