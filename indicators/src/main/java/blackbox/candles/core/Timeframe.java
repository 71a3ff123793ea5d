package blackbox.candles.core;

/**
 * The six candle timeframes. {@link #M1} is canonical (built from trades, buckets in UTC); every other
 * timeframe is derived from 1-minute candles, with buckets on the exchange's local clock (see {@link Buckets}).
 */
public enum Timeframe {
    M1("1m", 60L * 1_000_000_000L),
    M5("5m", 5 * 60L * 1_000_000_000L),
    M15("15m", 15 * 60L * 1_000_000_000L),
    M60("60m", 60 * 60L * 1_000_000_000L),
    /** The trading session date (local date). */
    D1("1d", 0),
    /** Monday 00:00 local to the next Monday. */
    W1("1w", 0);

    private static final Timeframe[] VALUES = values();

    private final String label;
    private final long fixedNanos;

    Timeframe(String label, long fixedNanos) {
        this.label = label;
        this.fixedNanos = fixedNanos;
    }

    /** @return the text form: {@code 1m, 5m, 15m, 60m, 1d, 1w} */
    public String label() {
        return label;
    }

    /** @return the length in ns of a bucket of a clock timeframe (1m..60m); 0 for the calendar ones (1d, 1w) */
    public long fixedNanos() {
        return fixedNanos;
    }

    /**
     * @param text one of {@code 1m, 5m, 15m, 60m, 1d, 1w}
     * @throws IllegalArgumentException naming the value when it is none of those
     */
    public static Timeframe parse(String text) {
        for (Timeframe t : VALUES) {
            if (t.label.equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("timeframe must be one of 1m, 5m, 15m, 60m, 1d, 1w: timeframe="
                + (text == null ? "null" : "\"" + text + "\""));
    }

    @Override
    public String toString() {
        return label;
    }
}
