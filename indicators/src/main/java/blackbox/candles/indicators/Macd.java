package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * MACD: EMA(fast) − EMA(slow) of the close, its signal line EMA(signal) of the MACD, and the histogram
 * MACD − signal. Ready when all three are (as in ta4j 0.22–0.24: from bar max(slow, signal), the signal line seeded
 * with the MACD at its first bar).
 */
final class Macd extends StreamingIndicator {
    private final Recursive fast;
    private final Recursive slow;
    private final Recursive signal;

    Macd(IndicatorSpec spec) {
        super(spec);
        this.fast = Recursive.ema(spec.intParameter(0));
        this.slow = Recursive.ema(spec.intParameter(1));
        this.signal = Recursive.ema(spec.intParameter(2));
    }

    @Override
    protected boolean step(Candle candle, double[] out, boolean commit) {
        double x = candle.close();
        double f = fast.next(x);
        double s = slow.next(x);
        double macd = f - s;
        double sig = signal.next(macd);
        if (commit) {
            fast.commit(f);
            slow.commit(s);
            signal.commit(sig);
        }
        out[0] = macd;
        out[1] = sig;
        out[2] = macd - sig;
        return true;
    }

    @Override
    protected void save(IndicatorState.Out out) {
        fast.save(out);
        slow.save(out);
        signal.save(out);
    }

    @Override
    protected void restore(IndicatorState.In in) {
        fast.restore(in);
        slow.restore(in);
        signal.restore(in);
    }
}
