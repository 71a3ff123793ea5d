package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * Bollinger Bands: the middle band is the SMA of the close over {@code period} bars; the upper and lower bands are
 * k population standard deviations of the same window above and below it. Ready from the period-th bar.
 */
final class Bollinger extends StreamingIndicator {
    private final int period;
    private final double k;
    private final WindowSum closes;
    private long count;

    Bollinger(IndicatorSpec spec) {
        super(spec);
        this.period = spec.intParameter(0);
        this.k = spec.parameters()[1];
        this.closes = new WindowSum(period - 1);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        boolean ready = count >= period - 1;
        if (ready) {
            double mean = (closes.sum() + x) / period;
            // two passes over the window: exact where a running sum of squares would cancel catastrophically
            double d = x - mean;
            double squares = d * d;
            Ring ring = closes.ring();
            for (int i = 0; i < period - 1; i++) {
                double e = ring.ago(i) - mean;
                squares += e * e;
            }
            double deviation = Math.sqrt(squares / period) * k;
            out[0] = mean;
            out[1] = mean + deviation;
            out[2] = mean - deviation;
        }
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
