package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * On-balance volume, in shares or contracts: 0 at the series' first candle, then plus the candle's volume when the
 * close rose, minus it when it fell. Summed exactly (long). Ready from the first candle.
 */
final class Obv extends StreamingIndicator {
    private long obv;
    private double previousClose = Double.NaN;

    Obv(IndicatorSpec spec) {
        super(spec);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        long v = obv;
        if (x > previousClose) {
            v += candle.volume();
        } else if (x < previousClose) {
            v -= candle.volume();
        }
        if (commit) {
            obv = v;
            previousClose = x;
        }
        out[0] = v;
        return true;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        out.putLong(obv);
        out.putDouble(previousClose);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        obv = in.getLong();
        previousClose = in.getDouble();
    }
}
