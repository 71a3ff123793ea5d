package blackbox.strategies.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.indicators.StreamingIndicator;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.AnalysisCriterion;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.pnl.NetProfitLossCriterion;

/**
 * The oracle: for declarative strategies with next-bar-open fills and no costs, our backtest's trades (entry and
 * exit candle, price, size) equal ta4j 0.22.2's {@code BarSeriesManager} with {@code TradeOnNextOpenModel} on the
 * same candles, and so do ta4j's net profit, number of positions and winning ratio. Random walks (seed printed,
 * {@code -Dblackbox.seed=} re-runs one) and the real PETR4 tape (skipped when {@code ../shared/data} is absent).
 */
class BacktestOracleTest {
    private static final ZoneId B3 = ZoneId.of("America/Sao_Paulo");
    private static final String[] RULES = {
            // entry | exit
            "ema(9) crosses_above ema(21) and rsi(14) < 70|ema(9) crosses_below ema(21)",
            "rsi(14) < 30|rsi(14) > 70",
            "close < bbands(20,2).lower|close > bbands(20,2).middle or close crosses_below sma(50)",
            "(ema(5) crosses_above sma(20) or rsi(7) <= 25) and close >= 1|ema(5) crosses_below sma(20)",
    };

    @Test
    void tradesEqualTa4jOnRandomWalks() {
        long seed = TestCandles.seed("tradesEqualTa4jOnRandomWalks");
        List<Candle> candles = TestCandles.randomWalk(seed, 20_000);
        int total = 0;
        for (String r : RULES) {
            total += compare(r, candles, 1, 100);
            total += compare(r, candles, -1, 300);
        }
        assertTrue(total > 100, "the rules must trade on a random walk to test anything: trades=" + total);
    }

    @Test
    void tradesEqualTa4jOnThePetr4Tape() {
        List<Candle> candles = TestCandles.petr4();
        assumeFalse(candles.isEmpty(), "acceptance run: ../shared/data/b3-btg-2025 absent");
        System.out.println("PETR4 1m candles: " + candles.size());
        int total = 0;
        for (String r : RULES) {
            total += compare(r, candles, 1, 100);
        }
        assertTrue(total > 20, "the rules must trade on the tape: trades=" + total);
    }

    /** @return the number of trades compared */
    private static int compare(String rules, List<Candle> candles, int direction, long quantity) {
        String[] parts = rules.split("\\|");
        StrategyDefinition def = DefinitionParser.parse("""
                instrument: PETR4:B
                timeframe: 1m
                side: %s
                entry: %s
                exit: %s
                size: %d
                """.formatted(direction > 0 ? "long" : "short", parts[0], parts[1], quantity));
        DeclarativeStrategy ours = new DeclarativeStrategy(def);
        BacktestReport report = new Backtester(new BigDecimal("1000000"), Costs.NONE, B3).run(ours, candles);

        BarSeries series = Ta4jRules.series(candles);
        // ours evaluates from the candle after all indicators are ready; ta4j gets that as its unstable bars
        int unstable = firstAllReady(ours.indicators(), candles) + 1;
        BaseStrategy theirs = new BaseStrategy(Ta4jRules.rule(def.entry(), series), Ta4jRules.rule(def.exit(), series),
                unstable);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel())
                .run(theirs, direction > 0 ? TradeType.BUY : TradeType.SELL, series.numFactory().numOf(quantity));

        List<String> expected = new ArrayList<>();
        for (Position p : record.getPositions()) {
            expected.add(p.getEntry().getIndex() + "@" + p.getEntry().getPricePerAsset().doubleValue() + " -> "
                    + p.getExit().getIndex() + "@" + p.getExit().getPricePerAsset().doubleValue() + " x"
                    + p.getEntry().getAmount().longValue());
        }
        List<String> actual = report.trades().stream().map(t -> t.entryIndex() + "@" + t.entryPrice() + " -> "
                + t.exitIndex() + "@" + t.exitPrice() + " x" + t.quantity()).toList();
        String what = (direction > 0 ? "long " : "short ") + rules;
        assertEquals(expected, actual, what);

        double pnl = new NetProfitLossCriterion().calculate(series, record).doubleValue();
        assertEquals(pnl, report.netProfit().doubleValue() - openProfit(report, candles), 1e-6, what + ": net profit");
        assertEquals(new NumberOfPositionsCriterion().calculate(series, record).intValue(), report.numberOfTrades(), what);
        if (report.numberOfTrades() > 0) {
            double winning = new PositionsRatioCriterion(AnalysisCriterion.PositionFilter.PROFIT)
                    .calculate(series, record).doubleValue();
            assertEquals(winning, report.winRate(), 1e-12, what + ": winning ratio");
        }
        System.out.printf("%-100s trades=%d net=%s BRL win=%.3f mdd=%.4f%% sharpe=%.3f%n", what,
                report.numberOfTrades(), report.netProfit(), report.winRate(), report.maxDrawdown() * 100,
                report.sharpe());
        return report.numberOfTrades();
    }

    /** The mark-to-market of a position still open at the end (ta4j's net profit counts closed positions only). */
    private static double openProfit(BacktestReport report, List<Candle> candles) {
        BigDecimal closed = report.trades().stream().map(Trade::profit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return report.netProfit().subtract(closed).doubleValue();
    }

    private static int firstAllReady(List<IndicatorSpec> specs, List<Candle> candles) {
        List<StreamingIndicator> ind = specs.stream().map(s -> IndicatorCatalog.create(s, B3)).toList();
        for (int i = 0; i < candles.size(); i++) {
            boolean all = true;
            for (StreamingIndicator x : ind) {
                all &= x.close(candles.get(i), new double[x.outputCount()]);
            }
            if (all) {
                return i;
            }
        }
        return candles.size();
    }
}
