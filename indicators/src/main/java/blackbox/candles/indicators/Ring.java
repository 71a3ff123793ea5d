package blackbox.candles.indicators;

/**
 * The last {@code capacity} committed values of a series, newest first by {@link #ago}. Indicators over a window
 * of {@code period} bars keep {@code period - 1} committed values and take the current bar as an argument, so
 * the forming candle's provisional value needs no copy of the window.
 */
final class Ring {
    private final double[] values;
    private final int capacity;
    private int next;
    private int size;

    Ring(int capacity) {
        this.capacity = capacity;
        this.values = new double[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == capacity;
    }

    /** @return the value committed {@code k} bars ago ({@code 0} = the newest), {@code k < size()} */
    double ago(int k) {
        int i = next - 1 - k;
        return values[i < 0 ? i + capacity : i];
    }

    /**
     * Commits a value.
     *
     * @return the value that left the window, or 0 when none did
     */
    double push(double x) {
        if (capacity == 0) {
            return x;
        }
        double left = size == capacity ? values[next] : 0;
        values[next] = x;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size < capacity) {
            size++;
        }
        return left;
    }

    /** @return true right after a push wrapped to the start: a good moment to recompute a running sum */
    boolean wrapped() {
        return next == 0 && size == capacity;
    }

    void save(IndicatorState.Out out) {
        out.putLong(next);
        out.putLong(size);
        for (int i = 0; i < capacity; i++) out.putDouble(values[i]);
    }

    void restore(IndicatorState.In in) {
        next = (int) in.getLong();
        size = (int) in.getLong();
        if (next < 0 || size < 0 || size > capacity || (capacity > 0 && next >= capacity)) {
            throw new IllegalArgumentException("not a ring of " + capacity + ": next=" + next + ", size=" + size);
        }
        for (int i = 0; i < capacity; i++) values[i] = in.getDouble();
    }

    /** @return the sum of the values held, added oldest first */
    double sum() {
        double s = 0;
        for (int k = size - 1; k >= 0; k--) {
            s += ago(k);
        }
        return s;
    }
}
