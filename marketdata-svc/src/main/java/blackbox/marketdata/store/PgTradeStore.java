package blackbox.marketdata.store;

import blackbox.marketdata.core.TradeNumbers;
import blackbox.marketdata.core.TradeRow;
import blackbox.platform.db.Database;
import blackbox.platform.domain.InstrumentId;
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
import java.util.function.Consumer;
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
 * <p>Reads of long windows ({@link #scan}, {@link #storedTradeNumbers}) run in a read-only transaction with a
 * fetch size, so PostgreSQL hands the rows over through a cursor a batch at a time.
 *
 * <p>Called from one writer thread ({@link #write} reuses its buffer); the reads are thread-safe.
 */
public final class PgTradeStore implements TradeStore {
    /** The COPY/INSERT column list of trades and edits, in {@link CopyTextEncoder}'s order. */
    static final String COLUMNS = "exchange, ticker, trading_day, trade_number, time_nanos, price, quantity, volume,"
            + " buy_agent, sell_agent, trade_type, received_nanos";

    private static final int FLUSH_BYTES = 1 << 18;
    private static final String COPY_TRADES = "COPY marketdata.trades (" + COLUMNS + ") FROM STDIN WITH (FORMAT text)";

    /** The first and last trading day with trades of an instrument within a range of days (nulls when none). */
    private static final String DAY_BOUNDS = "SELECT min(trading_day), max(trading_day) FROM marketdata.trades"
            + " WHERE exchange = ? AND ticker = ? AND trading_day BETWEEN ? AND ?";

    /**
     * One trading day's trades in a window of (edited) time, each with its latest stored edit (greatest id),
     * by (time, trade number). Parameters: exchange, ticker, day (edits); exchange, ticker, day, from, to.
     */
    private static final String SCAN_DAY = "SELECT t.trade_number, COALESCE(e.time_nanos, t.time_nanos) AS time_nanos,"
            + " COALESCE(e.price, t.price), COALESCE(e.quantity, t.quantity), COALESCE(e.volume, t.volume),"
            + " COALESCE(e.buy_agent, t.buy_agent), COALESCE(e.sell_agent, t.sell_agent),"
            + " COALESCE(e.trade_type, t.trade_type), t.received_nanos"
            + " FROM marketdata.trades t LEFT JOIN ("
            + "SELECT DISTINCT ON (trade_number) trade_number, time_nanos, price, quantity, volume, buy_agent, sell_agent,"
            + " trade_type FROM marketdata.trade_edits WHERE exchange = ? AND ticker = ? AND trading_day = ?"
            + " ORDER BY trade_number, id DESC) e ON e.trade_number = t.trade_number"
            + " WHERE t.exchange = ? AND t.ticker = ? AND t.trading_day = ?"
            + " AND COALESCE(e.time_nanos, t.time_nanos) >= ? AND COALESCE(e.time_nanos, t.time_nanos) < ?"
            + " ORDER BY 2, 1";

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
    public long count(InstrumentId instrument, LocalDate tradingDay) throws StoreUnavailableException {
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
    public List<TradeRow> read(InstrumentId instrument, long fromNanos, long toNanos) throws StoreUnavailableException {
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

    /**
     * {@inheritDoc}
     *
     * <p>One query per trading day (one partition each), days ascending, between the first and last day with
     * trades of the instrument among the UTC days around the window (a session date is within a day of the
     * UTC date of its trades). Within a day the sort is PostgreSQL's; days follow each other in time.
     */
    @Override
    public void scan(InstrumentId instrument, long fromNanos, long toNanos, int batchSize, Consumer<List<TradeRow>> sink)
            throws StoreUnavailableException {
        if (batchSize < 1) throw new IllegalArgumentException("must be >= 1: batchSize=" + batchSize);
        if (fromNanos >= toNanos) return;
        LocalDate fromDay = utcDate(fromNanos).minusDays(1);
        LocalDate toDay = utcDate(toNanos - 1).plusDays(1);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor needs a transaction
            try {
                LocalDate[] days = dayBounds(c, instrument, fromDay, toDay);
                if (days != null) scanDays(c, instrument, days[0], days[1], fromNanos, toNanos, batchSize, sink);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, "reading trades of " + instrument);
        }
    }

    private static LocalDate[] dayBounds(Connection c, InstrumentId instrument, LocalDate fromDay, LocalDate toDay) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DAY_BOUNDS)) {
            s.setString(1, instrument.exchange());
            s.setString(2, instrument.ticker());
            s.setObject(3, fromDay);
            s.setObject(4, toDay);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                LocalDate first = rs.getObject(1, LocalDate.class);
                return first == null ? null : new LocalDate[] {first, rs.getObject(2, LocalDate.class)};
            }
        }
    }

    private static void scanDays(Connection c, InstrumentId instrument, LocalDate firstDay, LocalDate lastDay, long fromNanos,
                                 long toNanos, int batchSize, Consumer<List<TradeRow>> sink) throws SQLException {
        List<TradeRow> batch = new ArrayList<>(batchSize);
        try (PreparedStatement s = c.prepareStatement(SCAN_DAY)) {
            s.setFetchSize(batchSize);
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                s.setString(1, instrument.exchange());
                s.setString(2, instrument.ticker());
                s.setObject(3, day);
                s.setString(4, instrument.exchange());
                s.setString(5, instrument.ticker());
                s.setObject(6, day);
                s.setLong(7, fromNanos);
                s.setLong(8, toNanos);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new TradeRow(instrument, day, rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4),
                                rs.getDouble(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), false, rs.getLong(9)));
                        if (batch.size() == batchSize) {
                            sink.accept(batch);
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                }
            }
        }
        if (!batch.isEmpty()) sink.accept(batch);
    }

    @Override
    public java.util.OptionalLong newestTime(InstrumentId instrument) throws StoreUnavailableException {
        // the primary key's index read backwards: one row from the newest day's partition
        String sql = "SELECT time_nanos FROM marketdata.trades WHERE exchange = ? AND ticker = ?"
                + " ORDER BY trading_day DESC, trade_number DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, instrument.exchange());
            s.setString(2, instrument.ticker());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure(e, "reading the newest trade of " + instrument);
        }
    }

    @Override
    public TradeNumbers storedTradeNumbers(InstrumentId instrument, LocalDate tradingDay) throws StoreUnavailableException {
        String sql = "SELECT trade_number FROM marketdata.trades WHERE exchange = ? AND ticker = ? AND trading_day = ?"
                + " ORDER BY trade_number";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(50_000);
                s.setString(1, instrument.exchange());
                s.setString(2, instrument.ticker());
                s.setObject(3, tradingDay);
                TradeNumbers.Builder numbers = TradeNumbers.builder();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) numbers.add(rs.getLong(1));
                }
                c.commit();
                return numbers.build();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, "reading the trade numbers of " + instrument + " on " + tradingDay);
        }
    }

    private static LocalDate utcDate(long nanos) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
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
