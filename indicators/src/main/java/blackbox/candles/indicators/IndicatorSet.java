package blackbox.candles.indicators;

import blackbox.candles.core.Candle;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Several indicators over one series, fed the same candles: what a chart with a few overlays and panes needs.
 * Not thread-safe: one thread drives a set.
 */
public final class IndicatorSet {
    /** Receives one indicator's value at one candle. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param index the spec's position in the set
         * @param values the outputs when ready, else null; valid only during the call
         */
        void value(int index, IndicatorSpec spec, long bucketStart, double[] values);
    }

    private final List<IndicatorSpec> specs;
    private final ZoneId zone;
    private final List<StreamingIndicator> indicators = new ArrayList<>();
    private final double[][] outputs;
    private long lastClosed = Long.MIN_VALUE;

    /** @param zone the exchange's time zone */
    public IndicatorSet(List<IndicatorSpec> specs, ZoneId zone) {
        this.specs = List.copyOf(specs);
        this.zone = zone;
        this.outputs = new double[specs.size()][];
        for (int i = 0; i < specs.size(); i++) {
            outputs[i] = new double[specs.get(i).outputs().size()];
        }
        reset();
    }

    /** Forgets every candle: the set starts a new series (a rebuild after a correction). */
    public void reset() {
        indicators.clear();
        for (IndicatorSpec spec : specs) {
            indicators.add(IndicatorCatalog.create(spec, zone));
        }
        lastClosed = Long.MIN_VALUE;
    }

    public List<IndicatorSpec> specs() {
        return specs;
    }

    /** @return the bucket start of the last closed candle, or {@link Long#MIN_VALUE} */
    public long lastClosed() {
        return lastClosed;
    }

    /** @return each indicator's state after the candles closed so far ({@link StreamingIndicator#checkpoint}), by spec position */
    public List<byte[]> checkpoints() {
        List<byte[]> out = new ArrayList<>(indicators.size());
        for (StreamingIndicator i : indicators) out.add(i.checkpoint());
        return out;
    }

    /**
     * Continues from checkpoints (one per spec, in order) taken after the candle at {@code lastClosed}, in place of
     * every candle closed so far.
     *
     * @throws IllegalArgumentException when a state is not its spec's
     */
    public void restore(List<byte[]> states, long lastClosed) {
        if (states.size() != indicators.size()) {
            throw new IllegalArgumentException("must be one state per spec (" + indicators.size() + "): states=" + states.size());
        }
        reset();
        for (int i = 0; i < states.size(); i++) indicators.get(i).restore(states.get(i));
        this.lastClosed = lastClosed;
    }

    /** Commits a closed candle (ascending, each once) and reports every indicator's final value at it. */
    public void close(Candle candle, Sink sink) {
        for (int i = 0; i < indicators.size(); i++) {
            boolean ready = indicators.get(i).close(candle, outputs[i]);
            if (sink != null) {
                sink.value(i, specs.get(i), candle.bucketStart(), ready ? outputs[i] : null);
            }
        }
        lastClosed = candle.bucketStart();
    }

    /** Reports every indicator's provisional value at the forming candle; changes nothing. */
    public void provisional(Candle forming, Sink sink) {
        for (int i = 0; i < indicators.size(); i++) {
            boolean ready = indicators.get(i).provisional(forming, outputs[i]);
            sink.value(i, specs.get(i), forming.bucketStart(), ready ? outputs[i] : null);
        }
    }
}
