package blackbox.candles.store;

import blackbox.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Creates the monthly partitions of {@code candles.candles_1m} ({@code candles.candles_1m_p201811} holds the
 * 1-minute candles whose bucket starts in November 2018, UTC). Idempotent and safe when several callers race for
 * the same month; months known to exist are cached, so the writer's per-batch call costs a set lookup.
 * Thread-safe.
 */
public final class MonthPartitions {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final DataSource dataSource;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public MonthPartitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the UTC month of a bucket start (UTC epoch ns) */
    public static YearMonth monthOf(long bucketStartNanos) {
        long seconds = Math.floorDiv(bucketStartNanos, NANOS_PER_SECOND);
        return YearMonth.from(java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    }

    /** @return the first instant of a UTC month, epoch ns */
    public static long startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * NANOS_PER_SECOND;
    }

    /** @return the partition's table name, without schema, e.g. {@code candles_1m_p201811} */
    public static String tableName(YearMonth month) {
        return String.format("candles_1m_p%04d%02d", month.getYear(), month.getMonthValue());
    }

    /** True when the month's partition is known to exist (no database access). */
    public boolean isKnown(YearMonth month) {
        return known.contains(month);
    }

    /**
     * Creates the missing monthly partitions of the given months.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    public void ensure(Iterable<YearMonth> months) throws StoreUnavailableException {
        YearMonth current = null;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (YearMonth month : months) {
                current = month;
                if (!known.contains(month)) {
                    create(statement, month);
                    known.add(month);
                }
            }
        } catch (SQLException e) {
            if (Database.isUnavailable(e)) {
                Database.discardConnections(dataSource);
                throw new StoreUnavailableException("cannot create candle partitions: " + e.getMessage(), e);
            }
            throw new IllegalStateException("cannot create the partition of candles.candles_1m for " + current, e);
        }
    }

    private static void create(Statement statement, YearMonth month) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS candles." + tableName(month) + " PARTITION OF candles.candles_1m"
                + " FOR VALUES FROM (" + startOf(month) + ") TO (" + startOf(month.plusMonths(1)) + ")";
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            // two callers raced: the loser's IF NOT EXISTS saw nothing, then hit the winner's catalog rows
            String state = e.getSQLState();
            if (!"42P07".equals(state) && !"23505".equals(state)) throw e;
        }
    }
}
