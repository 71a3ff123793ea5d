package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * Exponential moving average of the close, k = 2 / (period + 1). As in ta4j 0.22–0.24: not ready for the first
 * {@code period} bars, then seeded with that bar's close.
 */
final class Ema extends StreamingIndicator {
    private final Recursive ema;

    Ema(IndicatorSpec spec) {
        super(spec);
        this.ema = Recursive.ema(spec.intParameter(0));
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double v = ema.next(candle.close());
        if (commit) {
            ema.commit(v);
        }
        out[0] = v;
        return true;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        ema.save(out);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        ema.restore(in);
    }
}
