package blackbox.candles.indicators;

/**
 * An exponential average with ta4j's semantics ({@code AbstractEMAIndicator}, 0.22–0.24): not a number for the first
 * {@code unstable} bars and wherever the input is not a number; seeded with the input itself on the first bar
 * after that (or after a bar without a value); then {@code previous + (input - previous) × k}.
 * EMA uses k = 2 / (period + 1), Wilder's average (RSI, ATR) k = 1 / period, both with unstable = period.
 */
final class Recursive {
    private final int unstable;
    private final double k;
    private long index;
    private double value = Double.NaN;

    Recursive(int unstable, double k) {
        this.unstable = unstable;
        this.k = k;
    }

    static Recursive ema(int period) {
        return new Recursive(period, 2.0 / (period + 1));
    }

    static Recursive wilder(int period) {
        return new Recursive(period, 1.0 / period);
    }

    /** @return the average at the next bar given its input; changes nothing */
    double next(double input) {
        if (index < unstable || !Double.isFinite(input)) {
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            return input;
        }
        return value + (input - value) * k;
    }

    void save(IndicatorState.Out out) {
        out.putLong(index);
        out.putDouble(value);
    }

    void restore(IndicatorState.In in) {
        index = in.getLong();
        value = in.getDouble();
    }

    /** Commits the next bar's value (from {@link #next}). */
    void commit(double next) {
        value = next;
        index++;
    }
}
