package blackbox.oms.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One oms-svc per schema: the writer keeps the orders' states and writes without reading them back, which is only
 * right while it is the only writer. A PostgreSQL session-level advisory lock, held on a connection kept for the
 * process's life, says so; a second process fails to start, naming it. A process killed with SIGKILL loses its
 * connection, and with it the lock, as its socket closes.
 */
public final class SingleInstance implements AutoCloseable {
    private static final long LOCK = 0x6F6D735F77726974L; // "oms_writ"

    private final Connection connection;

    private SingleInstance(Connection connection) {
        this.connection = connection;
    }

    /** @throws IllegalStateException when another oms-svc holds the schema */
    public static SingleInstance acquire(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    c.close();
                    throw new IllegalStateException("another oms-svc is running on this database (schema oms is locked by"
                            + " PostgreSQL advisory lock " + LOCK + "); one writer per schema");
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!c.isClosed()) c.close();
            throw e;
        }
        return new SingleInstance(c);
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK);
            s.execute();
        } finally {
            connection.close();
        }
    }
}
