package blackbox.oms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Many rows in one SQL statement: each column is bound as one array and the statement reads the rows from
 * {@code unnest(...)} (PostgreSQL: arrays of equal length are zipped into rows, in order). The writer's group commit
 * writes a whole batch's events, order updates and audit rows this way — one statement and one round trip per table
 * instead of a bound statement per row (the per-row binding of a Jdbi batch was most of the writer thread's time,
 * bench/README.md "oms-svc as it runs"). Columns are {@code bigint} or {@code text}; a text column may be cast on the
 * way in ({@code date}, {@code jsonb}). Not thread-safe: one statement's rows.
 */
final class Unnest {
    /** A column: its name in the table and in {@code unnest}, its array type, the cast of the value into the table. */
    private record Column(String name, boolean bigint, String cast) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> values = new ArrayList<>();
    private int column;

    /** Declares a bigint column (values {@code Long}, null allowed). */
    Unnest bigint(String name) {
        return add(new Column(name, true, ""));
    }

    /** Declares a text column (values {@code String}, null allowed). */
    Unnest text(String name) {
        return add(new Column(name, false, ""));
    }

    /** Declares a text column cast to {@code type} into the table ({@code date}, {@code jsonb}). */
    Unnest text(String name, String type) {
        return add(new Column(name, false, "::" + type));
    }

    private Unnest add(Column c) {
        columns.add(c);
        values.add(new ArrayList<>());
        return this;
    }

    /** The next column's value of the current row (columns in their declared order, row after row). */
    Unnest set(Object value) {
        values.get(column).add(value);
        column = column + 1 == columns.size() ? 0 : column + 1;
        return this;
    }

    Unnest set(long value) {
        return set(Long.valueOf(value));
    }

    int rows() {
        return values.isEmpty() ? 0 : values.getLast().size();
    }

    /** {@code unnest(?::bigint[], ?::text[], ...) AS u(a, b, ...)}. */
    String from() {
        StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
        StringJoiner names = new StringJoiner(", ", " AS u(", ")");
        for (Column c : columns) {
            arrays.add(c.bigint() ? "?::bigint[]" : "?::text[]");
            names.add(c.name());
        }
        return arrays + names.toString();
    }

    /** {@code INSERT INTO table (a, b, ...) SELECT u.a, u.b::jsonb, ... FROM unnest(...) AS u(...)}. */
    String insert(String table) {
        StringJoiner names = new StringJoiner(", ", "INSERT INTO " + table + " (", ")");
        StringJoiner select = new StringJoiner(", ", " SELECT ", " FROM ");
        for (Column c : columns) {
            names.add(c.name());
            select.add("u." + c.name() + c.cast());
        }
        return names + select.toString() + from();
    }

    /** {@code a = u.a, b = u.b::jsonb, ...} for every column but {@code except} (an UPDATE's key). */
    String assignments(String except) {
        StringJoiner set = new StringJoiner(", ");
        for (Column c : columns) if (!c.name().equals(except)) set.add(c.name() + " = u." + c.name() + c.cast());
        return set.toString();
    }

    /** Binds every column's array to {@code statement} (its parameters are the columns, in order). */
    PreparedStatement bind(Connection connection, PreparedStatement statement) throws SQLException {
        if (column != 0) throw new IllegalStateException("a row is incomplete: " + column + " of " + columns.size() + " columns set");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            List<Object> v = values.get(i);
            statement.setArray(i + 1, c.bigint() ? connection.createArrayOf("bigint", v.toArray(new Long[0]))
                    : connection.createArrayOf("text", v.toArray(new String[0])));
        }
        return statement;
    }

    /**
     * Runs {@code sql} (a statement over {@link #from()}) on the handle's connection, inside its transaction.
     *
     * @throws IllegalStateException when it did not touch exactly {@code expected} rows (nothing is committed: the
     *     caller's transaction fails)
     * @throws UnableToExecuteStatementException on an SQL error (the SQLException as its cause)
     */
    static void execute(Handle h, String sql, Unnest rows, int expected) {
        Connection c = h.getConnection();
        try (PreparedStatement s = rows.bind(c, c.prepareStatement(sql))) {
            int n = s.executeUpdate();
            if (n != expected) throw new IllegalStateException(n + " rows written, " + expected + " expected: " + sql);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** A row of a statement's result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (with {@code RETURNING}) and hands each returned row to {@code reader}; as {@link #execute}. */
    static void query(Handle h, String sql, Unnest rows, RowReader reader) {
        Connection c = h.getConnection();
        try (PreparedStatement s = rows.bind(c, c.prepareStatement(sql)); ResultSet rs = s.executeQuery()) {
            while (rs.next()) reader.read(rs);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
