package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.indicators.StreamingIndicator;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Strategy} over a list of closed candles, deterministically (same strategy, candles and settings:
 * same report, bit for bit). Pure: no I/O, no clock.
 *
 * <p>Fill rules, per candle {@code i} in order:
 * <ol>
 *   <li>market orders placed at candle {@code i-1} fill at candle {@code i}'s open, whole (next-bar-open, as
 *       ta4j's {@code TradeOnNextOpenModel}); orders placed at the last candle never fill;</li>
 *   <li>then the position's OCO bracket: a stop fills when the candle trades through it, at the stop or at the open
 *       when the open already gapped past it; a take-profit likewise at the limit or the better open (the
 *       simulator's rule that a resting limit fills at its price or better). When one candle reaches both, the
 *       stop is taken first (the worse case: a candle does not tell which came first);</li>
 *   <li>{@link Strategy#onFill} for each fill, then the indicators take the candle and {@link Strategy#onCandle}
 *       runs.</li>
 * </ol>
 * An order that would take the position through zero (long to short at once) is refused with an
 * {@link IllegalStateException}: a strategy closes first, then opens. Money in BRL scaled longs ({@link Money}); one
 * share or contract is worth its price in BRL (equities; futures multipliers are not applied yet).
 *
 * <p>Not thread-safe; one run per call. Different runs may go on different threads.
 */
public final class Backtester {
    private final BigDecimal initialCapital;
    private final Costs costs;
    private final ZoneId zone;

    /**
     * @param initialCapital BRL, &gt; 0
     * @param zone the exchange's time zone (session VWAP)
     */
    public Backtester(BigDecimal initialCapital, Costs costs, ZoneId zone) {
        if (initialCapital.signum() <= 0) {
            throw new IllegalArgumentException("must be > 0: initialCapital=" + initialCapital);
        }
        this.initialCapital = initialCapital;
        this.costs = costs;
        this.zone = zone;
    }

    /**
     * @param candles closed candles of one instrument and timeframe, ascending by bucket start
     * @return the report
     * @throws IllegalArgumentException when the candles are not ascending
     */
    public BacktestReport run(Strategy strategy, List<Candle> candles) {
        Run run = new Run(strategy, candles.size());
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            if (i > 0 && c.bucketStart() <= candles.get(i - 1).bucketStart()) {
                throw new IllegalArgumentException("candles must ascend by bucket start: candle " + i + " at "
                        + c.bucketStart() + " after " + candles.get(i - 1).bucketStart());
            }
            run.candle(i, c);
        }
        return BacktestReport.of(initialCapital, candles, run.equity, run.trades, run.barsInPosition, run.position);
    }

    private final class Run implements Strategy.Orders, Strategy.Indicators {
        final Strategy strategy;
        final StreamingIndicator[] indicators;
        final double[][] values;
        final boolean[] ready;
        final long[] equity;
        final List<Trade> trades = new ArrayList<>();
        final List<Strategy.Fill> fills = new ArrayList<>();
        long cash = Money.units(initialCapital);
        long position;
        long pendingQuantity; // signed, 0 = none
        double takeProfit = Double.NaN;
        double stop = Double.NaN;
        long lastEquity = cash;
        int barsInPosition;
        // the open trade
        int entryIndex;
        long entryTime;
        long entryUnits; // Σ price units × quantity of the entries
        long entryQuantity;
        long exitUnits;
        long exitQuantity;
        long tradeCash;
        long tradeCosts;
        long peakQuantity;

        Run(Strategy strategy, int size) {
            this.strategy = strategy;
            List<IndicatorSpec> specs = strategy.indicators();
            indicators = new StreamingIndicator[specs.size()];
            values = new double[specs.size()][];
            ready = new boolean[specs.size()];
            for (int k = 0; k < specs.size(); k++) {
                indicators[k] = IndicatorCatalog.create(specs.get(k), zone);
                values[k] = new double[specs.get(k).outputs().size()];
            }
            equity = new long[size];
        }

        void candle(int i, Candle c) {
            fills.clear();
            if (pendingQuantity != 0) {
                long q = pendingQuantity;
                pendingQuantity = 0;
                fill(i, c, q, c.open(), Trade.Exit.ORDER);
            }
            if (position != 0) {
                int dir = Long.signum(position);
                double stopAt = dir > 0 ? Math.min(c.open(), stop) : Math.max(c.open(), stop);
                double limitAt = dir > 0 ? Math.max(c.open(), takeProfit) : Math.min(c.open(), takeProfit);
                boolean stopHit = !Double.isNaN(stop) && (dir > 0 ? c.low() <= stop : c.high() >= stop);
                boolean limitHit = !Double.isNaN(takeProfit) && (dir > 0 ? c.high() >= takeProfit : c.low() <= takeProfit);
                if (stopHit) {
                    fill(i, c, -position, stopAt, Trade.Exit.STOP);
                } else if (limitHit) {
                    fill(i, c, -position, limitAt, Trade.Exit.TAKE_PROFIT);
                }
            }
            if (position != 0) {
                barsInPosition++;
            }
            lastEquity = cash + Math.multiplyExact(position, Money.units(c.close()));
            equity[i] = lastEquity;
            for (Strategy.Fill f : fills) {
                strategy.onFill(f, this);
            }
            for (int k = 0; k < indicators.length; k++) {
                ready[k] = indicators[k].close(c, values[k]);
            }
            strategy.onCandle(c, this, this);
        }

        private void fill(int i, Candle c, long signedQuantity, double price, Trade.Exit why) {
            long next = position + signedQuantity;
            if (position != 0 && Long.signum(next) == -Long.signum(position)) {
                throw new IllegalStateException("order of " + signedQuantity + " would take the position through zero: position="
                        + position + " at candle " + i);
            }
            long units = Money.units(price);
            long notional = Math.multiplyExact(units, Math.abs(signedQuantity));
            long cost = costs.of(notional);
            long flow = (signedQuantity > 0 ? -notional : notional) - cost;
            cash += flow;
            if (position == 0) {
                entryIndex = i;
                entryTime = c.bucketStart();
                entryUnits = entryQuantity = exitUnits = exitQuantity = tradeCash = tradeCosts = peakQuantity = 0;
            }
            tradeCash += flow;
            tradeCosts += cost;
            if (Math.abs(next) > Math.abs(position)) {
                entryUnits += notional;
                entryQuantity += Math.abs(signedQuantity);
            } else {
                exitUnits += notional;
                exitQuantity += Math.abs(signedQuantity);
            }
            int dir = position != 0 ? Long.signum(position) : Long.signum(next);
            position = next;
            peakQuantity = Math.max(peakQuantity, Math.abs(position));
            fills.add(new Strategy.Fill(signedQuantity > 0 ? Strategy.Side.BUY : Strategy.Side.SELL, i, c.bucketStart(),
                    price, Math.abs(signedQuantity)));
            if (position == 0) {
                takeProfit = Double.NaN;
                stop = Double.NaN;
                trades.add(new Trade(dir, entryIndex, entryTime, entryUnits / 1e4 / entryQuantity, i, c.bucketStart(),
                        exitUnits / 1e4 / exitQuantity, peakQuantity, Money.brl(tradeCash), Money.brl(tradeCosts), why));
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public BigDecimal equity() {
            return Money.brl(lastEquity);
        }

        @Override
        public void market(Strategy.Side side, long quantity) {
            if (quantity <= 0) {
                throw new IllegalArgumentException("must be > 0: quantity=" + quantity);
            }
            pendingQuantity += side.sign() * quantity;
        }

        @Override
        public void bracket(double takeProfit, double stop) {
            this.takeProfit = takeProfit;
            this.stop = stop;
        }

        @Override
        public boolean ready(int index) {
            return ready[index];
        }

        @Override
        public double value(int index, int output) {
            return values[index][output];
        }
    }
}
