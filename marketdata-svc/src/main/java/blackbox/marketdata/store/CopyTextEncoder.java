package blackbox.marketdata.store;

import blackbox.marketdata.core.TradeRow;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Encodes trade rows as PostgreSQL COPY text ({@code FORMAT text}: tab-separated, newline-terminated) into a
 * reused byte buffer, without a String per row. Column order is {@link PgTradeStore#COLUMNS}.
 *
 * <p>Text needs no escaping: tickers and exchanges match {@link InstrumentId}'s
 * patterns (ASCII letters, digits, {@code _ . -}), everything else is a number or a date. Prices and volumes
 * are written as the double's shortest decimal text without exponent ({@code 1.0E-4} becomes
 * {@code 0.0001}), so {@code numeric} holds exactly the decimal the double stands for.
 *
 * <p>Not thread-safe: one per writer.
 */
final class CopyTextEncoder {
    private byte[] buffer;
    private int length;
    private final StringBuilder decimal = new StringBuilder(32);

    CopyTextEncoder(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    /** Appends one row. */
    void row(TradeRow r) {
        ensure(256);
        text(r.instrument().exchange());
        tab();
        text(r.instrument().ticker());
        tab();
        date(r.tradingDay());
        tab();
        integer(r.tradeNumber());
        tab();
        integer(r.timeNanos());
        tab();
        decimal(r.price(), r);
        tab();
        integer(r.quantity());
        tab();
        decimal(r.volume(), r);
        tab();
        integer(r.buyAgent());
        tab();
        integer(r.sellAgent());
        tab();
        integer(r.tradeType());
        tab();
        integer(r.receivedNanos());
        buffer[length++] = '\n';
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    private void tab() {
        buffer[length++] = '\t';
    }

    private void ensure(int more) {
        if (length + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    private void text(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7f || c < 0x20 || c == '\\') {
                throw new IllegalArgumentException("not COPY-safe text (the InstrumentId pattern forbids it): \"" + s + "\"");
            }
            buffer[length++] = (byte) c;
        }
    }

    private void date(LocalDate day) {
        int year = day.getYear();
        if (year < 1000 || year > 9999) {
            text(day.toString());
            return;
        }
        ensure(10);
        fixed(year, 4);
        buffer[length++] = '-';
        fixed(day.getMonthValue(), 2);
        buffer[length++] = '-';
        fixed(day.getDayOfMonth(), 2);
    }

    private void fixed(int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private void integer(long value) {
        if (value == Long.MIN_VALUE) {
            text(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        for (int i = digits - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        length += digits;
    }

    private void decimal(double value, TradeRow row) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("price and volume must be finite: " + value + " in " + row);
        }
        decimal.setLength(0);
        decimal.append(value); // shortest decimal that round-trips (JDK 19+), no String allocated
        int n = decimal.length();
        boolean exponent = false;
        for (int i = 0; i < n; i++) {
            if (decimal.charAt(i) == 'E') {
                exponent = true;
                break;
            }
        }
        if (exponent) {
            String plain = new BigDecimal(decimal.toString()).stripTrailingZeros().toPlainString();
            decimal.setLength(0);
            decimal.append(plain);
            n = decimal.length();
        } else if (n > 2 && decimal.charAt(n - 2) == '.' && decimal.charAt(n - 1) == '0') {
            n -= 2; // "38.0" -> "38"
        }
        ensure(n);
        for (int i = 0; i < n; i++) buffer[length++] = (byte) decimal.charAt(i);
    }
}
