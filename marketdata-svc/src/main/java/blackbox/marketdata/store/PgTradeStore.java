package blackbox.marketdata.store;

import blackbox.marketdata.core.Instrument;
import blackbox.marketdata.core.TradeRow;
import blackbox.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link TradeStore} on PostgreSQL, written for throughput.
 *
 * <p>Fast path: the batch's trades are streamed with COPY (text format, rows encoded by
 * {@link CopyTextEncoder} into a reused buffer) straight into the partitioned {@code marketdata.trades}.
 * When that fails with unique_violation (23505: a replay, backfill or reconnect delivered stored trades
 * again) the transaction is rolled back and the batch takes the slow path: COPY into a session-temporary
 * staging table, then {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}, whose update count is the number
 * stored; the rest are duplicates. Edits always go through staging into {@code marketdata.trade_edits}.
 * One transaction per batch: all of it is stored, or none.
 *
 * <p>Errors: connection loss (SQLState class 08), server shutdown or start-up (57P01/57P02/57P03) and pool
 * time-outs are {@link StoreUnavailableException} (nothing written; retrying the same batch is safe because
 * writes are idempotent, even when a commit's answer was lost). Any other SQL error is a bug and is thrown
 * as {@link IllegalStateException}. A write that finds a dead pooled connection (the server restarted
 * since) retries once on a fresh one.
 *
 * <p>Called from one writer thread ({@link #write} reuses its buffer); {@link #count} and {@link #read} are
 * thread-safe.
 */
public final class PgTradeStore implements TradeStore {
    /** The COPY/INSERT column list of trades and edits, in {@link CopyTextEncoder}'s order. */
    static final String COLUMNS = "exchange, ticker, trading_day, trade_number, time_nanos, price, quantity, volume,"
            + " buy_agent, sell_agent, trade_type, received_nanos";

    private static final int FLUSH_BYTES = 1 << 18;
    private static final String COPY_TRADES = "COPY marketdata.trades (" + COLUMNS + ") FROM STDIN WITH (FORMAT text)";

    private final DataSource dataSource;
    private final PartitionManager partitions;
    private final CopyTextEncoder encoder = new CopyTextEncoder(FLUSH_BYTES + 4096);

    public PgTradeStore(DataSource dataSource, PartitionManager partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /** On the database's pool. */
    public PgTradeStore(Database database, PartitionManager partitions) {
        this(database.dataSource(), partitions);
    }

    @Override
    public WriteResult write(List<TradeRow> batch) throws StoreUnavailableException {
        if (batch.isEmpty()) return new WriteResult(0, 0);
        List<TradeRow> trades = batch;
        List<TradeRow> edits = List.of();
        for (TradeRow row : batch) {
            if (row.edit()) {
                trades = new ArrayList<>(batch.size());
                edits = new ArrayList<>();
                for (TradeRow r : batch) (r.edit() ? edits : trades).add(r);
                break;
            }
        }
        ensurePartitions(trades);
        for (int attempt = 1; ; attempt++) {
            try {
                int stored = writeOnce(trades, edits);
                return new WriteResult(stored, batch.size() - stored);
            } catch (SQLException e) {
                if (!Database.isUnavailable(e)) {
                    throw new IllegalStateException("writing " + batch.size() + " trades failed: " + e.getMessage(), e);
                }
                Database.discardConnections(dataSource);
                if (attempt == 1 && !(e instanceof SQLTransientConnectionException)) continue; // a stale pooled connection
                throw new StoreUnavailableException("PostgreSQL unavailable, " + batch.size() + " trades not written: "
                        + e.getMessage(), e);
            }
        }
    }

    private void ensurePartitions(List<TradeRow> trades) throws StoreUnavailableException {
        LocalDate last = null;
        for (TradeRow row : trades) {
            LocalDate day = row.tradingDay();
            if (!day.equals(last)) {
                if (!partitions.isKnown(day)) partitions.ensure(day, day);
                last = day;
            }
        }
    }

    private int writeOnce(List<TradeRow> trades, List<TradeRow> edits) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int stored = 0;
                if (!trades.isEmpty()) {
                    try {
                        stored = (int) copy(connection, COPY_TRADES, trades);
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) throw e;
                        connection.rollback();
                        stored = viaStaging(connection, "marketdata.trades", trades);
                    }
                }
                if (!edits.isEmpty()) stored += viaStaging(connection, "marketdata.trade_edits", edits);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** COPY into a temporary table, then insert what is new; returns the number of rows inserted. */
    private int viaStaging(Connection connection, String target, List<TradeRow> rows) throws SQLException {
        String staging = target.endsWith("edits") ? "trade_edits_staging" : "trades_staging";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging
                    + " (LIKE marketdata.trades) ON COMMIT DELETE ROWS");
            copy(connection, "COPY " + staging + " (" + COLUMNS + ") FROM STDIN WITH (FORMAT text)", rows);
            return statement.executeUpdate("INSERT INTO " + target + " (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM " + staging + " ON CONFLICT DO NOTHING");
        }
    }

    private long copy(Connection connection, String sql, List<TradeRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            encoder.clear();
            for (TradeRow row : rows) {
                encoder.row(row);
                if (encoder.length() >= FLUSH_BYTES) {
                    copy.writeToCopy(encoder.buffer(), 0, encoder.length());
                    encoder.clear();
                }
            }
            if (encoder.length() > 0) copy.writeToCopy(encoder.buffer(), 0, encoder.length());
            encoder.clear();
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the error that got us here is the one to report
                }
            }
        }
    }

    @Override
    public long count(Instrument instrument, LocalDate tradingDay) throws StoreUnavailableException {
        String sql = "SELECT count(*) FROM marketdata.trades WHERE exchange = ? AND ticker = ? AND trading_day = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, instrument.exchange());
            s.setString(2, instrument.ticker());
            s.setObject(3, tradingDay);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e, "counting trades of " + instrument);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Ordered by trading day, then trade number (numbers restart each session). Only the partitions of
     * the UTC days around the window are read.
     */
    @Override
    public List<TradeRow> read(Instrument instrument, long fromNanos, long toNanos) throws StoreUnavailableException {
        String sql = "SELECT trading_day, trade_number, time_nanos, price, quantity, volume, buy_agent, sell_agent,"
                + " trade_type, received_nanos FROM marketdata.trades WHERE exchange = ? AND ticker = ?"
                + " AND trading_day BETWEEN ? AND ? AND time_nanos BETWEEN ? AND ? ORDER BY trading_day, trade_number";
        // a session date is within a day of the UTC date of its trades
        LocalDate fromDay = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(0, fromNanos), ZoneOffset.UTC).minusDays(1);
        LocalDate toDay = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(0, toNanos), ZoneOffset.UTC).plusDays(1);
        List<TradeRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, instrument.exchange());
            s.setString(2, instrument.ticker());
            s.setObject(3, fromDay);
            s.setObject(4, toDay);
            s.setLong(5, fromNanos);
            s.setLong(6, toNanos);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TradeRow(instrument, rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                            rs.getDouble(4), rs.getLong(5), rs.getDouble(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            false, rs.getLong(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e, "reading trades of " + instrument);
        }
    }

    private StoreUnavailableException failure(SQLException e, String what) {
        if (Database.isUnavailable(e)) {
            Database.discardConnections(dataSource);
            return new StoreUnavailableException(what + ": PostgreSQL unavailable: " + e.getMessage(), e);
        }
        throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
