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

    /**
     * The state after the candles committed so far, to continue from with {@link #restore} (a per-day checkpoint:
     * a fresh instance restored from it gives the same values, bit for bit, as this one fed on).
     */
    public final byte[] checkpoint() {
        IndicatorState.Out out = new IndicatorState.Out();
        out.putLong(spec.toString().hashCode());
        save(out);
        return out.toBytes();
    }

    /**
     * Continues from a {@link #checkpoint} of an indicator of the same spec, in place of the candles it had committed.
     *
     * @throws IllegalArgumentException when the state is not one of this spec's
     */
    public final void restore(byte[] state) {
        IndicatorState.In in = new IndicatorState.In(state);
        long spec = in.getLong();
        if (spec != this.spec.toString().hashCode()) {
            throw new IllegalArgumentException("must be a state of " + this.spec + ": spec hash=" + spec);
        }
        restore(in);
        in.end();
    }

    /** Writes every field that {@link #step} reads or commits. */
    protected abstract void save(IndicatorState.Out out);

    /** Reads back what {@link #save} wrote, in the same order. */
    protected abstract void restore(IndicatorState.In in);

    private boolean finite(double[] out) {
        for (int i = 0, n = outputCount(); i < n; i++) {
            if (!Double.isFinite(out[i])) {
                return false;
            }
        }
        return true;
    }
}
