package blackbox.candles.indicators;

import blackbox.candles.core.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * ta4j 0.24 as the test oracle: builds ta4j's own indicator for a spec over a series of our candles and reads its
 * values. A bar is ready in ta4j's terms when its index has passed every output's count of unstable bars and every
 * output is a number. ta4j 0.22.2: the later releases on Maven Central cannot be resolved (their parent POM is
 * missing); the indicators compared here have the same semantics in 0.24.
 */
public final class Ta4jOracle {
    /** Expected values: {@code values[bar][output]}, meaningful where {@code ready[bar]}. */
    public record Expected(boolean[] ready, double[][] values) {
    }

    private Ta4jOracle() {
    }

    /** @return a ta4j series of the candles (bar end = bucket start + duration; amount = exact financial volume) */
    public static BarSeries series(List<Candle> candles, NumFactory numbers) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(numbers).build();
        for (Candle c : candles) {
            Duration period = Duration.ofMinutes(1);
            Instant begin = Instant.ofEpochSecond(0, c.bucketStart());
            series.barBuilder().timePeriod(period).endTime(begin.plus(period))
                    .openPrice(c.open()).highPrice(c.high()).lowPrice(c.low()).closePrice(c.close())
                    .volume(c.volume()).amount(new BigDecimal(c.financialVolumeUnits()).movePointLeft(4))
                    .trades(c.tradeCount()).add();
        }
        return series;
    }

    /** ta4j's indicators for the spec's outputs, in output order. */
    public static List<Indicator<Num>> indicators(IndicatorSpec spec, BarSeries series, List<Candle> candles,
                                                  ZoneId zone) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        double[] p = spec.parameters();
        return switch (spec.definition().name()) {
            case "sma" -> List.of(new SMAIndicator(close, (int) p[0]));
            case "ema" -> List.of(new EMAIndicator(close, (int) p[0]));
            case "wma" -> List.of(new WMAIndicator(close, (int) p[0]));
            case "rsi" -> List.of(new RSIIndicator(close, (int) p[0]));
            case "macd" -> {
                MACDIndicator macd = new MACDIndicator(close, (int) p[0], (int) p[1]);
                yield List.of(macd, macd.getSignalLine((int) p[2]), macd.getHistogram((int) p[2]));
            }
            case "bbands" -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, (int) p[0]));
                StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, (int) p[0]);
                Num k = series.numFactory().numOf(p[1]);
                yield List.of(middle, new BollingerBandsUpperIndicator(middle, deviation, k),
                        new BollingerBandsLowerIndicator(middle, deviation, k));
            }
            case "atr" -> List.of(new ATRIndicator(series, (int) p[0]));
            case "stoch" -> {
                StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, (int) p[0]);
                yield List.of(k, new StochasticOscillatorDIndicator(new SMAIndicator(k, (int) p[1])));
            }
            case "obv" -> List.of(new OnBalanceVolumeIndicator(series));
            case "vwap" -> List.of(new SessionVwapOracle(series, candles, zone));
            default -> throw new IllegalArgumentException("no oracle for " + spec);
        };
    }

    /** Every bar's expected values for the spec over the candles, in exact decimal arithmetic. */
    public static Expected expected(IndicatorSpec spec, List<Candle> candles, NumFactory numbers, ZoneId zone) {
        BarSeries series = series(candles, numbers);
        List<Indicator<Num>> outputs = indicators(spec, series, candles, zone);
        int unstable = outputs.stream().mapToInt(Indicator::getCountOfUnstableBars).max().orElse(0);
        boolean[] ready = new boolean[candles.size()];
        double[][] values = new double[candles.size()][outputs.size()];
        for (int i = 0; i < candles.size(); i++) {
            boolean ok = i >= unstable;
            for (int o = 0; o < outputs.size(); o++) {
                Num v = outputs.get(o).getValue(i);
                if (Num.isNaNOrNull(v) || !Double.isFinite(v.doubleValue())) {
                    ok = false;
                } else {
                    values[i][o] = v.doubleValue();
                }
            }
            ready[i] = ok;
        }
        return new Expected(ready, values);
    }

    /**
     * ta4j's {@link VWAPIndicator} over the bars since the session's first candle. ta4j weighs each bar's typical
     * price; the oracle's bars are the candles with high = low = close = the candle's own VWAP (exact financial
     * volume / volume), so the typical price is that VWAP and the result is the session VWAP of the trades.
     */
    private static final class SessionVwapOracle extends CachedIndicator<Num> {
        private final BarSeries vwapBars;
        private final int[] sessionStart;

        SessionVwapOracle(BarSeries series, List<Candle> candles, ZoneId zone) {
            super(series);
            this.vwapBars = new BaseBarSeriesBuilder().withNumFactory(series.numFactory()).build();
            this.sessionStart = new int[candles.size()];
            for (int i = 0; i < candles.size(); i++) {
                Bar bar = series.getBar(i);
                Num vwap = bar.getAmount().dividedBy(bar.getVolume());
                vwapBars.barBuilder().timePeriod(bar.getTimePeriod()).endTime(bar.getEndTime()).openPrice(vwap)
                        .highPrice(vwap).lowPrice(vwap).closePrice(vwap).volume(bar.getVolume()).add();
                boolean newSession = i == 0 || !day(candles.get(i), zone).equals(day(candles.get(i - 1), zone));
                sessionStart[i] = newSession ? i : sessionStart[i - 1];
            }
        }

        private static LocalDate day(Candle c, ZoneId zone) {
            return Instant.ofEpochSecond(0, c.bucketStart()).atZone(zone).toLocalDate();
        }

        @Override
        protected Num calculate(int index) {
            return new VWAPIndicator(vwapBars, index - sessionStart[index] + 1).getValue(index);
        }

        @Override
        public int getCountOfUnstableBars() {
            return 0;
        }
    }
}
