package blackbox.marketdata.store;

import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the daily partitions of {@code marketdata.trades} ({@code marketdata.trades_p20250407} holds
 * trading day 2025-04-07). Idempotent and safe when several callers race for the same day; days known to
 * exist are cached, so the writer's per-batch call costs a set lookup.
 *
 * <p>At start the service calls {@link #ensureAround(LocalDate, int)} with today and
 * {@link #partitionsAhead(Config)}; the writer calls {@link #ensure(LocalDate, LocalDate)} for the days of
 * each batch, so replays of old days work. Thread-safe.
 */
public final class PartitionManager {
    /** How many days after today get a partition at start (default 7). */
    public static final String PARTITIONS_AHEAD_KEY = "BLACKBOX_MARKETDATA_PARTITIONS_AHEAD";

    private static final Logger LOG = LoggerFactory.getLogger(PartitionManager.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    /** A pooled connection and how to give it back. */
    private interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Runnable onUnavailable;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    public PartitionManager(DataSource dataSource) {
        this.connections = dataSource::getConnection;
        this.onUnavailable = () -> Database.discardConnections(dataSource);
    }

    /** On the pool behind a {@link Jdbi}. */
    public PartitionManager(Jdbi jdbi) {
        this.connections = () -> {
            try {
                return jdbi.open().getConnection(); // closing the connection returns it to the pool
            } catch (ConnectionException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), "08001", e);
            }
        };
        this.onUnavailable = () -> { };
    }

    /** {@code BLACKBOX_MARKETDATA_PARTITIONS_AHEAD}, 0..366, default 7. */
    public static int partitionsAhead(Config config) {
        return config.integer(PARTITIONS_AHEAD_KEY, 7, 0, 366);
    }

    /** Partitions for yesterday .. today + {@code daysAhead}. */
    public void ensureAround(LocalDate today, int daysAhead) throws StoreUnavailableException {
        ensure(today.minusDays(1), today.plusDays(daysAhead));
    }

    /** True when the day's partition is known to exist (no database access). */
    public boolean isKnown(LocalDate day) {
        return known.contains(day);
    }

    /**
     * Creates the missing daily partitions from {@code from} to {@code toInclusive}.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public void ensure(LocalDate from, LocalDate toInclusive) throws StoreUnavailableException {
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("toInclusive must not be before from: from=" + from + ", toInclusive=" + toInclusive);
        }
        LocalDate day = from;
        while (!day.isAfter(toInclusive) && known.contains(day)) day = day.plusDays(1);
        if (day.isAfter(toInclusive)) return;
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (; !day.isAfter(toInclusive); day = day.plusDays(1)) {
                if (!known.contains(day)) {
                    create(statement, day);
                    known.add(day);
                }
            }
        } catch (SQLException e) {
            if (Database.isUnavailable(e)) {
                onUnavailable.run();
                throw new StoreUnavailableException("cannot create trade partitions: " + e.getMessage(), e);
            }
            throw new IllegalStateException("cannot create the partition of marketdata.trades for " + day, e);
        }
    }

    private static void create(Statement statement, LocalDate day) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS marketdata.trades_p" + SUFFIX.format(day)
                + " PARTITION OF marketdata.trades FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')";
        try {
            statement.execute(sql);
            LOG.debug("partition for {} ensured", day);
        } catch (SQLException e) {
            // two callers raced: the loser's IF NOT EXISTS saw nothing, then hit the winner's catalog rows
            String state = e.getSQLState();
            if (!"42P07".equals(state) && !"23505".equals(state)) throw e;
            LOG.debug("partition for {} was created concurrently", day);
        }
    }
}
