package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * Wilder's relative strength index of the close: 100 − 100 / (1 + average gain / average loss), the averages
 * being Wilder's (k = 1 / period) seeded as ta4j 0.22–0.24 seeds them; 100 when there was no loss, 0 when neither gain
 * nor loss. Ready from bar {@code period} (0-based).
 */
final class Rsi extends StreamingIndicator {
    private final Recursive gains;
    private final Recursive losses;
    private double previousClose = Double.NaN;

    Rsi(IndicatorSpec spec) {
        super(spec);
        int period = spec.intParameter(0);
        this.gains = Recursive.wilder(period);
        this.losses = Recursive.wilder(period);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        double gain = 0;
        double loss = 0;
        if (!Double.isNaN(previousClose)) {
            gain = x > previousClose ? x - previousClose : 0;
            loss = x < previousClose ? previousClose - x : 0;
        }
        double averageGain = gains.next(gain);
        double averageLoss = losses.next(loss);
        if (commit) {
            gains.commit(averageGain);
            losses.commit(averageLoss);
            previousClose = x;
        }
        if (Double.isNaN(averageGain) || Double.isNaN(averageLoss)) {
            return false;
        }
        out[0] = averageLoss == 0 ? (averageGain == 0 ? 0 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
        return true;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        gains.save(out);
        losses.save(out);
        out.putDouble(previousClose);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        gains.restore(in);
        losses.restore(in);
        previousClose = in.getDouble();
    }
}
