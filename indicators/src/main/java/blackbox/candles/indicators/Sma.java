package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/** Simple moving average of the close over {@code period} bars; ready from the period-th bar. */
final class Sma extends StreamingIndicator {
    private final int period;
    private final WindowSum closes;
    private long count;

    Sma(IndicatorSpec spec) {
        super(spec);
        this.period = spec.intParameter(0);
        this.closes = new WindowSum(period - 1);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        out[0] = (closes.sum() + x) / period;
        boolean ready = count >= period - 1;
        if (commit) {
            closes.push(x);
            count++;
        }
        return ready;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        closes.save(out);
        out.putLong(count);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        closes.restore(in);
        count = in.getLong();
    }
}
