package blackbox.gateway.replay;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@code blackbox-replay v1} file: the magic line and header at construction, then one row per
 * {@link #write}. Refuses an event older than the previous one. Not thread-safe.
 */
public final class ReplayWriter implements Closeable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(160);
    private long lastTs = Long.MIN_VALUE;
    private long rows;

    /** Writes the magic line and header to {@code out}, which this writer then owns. */
    public ReplayWriter(Writer out) throws IOException {
        this.out = out;
        out.write(ReplayFormat.MAGIC);
        out.write('\n');
        out.write(ReplayFormat.HEADER);
        out.write('\n');
    }

    /** Creates (or truncates) {@code file}. */
    public static ReplayWriter create(Path file) throws IOException {
        return new ReplayWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16));
    }

    /**
     * Appends one row.
     *
     * @throws IllegalStateException when {@code event.tsNanos()} is before the previous row's
     */
    public void write(ReplayEvent e) throws IOException {
        if (e.tsNanos() < lastTs) {
            throw new IllegalStateException("must be >= previous ts_nanos " + lastTs + ": ts_nanos=" + e.tsNanos());
        }
        lastTs = e.tsNanos();
        StringBuilder b = line;
        b.setLength(0);
        b.append(e.tsNanos()).append(',').append(e.ticker()).append(',').append(e.exchange()).append(',')
                .append(e.kind().name()).append(',');
        if (e.kind() == EventKind.K) {
            b.append(",,,,,,");
        } else {
            b.append(e.tradeNumber()).append(',').append(e.price().toPlainString()).append(',')
                    .append(e.quantity()).append(',').append(e.tradeType()).append(',').append(e.buyAgent())
                    .append(',').append(e.sellAgent()).append(',');
        }
        decimal(b, e.bid()).append(',');
        decimal(b, e.ask()).append(',');
        if (e.sourceSeq() != null) {
            b.append(e.sourceSeq().longValue());
        }
        b.append('\n');
        out.append(b);
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    private static StringBuilder decimal(StringBuilder b, BigDecimal v) {
        return v == null ? b : b.append(v.toPlainString());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
