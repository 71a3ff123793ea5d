package blackbox.gateway.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Command line: converts source files into one replay file and prints a summary. See {@link #USAGE}. */
public final class ImportMain {
    static final String USAGE = """
            usage: ImportMain --format b3-umdf|binance|csv [--mapping TEXT] [--binance-qty-scale N] --out FILE FILE...
              Converts FILE... (all of one format) into one blackbox-replay v1 file sorted by time.
              --format b3-umdf         B3 UMDF CSV (BTG); trades numbered 1.. per ticker and session, in FILE order
              --format binance         Binance trade CSV named spot_*, usdm_* or cm_*
              --format csv             any CSV with a header, read through --mapping, e.g.
                                       ts=time:epoch_ms,price=px,quantity=qty,side=side:B/S,ticker=@PETR4,exchange=@B
              --binance-qty-scale N    multiply Binance quantities by N (default 100000000 spot/usdm, 1 cm)
              --out FILE               the replay file, replaced only when the import completes
            exit status: 0 the import completed; rejected rows (if any) are counted and the first ones printed,
                         the good rows are written
                         1 the import failed (unreadable input, input not of the format); nothing written
                         2 bad usage""";
    private static final int SHOWN_ERRORS = 10;

    private ImportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (ReplayException e) {
            err.println("bad usage: " + e.getMessage() + " (--help for usage)");
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            ImportProgress progress = progressPrinter(options.inputs(), err);
            ImportReport report = new ReplayImporter(options.source(), progress)
                    .importFiles(options.inputs(), options.out());
            print(report, out);
            return 0;
        } catch (ReplayException | IOException e) {
            err.println("import failed, nothing written: " + e);
            return 1;
        }
    }

    /** Prints the import's summary (output, rows, instruments, time range, notes, first rejections) to {@code out}. */
    public static void print(ImportReport r, PrintStream out) {
        out.println("wrote " + r.output());
        out.println("rows: read " + r.rowsRead() + ", written " + r.rowsWritten() + ", rejected " + r.rowsRejected());
        StringBuilder instruments = new StringBuilder("instruments:");
        for (Map.Entry<Instrument, Long> e : r.eventsPerInstrument().entrySet()) {
            instruments.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        out.println(instruments);
        if (r.firstTsNanos().isPresent()) {
            out.println("time (UTC):       " + time(r.firstTsNanos(), ZoneOffset.UTC) + " .. "
                    + time(r.lastTsNanos(), ZoneOffset.UTC));
            out.println("time (São Paulo): " + time(r.firstTsNanos(), null) + " .. " + time(r.lastTsNanos(), null));
        }
        r.notes().forEach(n -> out.println("note: " + n));
        if (r.rowsRejected() > 0) {
            int shown = Math.min(SHOWN_ERRORS, r.firstErrors().size());
            out.println("rejected rows (first " + shown + " of " + r.rowsRejected() + "):");
            r.firstErrors().stream().limit(shown).forEach(e -> out.println("  " + e));
        }
    }

    private static String time(OptionalLong nanos, ZoneOffset utc) {
        Instant instant = Instant.ofEpochSecond(0, nanos.getAsLong());
        return (utc != null ? OffsetDateTime.ofInstant(instant, utc)
                : instant.atZone(SessionNumbering.SAO_PAULO).toOffsetDateTime()).toString();
    }

    /** Progress on stderr every 10 % for inputs of 64 MiB or more; silent otherwise. */
    private static ImportProgress progressPrinter(List<Path> inputs, PrintStream err) throws IOException {
        long total = 0;
        for (Path p : inputs) {
            total += Files.size(p);
        }
        if (total < 64L << 20) {
            return ImportProgress.NONE;
        }
        int[] lastTenth = {0};
        return (read, all) -> {
            int tenth = (int) (read * 10 / Math.max(all, 1));
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                err.println("read " + tenth * 10 + "% (" + (read >> 20) + " of " + (all >> 20) + " MiB)");
            }
        };
    }

    /**
     * The source for a {@code --format} value.
     *
     * @param mapping the column mapping text, required for {@code csv}, else null
     * @param binanceQtyScale the quantity scale for {@code binance}, or null for the default
     * @throws ReplayException naming the option and value when the format is unknown or a mapping is missing/bad
     */
    public static ReplaySource source(String format, String mapping, Long binanceQtyScale) {
        return switch (format) {
            case "b3-umdf" -> new B3UmdfCsvSource();
            case "binance" -> new BinanceTradeCsvSource(
                    binanceQtyScale == null ? OptionalLong.empty() : OptionalLong.of(binanceQtyScale));
            case "csv" -> {
                if (mapping == null) {
                    throw new ReplayException("--format csv needs --mapping TEXT");
                }
                yield new GenericCsvSource(ColumnMapping.parse(mapping));
            }
            default -> throw new ReplayException("must be b3-umdf, binance or csv: --format=" + format);
        };
    }

    /** Parsed arguments; {@link #parse} returns {@code null} for {@code --help}. */
    record Options(ReplaySource source, Path out, List<Path> inputs) {
        static Options parse(String[] args) {
            String format = null;
            String mapping = null;
            Long qtyScale = null;
            Path out = null;
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--format" -> format = value(args, ++i, a);
                    case "--mapping" -> mapping = value(args, ++i, a);
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--binance-qty-scale" -> qtyScale = scale(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new ReplayException("unknown option: " + a);
                        }
                        inputs.add(Path.of(a));
                    }
                }
            }
            if (format == null) {
                throw new ReplayException("missing --format b3-umdf|binance|csv");
            }
            if (!List.of("b3-umdf", "binance", "csv").contains(format)) {
                throw new ReplayException("must be b3-umdf, binance or csv: --format=" + format);
            }
            if (out == null) {
                throw new ReplayException("missing --out FILE");
            }
            if (inputs.isEmpty()) {
                throw new ReplayException("no input FILE");
            }
            for (Path input : inputs) {
                if (!Files.isRegularFile(input)) {
                    throw new ReplayException("no such file: " + input);
                }
            }
            if (mapping != null && !format.equals("csv")) {
                throw new ReplayException("--mapping is only for --format csv");
            }
            if (qtyScale != null && !format.equals("binance")) {
                throw new ReplayException("--binance-qty-scale is only for --format binance");
            }
            return new Options(ImportMain.source(format, mapping, qtyScale), out, List.copyOf(inputs));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new ReplayException("missing value after " + option);
            }
            return args[i];
        }

        private static long scale(String text) {
            try {
                long v = Long.parseLong(text);
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ReplayException("must be an integer > 0: --binance-qty-scale=" + text);
        }
    }
}
