package blackbox.positions.store;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.positions.core.ExecType;
import blackbox.positions.core.OpeningCash;
import blackbox.positions.core.OpeningPosition;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The {@code positions} schema (V1__positions.sql): fills in application order, openings per day, settlement
 * prices, imports and reconciliation reports. Plain JDBC on the pool for the two hot statements (the batch
 * insert of fills and the streamed read of the rebuild); every method is one transaction. Thread-safe.
 *
 * @throws StoreException from every method when PostgreSQL fails (nothing was written)
 */
public final class PositionsStore {
    /** Rows per round trip when the rebuild streams the fills. */
    static final int FETCH_SIZE = 10_000;

    private final DataSource dataSource;

    public PositionsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An opening position row as stored, with the average price shown to people. */
    public record OpeningRow(OpeningPosition position, BigDecimal averagePrice) {
    }

    /** A futures settlement price of a trade date. */
    public record SettlementPrice(InstrumentId instrument, LocalDate tradeDate, long priceE4) {
    }

    /** A difference of a reconciliation, as stored. */
    public record DifferenceRow(AccountId account, InstrumentId instrument, String positionType, String field,
                                String ours, String theirs) {
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw new DuplicateFillException(what + ": " + e.getMessage(), e);
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Inserts fill rows inside one transaction of {@link #writeFills}. */
    public interface FillWriter {
        /** Inserts the row unless its (exec_id, effect) is stored: its sequence, or 0 when it was. */
        long insert(StoredFill row) throws SQLException;
    }

    /** Work done with a {@link FillWriter}, in one transaction. */
    @FunctionalInterface
    public interface FillWork<T> {
        T run(FillWriter writer) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: rows it inserts commit together when it returns, and none do when it
     * throws. A row already stored is skipped ({@code ON CONFLICT DO NOTHING}), which is how a retried fill
     * stays stored once.
     */
    public <T> T writeFills(FillWork<T> work) {
        return inTransaction("write fills", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.fills (exec_id, effect, exec_type, "
                    + "exec_ref_id, account, ticker, exchange, side, quantity, price_e4, ts_event_nanos, trade_date, "
                    + "order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (exec_id, effect) DO NOTHING "
                    + "RETURNING seq")) {
                return work.run(row -> {
                    bind(ps, row);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0;
                    }
                });
            }
        });
    }

    private static void bind(PreparedStatement ps, StoredFill r) throws SQLException {
        ps.setString(1, r.execId());
        ps.setString(2, r.reverse() ? "reverse" : "apply");
        ps.setString(3, r.execType().name());
        ps.setString(4, r.execRefId());
        ps.setString(5, r.account().value());
        ps.setString(6, r.instrument().ticker());
        ps.setString(7, r.instrument().exchange());
        ps.setString(8, r.side() == Side.BUY ? "B" : "S");
        ps.setLong(9, r.quantity());
        ps.setLong(10, r.priceE4());
        ps.setLong(11, r.tsEventNanos());
        ps.setObject(12, r.tradeDate());
        ps.setString(13, r.orderId());
    }

    /**
     * Bulk load (benchmarks, migrations of history): stores rows in one transaction, in order, and returns their
     * sequence numbers.
     *
     * @throws DuplicateFillException when a row's (exec_id, effect) is already stored (nothing was written)
     */
    public long[] insertFills(List<StoredFill> rows) {
        if (rows.isEmpty()) return new long[0];
        return inTransaction("insert fills", c -> {
            long[] seqs = new long[rows.size()];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.fills (exec_id, effect, exec_type, "
                    + "exec_ref_id, account, ticker, exchange, side, quantity, price_e4, ts_event_nanos, trade_date, "
                    + "order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (StoredFill r : rows) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i = 0; keys.next() && i < seqs.length; i++) seqs[i] = keys.getLong(1);
                }
            }
            return seqs;
        });
    }

    /**
     * Streams every fill row with {@code trade_date >= from} in sequence order (a cursor of
     * {@link #FETCH_SIZE} rows per round trip), on the calling thread.
     *
     * @return the number of rows read
     */
    public long readFills(LocalDate from, Consumer<StoredFill> sink) {
        return inTransaction("read fills", c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, exec_id, effect, exec_type, exec_ref_id, "
                    + "account, ticker, exchange, side, quantity, price_e4, ts_event_nanos, trade_date, order_id "
                    + "FROM positions.fills WHERE trade_date >= ? ORDER BY seq")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setObject(1, from);
                Map<String, AccountId> accounts = new HashMap<>();
                Map<String, InstrumentId> instruments = new HashMap<>();
                Map<Date, LocalDate> dates = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ticker = rs.getString(7);
                        String exchange = rs.getString(8);
                        InstrumentId instrument = instruments.computeIfAbsent(ticker + ':' + exchange,
                                k -> new InstrumentId(ticker, exchange));
                        AccountId account = accounts.computeIfAbsent(rs.getString(6), AccountId::new);
                        LocalDate date = dates.computeIfAbsent(rs.getDate(13), Date::toLocalDate);
                        sink.accept(new StoredFill(rs.getLong(1), rs.getString(2), rs.getString(3).equals("reverse"),
                                ExecType.valueOf(rs.getString(4)), rs.getString(5), account, instrument,
                                rs.getString(9).equals("B") ? Side.BUY : Side.SELL, rs.getLong(10), rs.getLong(11),
                                rs.getLong(12), date, rs.getString(14)));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /** The highest stored sequence, 0 when none. */
    public long maxSeq() {
        return inTransaction("max seq", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM positions.fills")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records an import and upserts the openings it applies, in one transaction; returns the import's id. */
    public long saveImport(String fileName, LocalDate tradeDate, int rows, int differences, boolean replace,
                           List<OpeningRow> positions, List<OpeningCash> cash) {
        return inTransaction("save import", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.imports (file_name, trade_date, rows, "
                    + "applied, differences, replace) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, fileName);
                ps.setObject(2, tradeDate);
                ps.setInt(3, rows);
                ps.setInt(4, positions.size() + cash.size());
                ps.setInt(5, differences);
                ps.setBoolean(6, replace);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            upsertOpenings(c, positions, cash, "import", id);
            return id;
        });
    }

    /** Upserts the openings of a day's start (source 'close': the previous close) in one transaction. */
    public void saveOpenings(List<OpeningRow> positions, List<OpeningCash> cash) {
        inTransaction("save openings", c -> {
            upsertOpenings(c, positions, cash, "close", 0);
            return null;
        });
    }

    private static void upsertOpenings(Connection c, List<OpeningRow> positions, List<OpeningCash> cash, String source,
                                       long importId) throws SQLException {
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.opening_positions (trade_date, account, "
                    + "ticker, exchange, quantity, average_price, cost_e6, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + (importId == 0 ? "ON CONFLICT DO NOTHING" // a close never replaces an imported opening
                    : "ON CONFLICT (trade_date, account, ticker, exchange) DO UPDATE SET quantity = EXCLUDED.quantity, "
                    + "average_price = EXCLUDED.average_price, cost_e6 = EXCLUDED.cost_e6, source = EXCLUDED.source, "
                    + "import_id = EXCLUDED.import_id"))) {
                for (OpeningRow row : positions) {
                    OpeningPosition p = row.position();
                    ps.setObject(1, p.tradeDate());
                    ps.setString(2, p.account().value());
                    ps.setString(3, p.instrument().ticker());
                    ps.setString(4, p.instrument().exchange());
                    ps.setLong(5, p.quantity());
                    ps.setBigDecimal(6, row.averagePrice());
                    ps.setLong(7, p.cost());
                    ps.setString(8, source);
                    ps.setObject(9, importId == 0 ? null : importId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.opening_cash (trade_date, account, d0_e6, "
                    + "d1_e6, d2_e6, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + (importId == 0 ? "ON CONFLICT DO NOTHING"
                    : "ON CONFLICT (trade_date, account) DO UPDATE SET d0_e6 = EXCLUDED.d0_e6, d1_e6 = EXCLUDED.d1_e6, "
                    + "d2_e6 = EXCLUDED.d2_e6, source = EXCLUDED.source, import_id = EXCLUDED.import_id"))) {
                for (OpeningCash oc : cash) {
                    ps.setObject(1, oc.tradeDate());
                    ps.setString(2, oc.account().value());
                    ps.setLong(3, oc.d0());
                    ps.setLong(4, oc.d1());
                    ps.setLong(5, oc.d2());
                    ps.setString(6, source);
                    ps.setObject(7, importId == 0 ? null : importId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Each account's latest trade date with an opening (position or cash). */
    public Map<AccountId, LocalDate> latestOpeningDates() {
        return inTransaction("latest openings", c -> {
            Map<AccountId, LocalDate> dates = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT account, MAX(trade_date) FROM ("
                    + "SELECT account, trade_date FROM positions.opening_positions UNION ALL "
                    + "SELECT account, trade_date FROM positions.opening_cash) o GROUP BY account")) {
                while (rs.next()) dates.put(new AccountId(rs.getString(1)), rs.getObject(2, LocalDate.class));
            }
            return dates;
        });
    }

    /** The opening positions of one trade date (every account, or one when {@code account} is not null). */
    public List<OpeningRow> openingPositions(LocalDate tradeDate, AccountId account) {
        return inTransaction("opening positions", c -> {
            List<OpeningRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT account, ticker, exchange, quantity, average_price, "
                    + "cost_e6 FROM positions.opening_positions WHERE trade_date = ? AND (? IS NULL OR account = ?) "
                    + "ORDER BY account, ticker, exchange")) {
                ps.setObject(1, tradeDate);
                ps.setString(2, account == null ? null : account.value());
                ps.setString(3, account == null ? null : account.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OpeningRow(new OpeningPosition(tradeDate, new AccountId(rs.getString(1)),
                                new InstrumentId(rs.getString(2), rs.getString(3)), rs.getLong(4), rs.getLong(6)),
                                rs.getBigDecimal(5)));
                    }
                }
            }
            return rows;
        });
    }

    /** The opening cash of one trade date (every account, or one). */
    public List<OpeningCash> openingCash(LocalDate tradeDate, AccountId account) {
        return inTransaction("opening cash", c -> {
            List<OpeningCash> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT account, d0_e6, d1_e6, d2_e6 FROM positions.opening_cash "
                    + "WHERE trade_date = ? AND (? IS NULL OR account = ?) ORDER BY account")) {
                ps.setObject(1, tradeDate);
                ps.setString(2, account == null ? null : account.value());
                ps.setString(3, account == null ? null : account.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OpeningCash(tradeDate, new AccountId(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                                rs.getLong(4)));
                    }
                }
            }
            return rows;
        });
    }

    public void saveSettlementPrice(SettlementPrice price) {
        inTransaction("save settlement price", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.settlement_prices (ticker, exchange, "
                    + "trade_date, price_e4) VALUES (?, ?, ?, ?) ON CONFLICT (ticker, exchange, trade_date) DO UPDATE SET "
                    + "price_e4 = EXCLUDED.price_e4")) {
                ps.setString(1, price.instrument().ticker());
                ps.setString(2, price.instrument().exchange());
                ps.setObject(3, price.tradeDate());
                ps.setLong(4, price.priceE4());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Settlement prices of trade dates on or after {@code from}, by date. */
    public List<SettlementPrice> settlementPricesFrom(LocalDate from) {
        return inTransaction("settlement prices", c -> {
            List<SettlementPrice> prices = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticker, exchange, trade_date, price_e4 FROM "
                    + "positions.settlement_prices WHERE trade_date >= ? ORDER BY trade_date, ticker, exchange")) {
                ps.setObject(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        prices.add(new SettlementPrice(new InstrumentId(rs.getString(1), rs.getString(2)),
                                rs.getObject(3, LocalDate.class), rs.getLong(4)));
                    }
                }
            }
            return prices;
        });
    }

    /** Stores a reconciliation report and its differences; returns its id. */
    public long recordReconciliation(String accountFilter, int accounts, int compared, List<DifferenceRow> differences) {
        return inTransaction("record reconciliation", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.reconciliations (account_filter, accounts, "
                    + "positions_compared, differences) VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, accountFilter);
                ps.setInt(2, accounts);
                ps.setInt(3, compared);
                ps.setInt(4, differences.size());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO positions.reconciliation_differences "
                    + "(reconciliation_id, account, ticker, exchange, position_type, field, ours, theirs) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DifferenceRow d : differences) {
                    ps.setLong(1, id);
                    ps.setString(2, d.account().value());
                    ps.setString(3, d.instrument() == null ? "" : d.instrument().ticker());
                    ps.setString(4, d.instrument() == null ? "" : d.instrument().exchange());
                    ps.setString(5, d.positionType());
                    ps.setString(6, d.field());
                    ps.setString(7, d.ours());
                    ps.setString(8, d.theirs());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /** The differences of a stored reconciliation, in insertion order. */
    public List<DifferenceRow> reconciliationDifferences(long id) {
        return inTransaction("reconciliation differences", c -> {
            List<DifferenceRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT account, ticker, exchange, position_type, field, ours, "
                    + "theirs FROM positions.reconciliation_differences WHERE reconciliation_id = ? ORDER BY ctid")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        InstrumentId instrument = rs.getString(2).isEmpty() ? null
                                : new InstrumentId(rs.getString(2), rs.getString(3));
                        rows.add(new DifferenceRow(new AccountId(rs.getString(1)), instrument, rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return rows;
        });
    }
}
