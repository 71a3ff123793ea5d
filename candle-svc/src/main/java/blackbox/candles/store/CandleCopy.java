package blackbox.candles.store;

import blackbox.candles.core.Candle;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams candles as PostgreSQL COPY text ({@code FORMAT text}: tab-separated, newline-terminated), column order
 * {@link PgCandleStore#COLUMNS}. Tickers and exchanges are escaped (backslash, tab, newline, carriage return);
 * prices are the double's shortest text (float8 parses it back to the same double), financial volume its exact
 * integer units.
 */
final class CandleCopy {
    private static final int FLUSH_CHARS = 1 << 17;

    private CandleCopy() {
    }

    static long copy(Connection connection, String sql, Collection<Candle> candles) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder sb = new StringBuilder(FLUSH_CHARS + 1024);
            for (Candle c : candles) {
                row(sb, c);
                if (sb.length() >= FLUSH_CHARS) {
                    write(copy, sb);
                }
            }
            if (!sb.isEmpty()) write(copy, sb);
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

    private static void write(CopyIn copy, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    static void row(StringBuilder sb, Candle c) {
        text(sb, c.instrument().exchange());
        sb.append('\t');
        text(sb, c.instrument().ticker());
        sb.append('\t').append(c.timeframe().label())
                .append('\t').append(c.bucketStart())
                .append('\t').append(c.open())
                .append('\t').append(c.high())
                .append('\t').append(c.low())
                .append('\t').append(c.close())
                .append('\t').append(c.volume())
                .append('\t').append(c.financialVolumeUnits())
                .append('\t').append(c.tradeCount())
                .append('\t').append(c.buyVolume())
                .append('\t').append(c.sellVolume())
                .append('\t').append(c.openTime())
                .append('\t').append(c.openTradeNumber())
                .append('\t').append(c.closeTime())
                .append('\t').append(c.closeTradeNumber())
                .append('\n');
    }

    private static void text(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }
}
