package blackbox.bench.strategy;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.StreamingIndicator;
import blackbox.platform.domain.InstrumentId;
import blackbox.strategies.core.BacktestReport;
import blackbox.strategies.core.Backtester;
import blackbox.strategies.core.Costs;
import blackbox.strategies.core.DeclarativeStrategy;
import blackbox.strategies.core.DefinitionParser;
import blackbox.strategies.core.StrategyDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Backtest throughput (issue 18): one year of 1m candles (252 sessions × 420 minutes) for each of 15 instruments,
 * {@code ema(9) crosses_above ema(21) and rsi(14) < 70} to enter, {@code ema(9) crosses_below ema(21)} to leave,
 * 100 shares, next-open fills, no costs: strategy-svc's {@link Backtester} against ta4j 0.22.2's
 * {@code BarSeriesManager} with {@code TradeOnNextOpenModel} on the same bars (ta4j in {@code DoubleNum}, its fast
 * mode), in the same JVM run. Both get their bars prebuilt (our {@link Candle} list, ta4j's series); each run builds
 * its strategy and indicators afresh (ta4j's indicators cache values, so reusing them would measure a lookup). The
 * number of trades of both is printed as a check that they ran the same rules. Goal: ≥ 50× ta4j, and one instrument's
 * year in ≤ 100 ms. Options: {@code --instruments 15 --days 252 --runs 5 --warmups 3 --seed 1}.
 */
public final class BacktestBench {
    private static final String DEFINITION = """
            instrument: %s
            timeframe: 1m
            side: long
            entry: ema(9) crosses_above ema(21) and rsi(14) < 70
            exit: ema(9) crosses_below ema(21)
            size: 100
            """;

    private BacktestBench() {
    }

    public static void main(String[] args) {
        int instruments = option(args, "--instruments", 15);
        int days = option(args, "--days", 252);
        int runs = option(args, "--runs", 5);
        int warmups = option(args, "--warmups", 3);
        long seed = option(args, "--seed", 1);
        List<List<Candle>> candles = new ArrayList<>();
        List<BarSeries> series = new ArrayList<>();
        List<StrategyDefinition> definitions = new ArrayList<>();
        for (int k = 0; k < instruments; k++) {
            InstrumentId id = new InstrumentId("BENCH" + k, "B");
            List<Candle> c = year(id, days, seed + k);
            candles.add(c);
            series.add(series(c));
            definitions.add(DefinitionParser.parse(DEFINITION.formatted(id)));
        }
        long bars = (long) candles.getFirst().size() * instruments;
        System.out.printf("backtest bench: %d instruments × %d candles (1m, %d sessions) = %d candles%n", instruments,
                candles.getFirst().size(), days, bars);
        Backtester backtester = new Backtester(new BigDecimal("1000000"), Costs.NONE, ZoneId.of("America/Sao_Paulo"));

        double[] ours = new double[runs];
        double[] oursOne = new double[runs];
        double[] theirs = new double[runs];
        double[] floor = new double[runs];
        long ourTrades = 0;
        long theirTrades = 0;
        for (int r = -warmups; r < runs; r++) {
            long t0 = System.nanoTime();
            long trades = 0;
            long firstEnd = 0;
            for (int k = 0; k < instruments; k++) {
                BacktestReport report = backtester.run(new DeclarativeStrategy(definitions.get(k)), candles.get(k));
                trades += report.numberOfTrades();
                if (k == 0) {
                    firstEnd = System.nanoTime();
                }
            }
            long t1 = System.nanoTime();
            long their = 0;
            for (int k = 0; k < instruments; k++) {
                their += ta4j(series.get(k)).getPositionCount();
            }
            long t2 = System.nanoTime();
            double sink = 0;
            for (int k = 0; k < instruments; k++) {
                sink += indicatorsOnly(candles.get(k));
            }
            long t3 = System.nanoTime();
            if (sink == 42) {
                System.out.println(); // keeps the floor loop's result alive
            }
            if (r >= 0) {
                floor[r] = (t3 - t2) / 1e6;
                ours[r] = (t1 - t0) / 1e6;
                oursOne[r] = (firstEnd - t0) / 1e6;
                theirs[r] = (t2 - t1) / 1e6;
            }
            ourTrades = trades;
            theirTrades = their;
            System.out.printf("  %s: ours %.1f ms, ta4j %.1f ms%n", r < 0 ? "warm-up" : "run " + r, (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6);
        }
        double o = median(ours);
        double t = median(theirs);
        System.out.printf("trades: ours %d, ta4j %d%s%n", ourTrades, theirTrades,
                ourTrades == theirTrades ? " (equal)" : " (DIFFERENT)");
        System.out.printf("ours: %.1f ms for all (median of %d; min %.1f), %.2f ms for one instrument-year, %.1f M candles/s%n",
                o, runs, Arrays.stream(ours).min().orElseThrow(), median(oursOne), bars / o / 1e3);
        System.out.printf("ta4j: %.1f ms for all (median of %d; min %.1f), %.1f M candles/s%n", t, runs,
                Arrays.stream(theirs).min().orElseThrow(), bars / t / 1e3);
        System.out.printf("floor: the three indicators alone over the same candles %.1f ms (median), %.1f ns per candle%n",
                median(floor), median(floor) * 1e6 / bars);
        System.out.printf("speed-up: %.1f× (goal ≥ 50×); one instrument-year %.2f ms (goal ≤ 100 ms)%n", t / o,
                median(oursOne));
    }

    /** The indicators alone (ema(9), ema(21), rsi(14) closed on every candle): what no backtest of these rules beats. */
    private static double indicatorsOnly(List<Candle> candles) {
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        StreamingIndicator[] ind = {IndicatorCatalog.create("ema(9)", zone), IndicatorCatalog.create("ema(21)", zone),
                IndicatorCatalog.create("rsi(14)", zone)};
        double[] out = new double[1];
        double sum = 0;
        for (Candle c : candles) {
            for (StreamingIndicator i : ind) {
                if (i.close(c, out)) {
                    sum += out[0];
                }
            }
        }
        return sum;
    }

    private static TradingRecord ta4j(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        EMAIndicator fast = new EMAIndicator(close, 9);
        EMAIndicator slow = new EMAIndicator(close, 21);
        Rule entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(new RSIIndicator(close, 14), 70));
        Rule exit = new CrossedDownIndicatorRule(fast, slow);
        // the unstable bars our DeclarativeStrategy waits (rsi(14) ready at index 14, plus one for the cross)
        BaseStrategy strategy = new BaseStrategy(entry, exit, 22);
        return new BarSeriesManager(s, new TradeOnNextOpenModel()).run(strategy, org.ta4j.core.Trade.TradeType.BUY,
                s.numFactory().numOf(100));
    }

    /** A random walk on the 0.01 tick, 10:00–17:00 B3 sessions on consecutive weekdays from 2025-01-02. */
    private static List<Candle> year(InstrumentId id, int days, long seed) {
        Random rnd = new Random(seed);
        List<Candle> out = new ArrayList<>(days * 420);
        long price = 3000;
        java.time.LocalDate day = java.time.LocalDate.of(2025, 1, 2);
        for (int d = 0; d < days; d++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            long open = day.atTime(13, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000_000L;
            for (int m = 0; m < 420; m++) {
                long o = price;
                long h = o;
                long l = o;
                long c = o;
                for (int t = 0; t < 4; t++) {
                    c = Math.max(100, c + rnd.nextInt(7) - 3);
                    h = Math.max(h, c);
                    l = Math.min(l, c);
                }
                price = c;
                long bucket = open + m * 60_000_000_000L;
                out.add(new Candle(id, Timeframe.M1, bucket, o / 100.0, h / 100.0, l / 100.0, c / 100.0, 100,
                        c * 100 * 100, 1, 0, 0, bucket, 1, bucket, 1));
            }
            day = day.plusDays(1);
        }
        return out;
    }

    private static BarSeries series(List<Candle> candles) {
        BarSeries s = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration period = Duration.ofMinutes(1);
        for (Candle c : candles) {
            Instant begin = Instant.ofEpochSecond(0, c.bucketStart());
            s.barBuilder().timePeriod(period).endTime(begin.plus(period)).openPrice(c.open()).highPrice(c.high())
                    .lowPrice(c.low()).closePrice(c.close()).volume(c.volume()).add();
        }
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
