package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * Wilder's average true range. The true range is max(high − low, |high − previous close|, |previous close − low|)
 * (high − low on the first bar); its Wilder average (k = 1 / period) is seeded as ta4j 0.22–0.24 seeds it. Ready from
 * bar {@code period} (0-based).
 */
final class Atr extends StreamingIndicator {
    private final Recursive average;
    private double previousClose = Double.NaN;

    Atr(IndicatorSpec spec) {
        super(spec);
        this.average = Recursive.wilder(spec.intParameter(0));
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double high = candle.high();
        double low = candle.low();
        double range = Math.abs(high - low);
        if (!Double.isNaN(previousClose)) {
            range = Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
        }
        double v = average.next(range);
        if (commit) {
            average.commit(v);
            previousClose = candle.close();
        }
        out[0] = v;
        return true;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        average.save(out);
        out.putDouble(previousClose);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        average.restore(in);
        previousClose = in.getDouble();
    }
}
