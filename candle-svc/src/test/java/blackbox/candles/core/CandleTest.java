package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final long T0 = BucketsTest.ns("2025-04-07T13:07:00Z");
    static final long S = 1_000_000_000L;

    private final CandleAggregator aggregator = new CandleAggregator(new Buckets());
    private final int petr4 = aggregator.register(PETR4);

    @Test
    void financialVolumeIsExact() {
        aggregator.onTrade(petr4, T0, 35.02, 100, 1, 2);
        Candle c = aggregator.candle(PETR4, Timeframe.M1, T0);
        assertEquals(new BigDecimal("3502.0000"), c.financialVolume());
        assertEquals(0, new BigDecimal("3502.00").compareTo(c.financialVolume()));
    }

    @Test
    void financialVolumeOfManyTradesHasNoFloatingPointDrift() {
        for (int i = 0; i < 1000; i++) {
            aggregator.onTrade(petr4, T0 + i, 0.1 + (i % 3) * 0.01, 7, i, 1); // 0.10, 0.11, 0.12
        }
        // 334 × 0.10 × 7 + 333 × 0.11 × 7 + 333 × 0.12 × 7 = 233.80 + 256.41 + 279.72
        assertEquals(new BigDecimal("769.9300"), aggregator.candle(PETR4, Timeframe.D1,
                new Buckets().bucketStart(Timeframe.D1, T0)).financialVolume());
    }

    @Test
    void vwapIsFinancialVolumeOverVolume() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, 2);
        aggregator.onTrade(petr4, T0 + S, 36.00, 300, 2, 3);
        Candle c = aggregator.candle(PETR4, Timeframe.M1, T0);
        assertEquals(35.75, c.vwap(), 1e-12);
        assertEquals(400, c.volume());
        assertEquals(2, c.tradeCount());
    }

    @Test
    void buyAndSellVolumesFollowTheAggressor() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, CandleAggregator.BUY_AGGRESSOR);
        aggregator.onTrade(petr4, T0 + 1, 35.01, 200, 2, CandleAggregator.SELL_AGGRESSOR);
        aggregator.onTrade(petr4, T0 + 2, 35.02, 400, 3, 1); // cross/auction: neither
        aggregator.onTrade(petr4, T0 + 3, 35.02, 800, 4, CandleAggregator.BUY_AGGRESSOR);
        Candle c = aggregator.candle(PETR4, Timeframe.M5, new Buckets().bucketStart(Timeframe.M5, T0));
        assertEquals(900, c.buyVolume());
        assertEquals(200, c.sellVolume());
        assertEquals(1500, c.volume());
    }

    @Test
    void openAndCloseAreByTradeTimeThenNumberNotArrival() {
        aggregator.onTrade(petr4, T0 + 30 * S, 35.10, 100, 12, 2);
        aggregator.onTrade(petr4, T0 + 5 * S, 35.00, 100, 10, 2);  // late: earlier in the minute
        aggregator.onTrade(petr4, T0 + 59 * S, 35.30, 100, 14, 2);
        aggregator.onTrade(petr4, T0 + 5 * S, 34.90, 100, 9, 2);   // same nanosecond, lower number: opens
        aggregator.onTrade(petr4, T0 + 59 * S, 35.20, 100, 15, 2); // same nanosecond, higher number: closes
        Candle c = aggregator.candle(PETR4, Timeframe.M1, T0);
        assertEquals(34.90, c.open());
        assertEquals(35.20, c.close());
        assertEquals(35.30, c.high());
        assertEquals(34.90, c.low());
    }

    @Test
    void anEditReplacesTheTradesContributionEvenAcrossMinutes() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, 2);
        aggregator.onTrade(petr4, T0 + S, 40.00, 100, 2, 2);
        assertEquals(CandleAggregator.EditResult.APPLIED, aggregator.onEdit(petr4, 2, T0 + 2 * S, 35.50, 200, 3));
        Candle c = aggregator.candle(PETR4, Timeframe.M1, T0);
        assertEquals(35.50, c.high());
        assertEquals(300, c.volume());
        assertEquals(200, c.sellVolume());
        assertEquals(CandleAggregator.EditResult.APPLIED, aggregator.onEdit(petr4, 2, T0 + 61 * S, 35.50, 200, 3)); // moved into the next minute
        assertEquals(100, aggregator.candle(PETR4, Timeframe.M1, T0).volume());
        assertEquals(200, aggregator.candle(PETR4, Timeframe.M1, T0 + 60 * S).volume());
        assertEquals(300, aggregator.candle(PETR4, Timeframe.M60, BucketsTest.ns("2025-04-07T13:00:00Z")).volume());
        assertEquals(CandleAggregator.EditResult.APPLIED, aggregator.onCancel(petr4, 2));
        assertNull(aggregator.candle(PETR4, Timeframe.M1, T0 + 60 * S));
        assertEquals(100, aggregator.candle(PETR4, Timeframe.W1, BucketsTest.ns("2025-04-07T03:00:00Z")).volume());
        assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, aggregator.onEdit(petr4, 99, T0, 35.0, 1, 2));
    }

    @Test
    void editsOlderThanTheRectificationWindowAreRefusedForTheReprocessJob() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, 2);
        aggregator.onTrade(petr4, T0 + 3 * 60 * S, 35.10, 100, 2, 2); // minute T0 is 3 minutes back: still editable
        assertEquals(CandleAggregator.EditResult.APPLIED, aggregator.onEdit(petr4, 1, T0, 35.05, 100, 2));
        aggregator.onTrade(petr4, T0 + 4 * 60 * S, 35.20, 100, 3, 2);
        assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, aggregator.onEdit(petr4, 1, T0, 36.00, 100, 2));
        assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, aggregator.onCancel(petr4, 1));
        assertEquals(CandleAggregator.EditResult.NOT_IN_WINDOW, aggregator.onEdit(petr4, 3, T0, 36.00, 100, 2));
        assertEquals(35.05, aggregator.candle(PETR4, Timeframe.M1, T0).close());
        aggregator.onTrade(petr4, T0 + 30 * S, 34.00, 100, 4, 2); // a late trade is still added
        assertEquals(34.00, aggregator.candle(PETR4, Timeframe.M1, T0).close());
        assertEquals(34.00, aggregator.candle(PETR4, Timeframe.M5, new Buckets().bucketStart(Timeframe.M5, T0)).low());
    }

    @Test
    void drainReportsChangedCandlesOnceAndRemovedOnes() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, 2);
        aggregator.onTrade(petr4, T0 + 1, 35.01, 100, 2, 2);
        List<String> seen = new ArrayList<>();
        CandleAggregator.ChangeListener listener = new CandleAggregator.ChangeListener() {
            @Override
            public void changed(Candle candle) {
                seen.add("changed " + candle.timeframe());
            }

            @Override
            public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
                seen.add("removed " + timeframe);
            }
        };
        assertEquals(6, aggregator.drainChanges(listener));
        assertEquals(List.of("changed 1m", "changed 5m", "changed 15m", "changed 60m", "changed 1d", "changed 1w"), seen);
        assertEquals(0, aggregator.drainChanges(listener));
        aggregator.onCancel(petr4, 1);
        aggregator.onCancel(petr4, 2);
        seen.clear();
        aggregator.drainChanges(listener);
        assertEquals(List.of("removed 1m", "removed 5m", "removed 15m", "removed 60m", "removed 1d", "removed 1w"), seen);
    }

    @Test
    void checkedConstructorRejectsImpossibleCandles() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Candle(PETR4, Timeframe.M1, T0,
                35, 34, 35.5, 35, 100, 3_500_000, 1, 0, 0, T0, 1, T0, 1));
        assertEquals("must be >= low=35.5: high=34.0", e.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> aggregator.onTrade(petr4, T0, 35.0, -5, 1, 2));
        assertEquals("must be > 0: quantity=-5", q.getMessage());
        var p = assertThrows(IllegalArgumentException.class, () -> aggregator.onTrade(petr4, T0, Double.NaN, 5, 1, 2));
        assertEquals("must be > 0 and finite: price=NaN", p.getMessage());
    }

    @Test
    void gapFillIsExplicitAndFlatAtThePreviousClose() {
        aggregator.onTrade(petr4, T0, 35.00, 100, 1, 2);
        aggregator.onTrade(petr4, T0 + 3 * 60 * S, 36.00, 100, 2, 2);
        List<Candle> sparse = aggregator.candles(PETR4, Timeframe.M1);
        assertEquals(2, sparse.size());
        List<Candle> dense = GapFill.fill(new Buckets(), PETR4, Timeframe.M1, T0 - 60 * S, T0 + 4 * 60 * S, sparse,
                Double.NaN);
        assertEquals(4, dense.size()); // nothing before the first close
        assertEquals(Candle.flat(PETR4, Timeframe.M1, T0 + 60 * S, 35.00), dense.get(1));
        assertEquals(0, dense.get(2).volume());
        assertEquals(36.00, dense.get(3).close());
    }
}
