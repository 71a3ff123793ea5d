package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * Linearly weighted moving average of the close: weight {@code period} for the newest bar down to 1. O(1) per bar:
 * the weighted sum of the last n − 1 closes (weights n − 1 … 1) moves by W' = W + (n − 1)·x − S as x enters
 * (S, their plain sum, by S' = S + x − the close leaving); both are recomputed from the ring each time it wraps,
 * so rounding cannot drift.
 */
final class Wma extends StreamingIndicator {
    private final int period;
    private final double divisor;
    private final Ring closes;
    private double sum;
    private double weighted;
    private long count;

    Wma(IndicatorSpec spec) {
        super(spec);
        this.period = spec.intParameter(0);
        this.divisor = period * (period + 1) / 2.0;
        this.closes = new Ring(period - 1);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        out[0] = (period * x + weighted) / divisor;
        boolean ready = count >= period - 1;
        if (commit) {
            weighted += (period - 1) * x - sum;
            sum += x - closes.push(x);
            if (closes.wrapped()) {
                recompute();
            }
            count++;
        }
        return ready;
    }

    private void recompute() {
        sum = 0;
        weighted = 0;
        for (int k = 0, n = closes.size(); k < n; k++) {
            double v = closes.ago(k);
            sum += v;
            weighted += (period - 1 - k) * v;
        }
    }

    @Override
    protected void save(IndicatorState.Out out) {
        closes.save(out);
        out.putDouble(sum);
        out.putDouble(weighted);
        out.putLong(count);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        closes.restore(in);
        sum = in.getDouble();
        weighted = in.getDouble();
        count = in.getLong();
    }
}
