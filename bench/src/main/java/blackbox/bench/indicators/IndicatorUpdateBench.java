package blackbox.bench.indicators;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.indicators.RandomCandles;
import blackbox.candles.indicators.StreamingIndicator;
import blackbox.candles.indicators.Ta4jOracle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The cost of one candle close, per indicator: BlackBox's streaming indicator ({@code close}) against ta4j with
 * its fastest number type ({@link DoubleNumFactory}) the way ta4j streams — add the bar to the series, read the
 * indicator at the new index. Each invocation runs a fresh instance over {@value #CANDLES} random-walk 1-minute
 * candles (the series the oracle tests use), so warm-up and steady state are both in the average.
 *
 * <p>ta4j 0.22 has no session-anchored VWAP; its baseline is ta4j's {@link VWAPIndicator} over the bars since the
 * session's first candle (what the oracle tests compare against), built per bar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(IndicatorUpdateBench.CANDLES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IndicatorUpdateBench {
    static final int CANDLES = 20_000;
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Param({"sma(20)", "ema(9)", "wma(20)", "rsi(14)", "macd(12,26,9)", "bbands(20,2)", "atr(14)", "stoch(14,3)",
            "obv", "vwap"})
    public String spec;

    private IndicatorSpec parsed;
    private List<Candle> candles;
    private List<Bar> bars;
    private List<Bar> vwapBars;
    private int[] sessionStart;
    private double[] out;

    @Setup
    public void setUp() {
        parsed = IndicatorSpec.parse(spec);
        candles = RandomCandles.walk(new SplittableRandom(42), CANDLES);
        bars = Ta4jOracle.series(candles, DoubleNumFactory.getInstance()).getBarData();
        out = new double[parsed.outputs().size()];
        // the VWAP baseline: bars whose typical price is the candle's own VWAP, and each bar's session start
        BarSeries template = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        sessionStart = new int[CANDLES];
        for (int i = 0; i < CANDLES; i++) {
            Bar bar = bars.get(i);
            Num vwap = bar.getAmount().dividedBy(bar.getVolume());
            template.barBuilder().timePeriod(bar.getTimePeriod()).endTime(bar.getEndTime()).openPrice(vwap)
                    .highPrice(vwap).lowPrice(vwap).closePrice(vwap).volume(bar.getVolume()).add();
            sessionStart[i] = i == 0 || !day(candles.get(i)).equals(day(candles.get(i - 1))) ? i : sessionStart[i - 1];
        }
        vwapBars = template.getBarData();
    }

    private static LocalDate day(Candle c) {
        return Instant.ofEpochSecond(0, c.bucketStart()).atZone(SAO_PAULO).toLocalDate();
    }

    @Benchmark
    public void blackbox(Blackhole bh) {
        StreamingIndicator indicator = IndicatorCatalog.create(parsed, SAO_PAULO);
        double[] values = out;
        for (int i = 0; i < CANDLES; i++) {
            bh.consume(indicator.close(candles.get(i), values));
            bh.consume(values[0]);
        }
    }

    @Benchmark
    public void ta4j(Blackhole bh) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        if (parsed.definition().name().equals("vwap")) {
            for (int i = 0; i < CANDLES; i++) {
                series.addBar(vwapBars.get(i));
                bh.consume(new VWAPIndicator(series, i - sessionStart[i] + 1).getValue(i));
            }
            return;
        }
        List<Indicator<Num>> indicators = Ta4jOracle.indicators(parsed, series, List.of(), SAO_PAULO);
        for (int i = 0; i < CANDLES; i++) {
            series.addBar(bars.get(i));
            int index = series.getEndIndex();
            for (Indicator<Num> indicator : indicators) {
                bh.consume(indicator.getValue(index));
            }
        }
    }
}
