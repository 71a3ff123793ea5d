package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the real B3 tape ({@code ../shared/data/b3-btg-2025/trades/PETR4_*.csv}, never copied into the
 * repository): each session's 1d high/low equal the highest/lowest trade price of that session, and every higher
 * candle equals the merge of its 1m candles. Skipped, saying why, when the data is absent.
 */
class B3TapeAcceptanceTest {
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    @Test
    void dailyHighLowAreTheSessionExtremesAndHigherTimeframesMergeTheir1mCandles() throws IOException {
        List<Path> files = B3Tape.filesOrAbort("PETR4_.*\\.csv");
        Buckets buckets = new Buckets();
        CandleAggregator aggregator = new CandleAggregator(buckets);
        int petr4 = aggregator.register(PETR4);
        Map<LocalDate, double[]> extremes = new HashMap<>(); // session date -> {high, low}
        long trades = 0;
        for (Path file : files) {
            trades += B3Tape.readTrades(file, (t, price, quantity, number, tradeType) -> {
                aggregator.onTrade(petr4, t, price, quantity, number, tradeType);
                double[] hl = extremes.computeIfAbsent(buckets.sessionDate(t),
                        d -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                hl[0] = Math.max(hl[0], price);
                hl[1] = Math.min(hl[1], price);
            });
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
}
