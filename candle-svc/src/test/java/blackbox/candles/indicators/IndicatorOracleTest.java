package blackbox.candles.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import blackbox.candles.core.B3Tape;
import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregator;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ta4j.core.num.DecimalNumFactory;

/**
 * Every indicator against ta4j (0.22.2, decimal arithmetic, 32 digits) on real B3 candles and on random series: the
 * same readiness at every bar (so the same first ready bar), and values equal within 1e-9 relative once ready.
 * Values that cross zero (the MACD histogram) are compared with an absolute floor of 1e-12 × the series' highest
 * price. Before each close the forming candle's provisional value is asked twice — once for an unrelated candle,
 * once for the real one — proving it equals the final value and disturbs nothing. And each series is computed a
 * second time from per-day checkpoints (at every session's first candle the indicator is checkpointed and a fresh
 * instance restored from the state continues), bit for bit equal to the full computation.
 */
class IndicatorOracleTest {
    static final List<String> SPECS = List.of("sma(20)", "sma(1)", "ema(9)", "ema(1)", "wma(10)", "rsi(14)",
            "rsi(2)", "macd(12,26,9)", "macd(3,5,9)", "bbands(20,2)", "bbands(5,2.5)", "atr(14)", "stoch(14,3)",
            "stoch(5,1)", "obv", "vwap");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");

    @Test
    void randomSeriesMatchTa4j() {
        int bars = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<Candle> candles = RandomCandles.walk(new SplittableRandom(seed), 1200);
            for (String spec : SPECS) {
                compare(spec, candles, "random seed " + seed);
            }
            bars += candles.size();
        }
        System.out.printf("indicators vs ta4j: %d specs on %d random bars%n", SPECS.size(), bars);
    }

    @Test
    void realB3CandlesMatchTa4jInEveryTimeframe() throws IOException {
        List<Path> files = B3Tape.filesOrAbort("PETR4_.*\\.csv");
        CandleAggregator aggregator = new CandleAggregator(new Buckets());
        int petr4 = aggregator.register(PETR4);
        for (Path file : files) {
            B3Tape.readTrades(file, (t, price, quantity, number, type) -> aggregator.onTrade(petr4, t, price, quantity,
                    number, type));
        }
        StringBuilder summary = new StringBuilder();
        for (Timeframe tf : Timeframe.values()) {
            List<Candle> candles = aggregator.candles(PETR4, tf);
            for (String spec : SPECS) {
                compare(spec, candles, "PETR4 " + tf.label());
            }
            summary.append(' ').append(tf.label()).append('=').append(candles.size());
        }
        System.out.println("indicators vs ta4j on the B3 tape, PETR4 candles:" + summary);
    }

    @Test
    void aSeriesThatNeverWarmsUpIsNeverReady() {
        List<Candle> candles = RandomCandles.walk(new SplittableRandom(7), 25);
        StreamingIndicator macd = IndicatorCatalog.create("macd(12,26,9)", SAO_PAULO);
        double[] out = new double[3];
        for (Candle c : candles) {
            assertTrue(!macd.provisional(c, out) && !macd.close(c, out), "macd ready before bar 26");
        }
    }

    static void compare(String text, List<Candle> candles, String what) {
        IndicatorSpec spec = IndicatorSpec.parse(text);
        compareCheckpointed(spec, candles, what);
        Ta4jOracle.Expected expected = Ta4jOracle.expected(spec, candles, DecimalNumFactory.getInstance(32), SAO_PAULO);
        StreamingIndicator ours = IndicatorCatalog.create(spec, SAO_PAULO);
        double scale = candles.stream().mapToDouble(Candle::high).max().orElse(1);
        double[] out = new double[spec.outputs().size()];
        double[] provisional = new double[out.length];
        int firstReady = -1;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            ours.provisional(candles.get((i * 7 + 3) % candles.size()), provisional); // must not disturb
            boolean provisionalReady = ours.provisional(c, provisional);
            boolean ready = ours.close(c, out);
            String where = what + " " + spec + " bar " + i;
            assertEquals(expected.ready()[i], ready, where + ": readiness");
            assertEquals(ready, provisionalReady, where + ": provisional readiness");
            if (!ready) {
                continue;
            }
            if (firstReady < 0) firstReady = i;
            for (int o = 0; o < out.length; o++) {
                assertClose(expected.values()[i][o], out[o], scale, where + " " + spec.outputs().get(o));
                assertEquals(out[o], provisional[o], 0.0, where + " " + spec.outputs().get(o) + ": provisional");
            }
        }
    }

    /**
     * The full computation against one continued from a checkpoint at the first candle of every São Paulo day (and
     * from a round trip of the fresh state): the same readiness and the very same doubles at every bar.
     */
    static void compareCheckpointed(IndicatorSpec spec, List<Candle> candles, String what) {
        StreamingIndicator full = IndicatorCatalog.create(spec, SAO_PAULO);
        StreamingIndicator resumed = IndicatorCatalog.create(spec, SAO_PAULO);
        resumed.restore(IndicatorCatalog.create(spec, SAO_PAULO).checkpoint());
        double[] want = new double[spec.outputs().size()];
        double[] got = new double[want.length];
        java.time.LocalDate day = null;
        int checkpoints = 0;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            java.time.LocalDate d = java.time.Instant.ofEpochSecond(0, c.bucketStart()).atZone(SAO_PAULO).toLocalDate();
            if (!d.equals(day)) {
                StreamingIndicator fresh = IndicatorCatalog.create(spec, SAO_PAULO);
                fresh.restore(resumed.checkpoint());
                resumed = fresh;
                day = d;
                checkpoints++;
            }
            boolean wantReady = full.close(c, want);
            boolean gotReady = resumed.close(c, got);
            String where = what + " " + spec + " bar " + i + " (checkpointed)";
            assertEquals(wantReady, gotReady, where + ": readiness");
            if (wantReady) {
                for (int o = 0; o < want.length; o++) {
                    assertEquals(Double.doubleToRawLongBits(want[o]), Double.doubleToRawLongBits(got[o]),
                            () -> where + ": " + want[0] + " vs " + got[0]);
                }
            }
        }
        assertTrue(candles.size() < 2 || checkpoints > 1, what + ": the series spans days");
    }

    @Test
    void aStateIsRestoredOnlyIntoItsOwnSpec() {
        byte[] ema9 = IndicatorCatalog.create("ema(9)", SAO_PAULO).checkpoint();
        StreamingIndicator ema10 = IndicatorCatalog.create("ema(10)", SAO_PAULO);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ema10.restore(ema9));
        assertTrue(e.getMessage().contains("must be a state of ema(10)"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IndicatorCatalog.create("ema(9)", SAO_PAULO).restore(java.util.Arrays.copyOf(ema9, ema9.length + 8)));
    }

    static void assertClose(double expected, double actual, double scale, String where) {
        double tolerance = Math.max(1e-9 * Math.max(Math.abs(expected), Math.abs(actual)), 1e-12 * scale);
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(where + ": expected " + expected + " (ta4j), was " + actual + ", difference "
                    + Math.abs(expected - actual) + " > " + tolerance);
        }
    }
}
