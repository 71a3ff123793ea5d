package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the events of a {@code blackbox-replay v1} file, validating every field. The first bad line
 * ends the read with a {@link ReplayFormatException} naming file, line, field and value. Not thread-safe.
 */
public final class ReplayReader implements Closeable {
    private final String file;
    private final BufferedReader in;
    private long line;
    private long lastTs = Long.MIN_VALUE;

    /**
     * Reads and checks the magic line and header.
     *
     * @param file the name used in errors
     */
    public ReplayReader(String file, BufferedReader in) throws IOException {
        this.file = file;
        this.in = in;
        expect(ReplayFormat.MAGIC, "magic");
        expect(ReplayFormat.HEADER, "header");
    }

    public static ReplayReader open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return new ReplayReader(file.toString(), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The next event, or {@code null} at the end of the file. */
    public ReplayEvent next() throws IOException {
        String text;
        do {
            text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.startsWith("#"));
        try {
            return parse(text);
        } catch (FieldException e) {
            throw new ReplayFormatException(e.toRowError(file, line));
        }
    }

    /** The remaining events as a stream; I/O failures surface as {@link UncheckedIOException}. Close the reader. */
    public Stream<ReplayEvent> stream() {
        Iterator<ReplayEvent> it = new Iterator<>() {
            private ReplayEvent next = advance();

            private ReplayEvent advance() {
                try {
                    return ReplayReader.this.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ReplayEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ReplayEvent current = next;
                next = advance();
                return current;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private ReplayEvent parse(String text) {
        String[] f = Csv.split(text);
        if (f.length != ReplayFormat.COLUMNS.size()) {
            throw Csv.columnCount(ReplayFormat.COLUMNS.size(), f.length);
        }
        long ts = Fields.parseLong("ts_nanos", f[0]);
        if (ts < lastTs) {
            throw FieldException.of("ts_nanos", f[0], "must be >= previous ts_nanos " + lastTs);
        }
        String ticker = CsvSource.ticker("ticker", f[1]);
        String exchange = CsvSource.exchange("exchange", f[2]);
        EventKind kind = EventKind.ofCode(f[3]);
        if (kind == null) {
            throw FieldException.of("event", f[3], "must be T, E or K");
        }
        BigDecimal bid = optionalPrice("bid", f[10]);
        BigDecimal ask = optionalPrice("ask", f[11]);
        Long seq = f[12].isEmpty() ? null : Fields.parseLong("source_seq", f[12]);
        ReplayEvent event;
        if (kind == EventKind.K) {
            for (int i = 4; i <= 9; i++) {
                if (!f[i].isEmpty()) {
                    throw FieldException.of(ReplayFormat.COLUMNS.get(i), f[i], "must be empty for a K event");
                }
            }
            event = ReplayEvent.book(ts, ticker, exchange, bid, ask, seq);
        } else {
            long number = Fields.parseUint32("trade_number", f[4]);
            BigDecimal price = price("price", f[5]);
            long quantity = Fields.parseLong("quantity", f[6]);
            if (quantity <= 0) {
                throw FieldException.of("quantity", f[6], "must be > 0");
            }
            int tradeType = (int) Fields.parseLong("trade_type", f[7]);
            if (!f[7].equals(Integer.toString(tradeType)) || tradeType < 0 || tradeType > 255) {
                throw FieldException.of("trade_type", f[7], "must be in 0..255");
            }
            int buyAgent = agent("buy_agent", f[8]);
            int sellAgent = agent("sell_agent", f[9]);
            event = ReplayEvent.trade(ts, ticker, exchange, kind, number, price, quantity, tradeType, buyAgent,
                    sellAgent, bid, ask, seq);
        }
        lastTs = ts;
        return event;
    }

    private static int agent(String field, String value) {
        long v = Fields.parseLong(field, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw FieldException.of(field, value, "must fit int32");
        }
        return (int) v;
    }

    /** A plain decimal &gt; 0: digits, optionally a dot and more digits; no sign, no exponent. */
    private static BigDecimal price(String field, String value) {
        int dot = value.indexOf('.');
        boolean plain = !value.isEmpty() && dot != 0 && dot != value.length() - 1;
        for (int i = 0; plain && i < value.length(); i++) {
            char c = value.charAt(i);
            plain = (c >= '0' && c <= '9') || (c == '.' && i == dot);
        }
        if (!plain) {
            throw FieldException.of(field, value, "must be a plain decimal like 35.02");
        }
        BigDecimal v = new BigDecimal(value);
        if (v.signum() <= 0) {
            throw FieldException.of(field, value, "must be > 0");
        }
        return v;
    }

    private static BigDecimal optionalPrice(String field, String value) {
        return value.isEmpty() ? null : price(field, value);
    }

    private void expect(String expected, String field) throws IOException {
        String text = in.readLine();
        line++;
        if (!expected.equals(text)) {
            throw new ReplayFormatException(new RowError(file, line, field, String.valueOf(text),
                    "must be '" + expected + "': " + field + "=" + text));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
