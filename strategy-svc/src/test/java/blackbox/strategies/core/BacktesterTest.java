package blackbox.strategies.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorSpec;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The fill rules, costs, brackets, the drawdown stop and the report's arithmetic on hand-made candles. */
class BacktesterTest {
    private static final ZoneId B3 = ZoneId.of("America/Sao_Paulo");
    private static final long START = 1_741_611_600_000_000_000L;

    /** Candles from {open, high, low, close} in BRL, one minute apart. */
    private static List<Candle> candles(double[][] ohlc) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            long t = START + i * 60_000_000_000L;
            double[] c = ohlc[i];
            out.add(new Candle(TestCandles.PETR4, Timeframe.M1, t, c[0], c[1], c[2], c[3], 100,
                    Math.round(c[3] * 1e4) * 100, 1, 0, 0, t, 1, t, 1));
        }
        return out;
    }

    /** A code strategy: the given action at each candle index. */
    private static Strategy script(BiConsumer<Integer, Strategy.Orders> action) {
        return new Strategy() {
            int i = -1;

            @Override
            public List<IndicatorSpec> indicators() {
                return List.of();
            }

            @Override
            public void onCandle(Candle candle, Indicators indicators, Orders orders) {
                action.accept(++i, orders);
            }
        };
    }

    private static BacktestReport run(Strategy s, Costs costs, double[][] ohlc) {
        return new Backtester(new BigDecimal("10000"), costs, B3).run(s, candles(ohlc));
    }

    @Test
    void marketOrdersFillAtTheNextOpenWithExactCosts() {
        double[][] bars = {{10, 10, 10, 10}, {10.01, 10.5, 10, 10.2}, {10.3, 10.4, 10.1, 10.35}, {10.4, 10.4, 10.3, 10.33}};
        Strategy s = script((i, o) -> {
            if (i == 0) {
                o.market(Strategy.Side.BUY, 300);
            } else if (i == 2) {
                o.market(Strategy.Side.SELL, 300);
            }
        });
        // 1 BRL per order + 2.5 bp: buy 3003.00 → 1 + 0.750750 → 1.7508 (half-even at 4 places); sell 3120.00 → 1.78
        BacktestReport r = run(s, new Costs(BigDecimal.ONE, new BigDecimal("2.5")), bars);
        Trade t = r.trades().getFirst();
        assertEquals(1, t.entryIndex());
        assertEquals(10.01, t.entryPrice());
        assertEquals(3, t.exitIndex());
        assertEquals(10.4, t.exitPrice());
        assertEquals(new BigDecimal("3.5308"), t.costs());
        assertEquals(new BigDecimal("113.4692"), t.profit()); // 117.00 − 3.5308
        assertEquals(new BigDecimal("10113.4692"), r.finalEquity());
        assertEquals(0.5, r.exposure()); // in a position at the close of candles 1 and 2
        // equity at closes: 10000, 10000+ (10.2−10.01)×300 −1.7508 = 10055.2492, 10100.2492, 10113.4692
        assertEquals(List.of(new BigDecimal("10000.0000"), new BigDecimal("10055.2492"), new BigDecimal("10100.2492"),
                new BigDecimal("10113.4692")), r.equityCurve());
    }

    @Test
    void ordersAtTheLastCandleNeverFillAndFlipsAreRefused() {
        double[][] bars = {{10, 10, 10, 10}, {10, 10, 10, 10}};
        assertEquals(0, run(script((i, o) -> {
            if (i == 1) {
                o.market(Strategy.Side.BUY, 1);
            }
        }), Costs.NONE, bars).openPosition());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(script((i, o) -> {
            if (i == 0) {
                o.market(Strategy.Side.BUY, 1);
            } else if (o.position() == 1) {
                o.market(Strategy.Side.SELL, 2);
            }
        }), Costs.NONE, new double[][] {{10, 10, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}}));
        assertEquals("order of -2 would take the position through zero: position=1 at candle 2", e.getMessage());
    }

    private static DeclarativeStrategy declarative(String extra) {
        return new DeclarativeStrategy(DefinitionParser.parse("""
                instrument: PETR4:B
                timeframe: 1m
                side: long
                entry: close > 0
                size: 100
                """ + extra));
    }

    @Test
    void theBracketFillsAtItsPriceOrAtAGappedOpen() {
        // entry signal at 0 → long 100 at 20.00 (candle 1); stop 10 ticks = 19.90, take-profit 1% = 20.20
        double[][] touch = {{20, 20, 20, 20}, {20, 20.05, 19.95, 20}, {20, 20.1, 19.85, 19.9}, {20, 20, 20, 20}};
        Trade stop = run(declarative("stop_loss: 10 ticks\ntake_profit: 1%"), Costs.NONE, touch).trades().getFirst();
        assertEquals(Trade.Exit.STOP, stop.exit());
        assertEquals(2, stop.exitIndex());
        assertEquals(19.9, stop.exitPrice());
        double[][] gap = {{20, 20, 20, 20}, {20, 20.05, 19.95, 20}, {20.5, 20.6, 20.4, 20.5}, {20, 20, 20, 20}};
        Trade gapped = run(declarative("stop_loss: 10 ticks\ntake_profit: 1%"), Costs.NONE, gap).trades().getFirst();
        assertEquals(Trade.Exit.TAKE_PROFIT, gapped.exit());
        assertEquals(20.5, gapped.exitPrice()); // the open beat the limit
        double[][] both = {{20, 20, 20, 20}, {20, 20.05, 19.95, 20}, {20, 20.3, 19.8, 20}, {20, 20, 20, 20}};
        assertEquals(Trade.Exit.STOP, run(declarative("stop_loss: 20 BRL\ntake_profit: 20 ticks"), Costs.NONE, both)
                .trades().getFirst().exit()); // 20 BRL on 100 shares = 0.20 below: 19.80, touched with 20.20
    }

    @Test
    void theMaximumDrawdownClosesThePositionAndStopsTheStrategy() {
        double[][] bars = {{20, 20, 20, 20}, {20, 20, 20, 20}, {20, 20, 18, 18}, {18, 18, 17, 17}, {17, 20, 17, 20},
                {20, 20, 20, 20}};
        DeclarativeStrategy s = declarative("exit: close < 0\nmax_drawdown: 150 BRL");
        BacktestReport r = run(s, Costs.NONE, bars);
        assertEquals(2, s.stoppedAt()); // equity 9800 at candle 2: 200 below the 10000 peak
        assertEquals(1, r.numberOfTrades());
        assertEquals(3, r.trades().getFirst().exitIndex()); // left at candle 3's open
        assertEquals(18.0, r.trades().getFirst().exitPrice());
        assertEquals(new BigDecimal("-200.0000"), r.netProfit());
        assertEquals(0, r.openPosition());
        assertEquals(new BigDecimal("200.0000"), r.maxDrawdownAmount());
        assertEquals(0.02, r.maxDrawdown(), 1e-15);
        assertEquals(4, r.maxDrawdownCandles()); // candles 2..5 below the 10000 peak of candle 1
    }

    @Test
    void sizesInBrlAndPercentRoundDownToWholeLots() {
        double[][] bars = {{3, 3, 3, 3}, {3, 3, 3, 3}, {3, 3, 3, 3}};
        String sized = """
                instrument: PETR4:B
                timeframe: 1m
                side: long
                entry: close > 0
                exit: close < 0
                lot: 100
                size: """;
        // 1000 BRL at the signal's close 3.00 = 333 shares → 300; 50 % of 10000 BRL = 1666 shares → 1600
        assertEquals(300, run(new DeclarativeStrategy(DefinitionParser.parse(sized + "1000 BRL")), Costs.NONE, bars)
                .openPosition());
        assertEquals(1600, run(new DeclarativeStrategy(DefinitionParser.parse(sized + "50%")), Costs.NONE, bars)
                .openPosition());
    }
}
