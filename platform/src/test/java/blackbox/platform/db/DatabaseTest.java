package blackbox.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class DatabaseTest {
    @TempDir
    Path tmp;

    /** A data directory the unprivileged OS user can reach when the tests run as root. */
    private Path dataDir() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve("data");
    }

    @Test
    void anEmbeddedServerKeepsItsDataAcrossStopAndStartOnTheSamePort() throws Exception {
        Path dir = dataDir();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0)) {
            int port = server.port();
            try (Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 2))) {
                db.jdbi().useHandle(h -> {
                    h.execute("CREATE TABLE kept (n int)");
                    h.execute("INSERT INTO kept VALUES (42)");
                });
            }
            server.stop();
            server.start();
            assertEquals(port, server.port());
            try (Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 2))) {
                assertEquals(42, queryInt(db, "SELECT n FROM kept"));
            }
        }
        assertTrue(Files.exists(dir.resolve("postgres/PG_VERSION")), "data kept after close");
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0);
             Database db = Database.connect(DatabaseConfig.external(again.jdbcUrl(), "postgres", "", 2))) {
            assertEquals(42, queryInt(db, "SELECT n FROM kept"));
        }
    }

    @Test
    void connectStartsTheEmbeddedServerWhenNoUrlIsSet() throws Exception {
        DatabaseConfig config = new DatabaseConfig(java.util.Optional.empty(), "postgres", "", dataDir(), 0, 2);
        try (Database db = Database.connect(config)) {
            assertEquals(1, queryInt(db, "SELECT 1"));
            assertTrue(db.embeddedServer().isPresent());
        }
    }

    @Test
    void migrateCreatesTheSchemaWithItsHistoryAndIsIdempotent() throws Exception {
        Path scripts = tmp.resolve("migrations");
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("V1__widgets.sql"), "CREATE TABLE widgets (id int PRIMARY KEY);");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
             Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 2))) {
            assertEquals(1, db.migrate("shop", "filesystem:" + scripts));
            assertEquals(0, db.migrate("shop", "filesystem:" + scripts));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO shop.widgets VALUES (1)"));
            assertEquals(1, queryInt(db, "SELECT count(*) FROM shop.flyway_schema_history WHERE success AND type = 'SQL'"));
        }
    }

    @Test
    void aStoppedServerIsReportedUnavailableWithinSecondsAndThePoolRecoversWhenItReturns() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
             Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 2))) {
            db.jdbi().useHandle(h -> h.execute("SELECT 1"));
            server.stop();
            long start = System.nanoTime();
            JdbiException down = assertThrows(JdbiException.class, () -> db.jdbi().useHandle(h -> h.execute("SELECT 1")));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(Database.isUnavailable(down), down.toString());
            assertTrue(waited.compareTo(Database.CONNECTION_TIMEOUT.plusSeconds(3)) < 0, "waited " + waited);
            Database.discardConnections(db.dataSource());
            server.start();
            assertEquals(1, queryInt(db, "SELECT 1"));
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(c.isValid(1));
            }
        }
    }

    @Test
    void classifiesConnectionAndShutdownStatesAsUnavailable() {
        assertTrue(Database.isUnavailable(new SQLException("x", "08006")));
        assertTrue(Database.isUnavailable(new RuntimeException(new SQLException("x", "57P01"))));
        assertTrue(Database.isUnavailable(new java.sql.SQLTransientConnectionException("pool timeout")));
        assertTrue(!Database.isUnavailable(new SQLException("x", "23505")));
    }

    private static int queryInt(Database db, String sql) {
        Integer value = db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        return value;
    }
}
