package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ConstantIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The oracle's side: our conditions as ta4j 0.22.2 rules over a ta4j series of the same candles, in ta4j's exact
 * decimals (so a tie between a moving average and a price is a tie, as {@code DeclarativeStrategy.compare} calls it).
 */
final class Ta4jRules {
    private Ta4jRules() {
    }

    static BarSeries series(List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DecimalNumFactory.getInstance()).build();
        Duration period = Duration.ofMinutes(1);
        for (Candle c : candles) {
            Instant begin = Instant.ofEpochSecond(0, c.bucketStart());
            series.barBuilder().timePeriod(period).endTime(begin.plus(period)).openPrice(c.open())
                    .highPrice(c.high()).lowPrice(c.low()).closePrice(c.close()).volume(c.volume()).add();
        }
        return series;
    }

    static Rule rule(Condition c, BarSeries s) {
        return switch (c) {
            case Condition.And a -> rule(a.left(), s).and(rule(a.right(), s));
            case Condition.Or o -> rule(o.left(), s).or(rule(o.right(), s));
            case Condition.Cross x -> x.above()
                    ? new CrossedUpIndicatorRule(indicator(x.left(), s), indicator(x.right(), s))
                    : new CrossedDownIndicatorRule(indicator(x.left(), s), indicator(x.right(), s));
            case Condition.Compare k -> {
                Indicator<Num> l = indicator(k.left(), s);
                Indicator<Num> r = indicator(k.right(), s);
                yield switch (k.op()) {
                    case GT -> new OverIndicatorRule(l, r);
                    case LT -> new UnderIndicatorRule(l, r);
                    case GE -> new UnderIndicatorRule(l, r).negation();
                    case LE -> new OverIndicatorRule(l, r).negation();
                };
            }
        };
    }

    static Indicator<Num> indicator(Operand o, BarSeries s) {
        return switch (o) {
            case Operand.Constant k -> new ConstantIndicator<>(s, s.numFactory().numOf(k.value()));
            case Operand.Field f -> switch (f.name()) {
                case OPEN -> new OpenPriceIndicator(s);
                case HIGH -> new HighPriceIndicator(s);
                case LOW -> new LowPriceIndicator(s);
                case CLOSE -> new ClosePriceIndicator(s);
                case VOLUME -> new VolumeIndicator(s);
            };
            case Operand.Indicator i -> spec(i.spec(), i.output(), s);
        };
    }

    private static Indicator<Num> spec(IndicatorSpec spec, int output, BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double[] p = spec.parameters();
        return switch (spec.definition().name()) {
            case "ema" -> new EMAIndicator(close, (int) p[0]);
            case "sma" -> new SMAIndicator(close, (int) p[0]);
            case "rsi" -> new RSIIndicator(close, (int) p[0]);
            case "bbands" -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, (int) p[0]));
                StandardDeviationIndicator sd = new StandardDeviationIndicator(close, (int) p[0]);
                Num k = s.numFactory().numOf(p[1]);
                yield switch (output) {
                    case 0 -> middle;
                    case 1 -> new BollingerBandsUpperIndicator(middle, sd, k);
                    default -> new BollingerBandsLowerIndicator(middle, sd, k);
                };
            }
            default -> throw new IllegalArgumentException("no ta4j mapping in the oracle for " + spec);
        };
    }
}
