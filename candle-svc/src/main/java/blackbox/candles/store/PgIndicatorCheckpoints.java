package blackbox.candles.store;

import blackbox.candles.core.Timeframe;
import blackbox.platform.db.Database;
import blackbox.platform.domain.InstrumentId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link IndicatorCheckpoints} on PostgreSQL ({@code candles.indicator_checkpoints}, {@code candles.indicator_series},
 * migration V4).
 *
 * <p>Locking, per series, with a transaction-scoped advisory lock ({@link #LOCK_CLASS}, hash of the series key): a
 * candle write takes it shared, then reads the series' horizon, bumps the epoch when it writes a candle before the
 * horizon and deletes the checkpoints after its earliest candle ({@link #invalidate}); {@link #open} and
 * {@link #save} take it exclusive. So {@code open} waits for writes in flight to commit (the candles read next include
 * them) and every later write sees the horizon it set; {@code save} sees every bump committed since, and a write
 * waiting behind it deletes what it saved.
 */
public final class PgIndicatorCheckpoints implements IndicatorCheckpoints {
    /** The advisory locks' first key: candle-svc's indicator series. */
    static final int LOCK_CLASS = 0x1CD1;
    private static final String SERIES = "exchange || ':' || ticker || ':' || timeframe";
    private static final String KEY = " WHERE exchange = ? AND ticker = ? AND timeframe = ?";

    private final DataSource dataSource;

    public PgIndicatorCheckpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PgIndicatorCheckpoints(Database database) {
        this(database.dataSource());
    }

    @Override
    public Optional<Checkpoint> newest(InstrumentId instrument, Timeframe timeframe, List<String> specs, long atOrBefore)
            throws StoreUnavailableException {
        String sql = "SELECT day_start_nanos, last_bucket_nanos, spec, state FROM candles.indicator_checkpoints" + KEY
                + " AND spec = ANY(?) AND day_start_nanos = (SELECT day_start_nanos FROM candles.indicator_checkpoints" + KEY
                + " AND spec = ANY(?) AND day_start_nanos <= ? GROUP BY day_start_nanos HAVING count(*) = ?"
                + " ORDER BY day_start_nanos DESC LIMIT 1)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            java.sql.Array names = c.createArrayOf("text", specs.toArray());
            bindKey(s, 1, instrument, timeframe);
            s.setArray(4, names);
            bindKey(s, 5, instrument, timeframe);
            s.setArray(8, names);
            s.setLong(9, atOrBefore);
            s.setInt(10, specs.size());
            Map<String, byte[]> states = new HashMap<>();
            long day = 0;
            long last = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    day = r.getLong(1);
                    last = r.getLong(2);
                    states.put(r.getString(3), r.getBytes(4));
                }
            }
            if (states.size() != specs.size()) return Optional.empty();
            List<byte[]> ordered = new ArrayList<>(specs.size());
            for (String spec : specs) ordered.add(states.get(spec));
            return Optional.of(new Checkpoint(day, last, ordered));
        } catch (SQLException e) {
            throw failure(e, "reading the indicator checkpoints of " + instrument + " " + timeframe);
        }
    }

    @Override
    public long open(InstrumentId instrument, Timeframe timeframe, long horizon) throws StoreUnavailableException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockExclusive(c, instrument, timeframe);
                long epoch;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO candles.indicator_series"
                        + " (exchange, ticker, timeframe, horizon_nanos) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (exchange, ticker, timeframe) DO UPDATE"
                        + " SET horizon_nanos = greatest(indicator_series.horizon_nanos, EXCLUDED.horizon_nanos)"
                        + " RETURNING epoch")) {
                    bindKey(s, 1, instrument, timeframe);
                    s.setLong(4, horizon);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        epoch = r.getLong(1);
                    }
                }
                c.commit();
                return epoch;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, "opening the indicator checkpoints of " + instrument + " " + timeframe);
        }
    }

    @Override
    public boolean save(InstrumentId instrument, Timeframe timeframe, long epoch, List<String> specs,
                        List<Checkpoint> checkpoints) throws StoreUnavailableException {
        if (checkpoints.isEmpty()) return true;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockExclusive(c, instrument, timeframe);
                try (PreparedStatement s = c.prepareStatement("SELECT epoch FROM candles.indicator_series" + KEY)) {
                    bindKey(s, 1, instrument, timeframe);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next() || r.getLong(1) != epoch) {
                            c.rollback();
                            return false;
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO candles.indicator_checkpoints (exchange, ticker,"
                        + " timeframe, spec, day_start_nanos, last_bucket_nanos, state) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
                    for (Checkpoint cp : checkpoints) {
                        for (int i = 0; i < specs.size(); i++) {
                            bindKey(s, 1, instrument, timeframe);
                            s.setString(4, specs.get(i));
                            s.setLong(5, cp.dayStart());
                            s.setLong(6, cp.lastBucket());
                            s.setBytes(7, cp.states().get(i));
                            s.addBatch();
                        }
                    }
                    s.executeBatch();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, "writing the indicator checkpoints of " + instrument + " " + timeframe);
        }
    }

    /** A series a candle write touched, and the earliest bucket start it wrote or deleted there. */
    record Touched(InstrumentId instrument, Timeframe timeframe, long earliestBucket) {
    }

    /**
     * Inside a candle write's transaction, after or before its writes: the checkpoints after each series' earliest
     * written bucket are deleted, and a series whose horizon lies after it gets a new epoch (a reader's computation in
     * flight is not saved).
     */
    static void invalidate(Connection connection, java.util.Collection<Touched> touched) throws SQLException {
        if (touched.isEmpty()) return;
        int n = touched.size();
        String[] exchanges = new String[n];
        String[] tickers = new String[n];
        String[] timeframes = new String[n];
        Long[] earliest = new Long[n];
        int i = 0;
        for (Touched t : touched) {
            exchanges[i] = t.instrument().exchange();
            tickers[i] = t.instrument().ticker();
            timeframes[i] = t.timeframe().label();
            earliest[i++] = t.earliestBucket();
        }
        java.sql.Array e = connection.createArrayOf("text", exchanges);
        java.sql.Array tk = connection.createArrayOf("text", tickers);
        java.sql.Array tf = connection.createArrayOf("text", timeframes);
        java.sql.Array b = connection.createArrayOf("bigint", earliest);
        String touchedRows = "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[])"
                + " AS w(exchange, ticker, timeframe, b)";
        // the lock first, in a statement of its own: the horizon read next is then read after any open() before it
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(" + LOCK_CLASS
                + ", hashtext(" + SERIES + ")) FROM (" + touchedRows + ") w")) {
            bind(s, e, tk, tf, b);
            s.execute();
        }
        try (PreparedStatement s = connection.prepareStatement("WITH w AS (" + touchedRows + "),"
                + " bumped AS (UPDATE candles.indicator_series s SET epoch = s.epoch + 1 FROM w"
                + " WHERE s.exchange = w.exchange AND s.ticker = w.ticker AND s.timeframe = w.timeframe"
                + " AND s.horizon_nanos > w.b RETURNING 1)"
                + " DELETE FROM candles.indicator_checkpoints c USING w WHERE c.exchange = w.exchange"
                + " AND c.ticker = w.ticker AND c.timeframe = w.timeframe AND c.day_start_nanos > w.b")) {
            bind(s, e, tk, tf, b);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, java.sql.Array... arrays) throws SQLException {
        for (int i = 0; i < arrays.length; i++) s.setArray(i + 1, arrays[i]);
    }

    private static void lockExclusive(Connection c, InstrumentId instrument, Timeframe timeframe) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(" + LOCK_CLASS
                + ", hashtext(?::text || ':' || ?::text || ':' || ?::text))")) {
            bindKey(s, 1, instrument, timeframe);
            s.execute();
        }
    }

    private static void bindKey(PreparedStatement s, int first, InstrumentId instrument, Timeframe timeframe)
            throws SQLException {
        s.setString(first, instrument.exchange());
        s.setString(first + 1, instrument.ticker());
        s.setString(first + 2, timeframe.label());
    }

    private StoreUnavailableException failure(SQLException e, String what) {
        if (Database.isUnavailable(e)) {
            Database.discardConnections(dataSource);
            return new StoreUnavailableException(what + ": PostgreSQL unavailable: " + e.getMessage(), e);
        }
        throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
