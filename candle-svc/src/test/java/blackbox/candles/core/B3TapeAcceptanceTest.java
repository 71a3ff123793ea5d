package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the real B3 tape ({@code ../shared/data/b3-btg-2025/trades/PETR4_*.csv}, never copied into the
 * repository): each session's 1d high/low equal the highest/lowest trade price of that session, and every higher
 * candle equals the merge of its 1m candles. Skipped, saying why, when the data is absent.
 */
class B3TapeAcceptanceTest {
    /** {@code 2025-03-05 20:27:00.552437+00:00}: 0 to 9 fraction digits. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("xxx").toFormatter();
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    @Test
    void dailyHighLowAreTheSessionExtremesAndHigherTimeframesMergeTheir1mCandles() throws IOException {
        Path root = repoRoot();
        Path dir = root == null ? null : root.resolve("../shared/data/b3-btg-2025/trades").normalize();
        List<Path> files;
        if (dir == null || !Files.isDirectory(dir)) {
            files = List.of();
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().matches("PETR4_.*\\.csv")).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            String reason = "B3 tape absent (" + dir + "/PETR4_*.csv): acceptance on real data skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }

        Buckets buckets = new Buckets();
        CandleAggregator aggregator = new CandleAggregator(buckets);
        int petr4 = aggregator.register(PETR4);
        Map<LocalDate, double[]> extremes = new HashMap<>(); // session date -> {high, low}
        long trades = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.getFirst().split(","));
            int seq = header.indexOf("rpt_seq");
            int time = header.indexOf("network_received_time");
            int type = header.indexOf("event_type");
            int px = header.indexOf("md_entry_px");
            int size = header.indexOf("md_entry_size");
            int aggressor = header.indexOf("aggressor");
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
                aggregator.onTrade(petr4, t, price, quantity, Long.parseLong(f[seq]), tradeType);
                double[] hl = extremes.computeIfAbsent(buckets.sessionDate(t),
                        d -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                hl[0] = Math.max(hl[0], price);
                hl[1] = Math.min(hl[1], price);
                trades++;
            }
        }
        assertTrue(trades > 0, "no trade rows in " + files);

        List<Candle> days = aggregator.candles(PETR4, Timeframe.D1);
        assertEquals(extremes.size(), days.size());
        for (Candle day : days) {
            double[] hl = extremes.get(buckets.sessionDate(day.bucketStart()));
            assertEquals(hl[0], day.high(), "high of " + buckets.sessionDate(day.bucketStart()));
            assertEquals(hl[1], day.low(), "low of " + buckets.sessionDate(day.bucketStart()));
        }
        List<Candle> minutes = aggregator.candles(PETR4, Timeframe.M1);
        int checked = 0;
        for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15, Timeframe.M60, Timeframe.D1, Timeframe.W1)) {
            for (Candle c : aggregator.candles(PETR4, tf)) {
                long end = buckets.bucketEnd(tf, c.bucketStart());
                List<Candle> inside = minutes.stream()
                        .filter(m -> m.bucketStart() >= c.bucketStart() && m.bucketStart() < end).toList();
                assertEquals(c, CandleMerge.merge(tf, c.bucketStart(), inside));
                checked++;
            }
        }
        System.out.printf("B3 tape: %d PETR4 trades in %d files, %d sessions, %d 1m candles, %d higher candles checked%n",
                trades, files.size(), days.size(), minutes.size(), checked);
    }

    private static Path repoRoot() {
        String property = System.getProperty("blackbox.repo.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples"))) {
                return p;
            }
        }
        return null;
    }
}
