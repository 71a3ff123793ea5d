package blackbox.candles.core;

import blackbox.testkit.TestStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real B3 tape in {@code ../shared/data/b3-btg-2025/trades} (UMDF prints, never copied into the repository):
 * finds its files and reads their trades. Tests on it are acceptance runs: absent data aborts them, saying why.
 */
public final class B3Tape {
    /** {@code 2025-03-05 20:27:00.552437+00:00}: 0 to 9 fraction digits. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("xxx").toFormatter();

    /** One trade row. */
    @FunctionalInterface
    public interface TradeSink {
        /** @param tradeType {@link CandleAggregator#BUY_AGGRESSOR}, {@link CandleAggregator#SELL_AGGRESSOR} or 1 */
        void trade(long timeNanos, double price, long quantity, long tradeNumber, int tradeType);
    }

    private B3Tape() {
    }

    /**
     * @param fileNamePattern a regex on file names, e.g. {@code PETR4_.*\.csv}
     * @return the matching files, sorted; aborts the calling test (with a printed reason) when there are none
     */
    public static List<Path> filesOrAbort(String fileNamePattern) throws IOException {
        Path dir = TestStack.skipUnlessSharedData("b3-btg-2025/trades");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(fileNamePattern)).sorted().toList();
        }
        if (files.isEmpty()) {
            String reason = "B3 tape absent (" + dir + "/" + fileNamePattern + "): acceptance on real data skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return files;
    }

    /**
     * Reads every trade row of a file (book rows skipped), prices rounded to the 0.01 tick.
     *
     * @return the number of trades read
     */
    public static long readTrades(Path file, TradeSink sink) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.getFirst().split(","));
        int seq = header.indexOf("rpt_seq");
        int time = header.indexOf("network_received_time");
        int type = header.indexOf("event_type");
        int px = header.indexOf("md_entry_px");
        int size = header.indexOf("md_entry_size");
        int aggressor = header.indexOf("aggressor");
        long trades = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[type].equals("trade")) {
                continue;
            }
            long t = Buckets.nanos(OffsetDateTime.parse(f[time], TIME).toInstant());
            double price = new BigDecimal(f[px]).setScale(2, RoundingMode.HALF_UP).doubleValue();
            long quantity = new BigDecimal(f[size]).longValueExact();
            int tradeType = switch (f[aggressor]) {
                case "4" -> CandleAggregator.BUY_AGGRESSOR;
                case "3" -> CandleAggregator.SELL_AGGRESSOR;
                default -> 1;
            };
            sink.trade(t, price, quantity, Long.parseLong(f[seq]), tradeType);
            trades++;
        }
        return trades;
    }
}
