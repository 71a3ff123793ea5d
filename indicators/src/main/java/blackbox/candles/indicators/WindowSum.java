package blackbox.candles.indicators;

/**
 * A {@link Ring} with its running sum, recomputed from the values each time the ring wraps so rounding cannot
 * drift over a long series (amortized O(1) per bar).
 */
final class WindowSum {
    private final Ring ring;
    private double sum;

    WindowSum(int capacity) {
        this.ring = new Ring(capacity);
    }

    double sum() {
        return sum;
    }

    Ring ring() {
        return ring;
    }

    void save(IndicatorState.Out out) {
        ring.save(out);
        out.putDouble(sum);
    }

    void restore(IndicatorState.In in) {
        ring.restore(in);
        sum = in.getDouble();
    }

    void push(double x) {
        double left = ring.push(x);
        if (ring.wrapped()) {
            sum = ring.sum();
        } else {
            sum += x - left;
        }
    }
}
