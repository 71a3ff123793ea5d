package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * The stochastic oscillator: %K = 100 × (close − lowest low) / (highest high − lowest low) over {@code k} bars,
 * %D = the simple average of the last {@code d} %K values. Ready once %D averages full %K windows (bar k + d − 2);
 * undefined (not ready) at a bar whose window's high equals its low.
 */
final class Stochastic extends StreamingIndicator {
    private final int kPeriod;
    private final int dPeriod;
    private final Ring highs;
    private final Ring lows;
    private final Ring ks;
    private long count;

    Stochastic(IndicatorSpec spec) {
        super(spec);
        this.kPeriod = spec.intParameter(0);
        this.dPeriod = spec.intParameter(1);
        this.highs = new Ring(kPeriod - 1);
        this.lows = new Ring(kPeriod - 1);
        this.ks = new Ring(dPeriod - 1);
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double highest = candle.high();
        double lowest = candle.low();
        for (int i = 0, n = highs.size(); i < n; i++) {
            highest = Math.max(highest, highs.ago(i));
            lowest = Math.min(lowest, lows.ago(i));
        }
        double k = (candle.close() - lowest) / (highest - lowest) * 100;
        double sum = k;
        for (int i = 0, n = ks.size(); i < n; i++) {
            sum += ks.ago(i);
        }
        boolean ready = count >= kPeriod + dPeriod - 2;
        if (commit) {
            highs.push(candle.high());
            lows.push(candle.low());
            ks.push(k);
            count++;
        }
        out[0] = k;
        out[1] = sum / dPeriod;
        return ready;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        highs.save(out);
        lows.save(out);
        ks.save(out);
        out.putLong(count);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        highs.restore(in);
        lows.restore(in);
        ks.restore(in);
        count = in.getLong();
    }
}
