package blackbox.candles.indicators;

import blackbox.candles.core.Candle;

/**
 * An indicator kept up to date one candle at a time, with O(period) state.
 *
 * <p>{@link #close} commits a closed candle and gives the indicator's final value at it; {@link #provisional} gives
 * the value the indicator would have if the forming candle closed as it is now, and changes nothing, so it can be
 * asked on every trade without disturbing the final value. Both return {@code false} — "not ready" — until the
 * indicator has seen enough candles, and where its value is undefined (a stochastic over a window whose high
 * equals its low): the output array is then not to be read. Never a zero or a made-up value.
 *
 * <p>The semantics (warm-up length, seeding of the recursive averages) are ta4j 0.22–0.24's, bar for bar; the tests
 * compare every indicator with ta4j on real B3 candles and random series within 1e-9 relative.
 *
 * <p>Prices in the instrument's currency (BRL for B3); volumes in shares or contracts. Not thread-safe: one
 * thread drives an instance. No allocation per candle.
 */
public abstract class StreamingIndicator {
    private final IndicatorSpec spec;

    protected StreamingIndicator(IndicatorSpec spec) {
        this.spec = spec;
    }

    /** @return what this instance computes */
    public final IndicatorSpec spec() {
        return spec;
    }

    /** @return how many values each bar gives ({@code out} must be at least this long) */
    public final int outputCount() {
        return spec.outputs().size();
    }

    /**
     * Commits a closed candle (candles must come in ascending bucket order, each once).
     *
     * @param out receives {@link #outputCount()} values when ready
     * @return true when ready: {@code out} holds the final values at this candle
     */
    public final boolean close(Candle candle, double[] out) {
        return step(candle, out, true) && finite(out);
    }

    /**
     * The values the indicator would have if {@code forming} (the candle after the last closed one) closed now.
     * Changes nothing.
     *
     * @return true when ready: {@code out} holds the provisional values
     */
    public final boolean provisional(Candle forming, double[] out) {
        return step(forming, out, false) && finite(out);
    }

    /**
     * Computes the values at {@code candle} as the next bar; commits the bar when {@code commit}.
     *
     * @return false while warming up
     */
    protected abstract boolean step(Candle candle, double[] out, boolean commit);

    private boolean finite(double[] out) {
        for (int i = 0, n = outputCount(); i < n; i++) {
            if (!Double.isFinite(out[i])) {
                return false;
            }
        }
        return true;
    }
}
