package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/** Linearly weighted moving average of the close: weight {@code period} for the newest bar down to 1. */
final class Wma extends StreamingIndicator {
    private final int period;
    private final double divisor;
    private final Ring closes;
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
        boolean ready = count >= period - 1;
        if (ready) {
            double weighted = period * x;
            for (int k = 0; k < period - 1; k++) {
                weighted += (period - 1 - k) * closes.ago(k);
            }
            out[0] = weighted / divisor;
        }
        if (commit) {
            closes.push(x);
            count++;
        }
        return ready;
    }
}
