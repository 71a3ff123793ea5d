package blackbox.web.core;

import java.util.List;

/** The candle timeframes candle-svc serves. */
public final class Timeframes {
    public static final List<String> ALL = List.of("1m", "5m", "15m", "60m", "1d", "1w");

    private Timeframes() {
    }

    /**
     * @return the timeframe, lower-cased
     * @throws InvalidInput naming {@code field} when it is missing or not one of {@link #ALL}
     */
    public static String parse(String field, String text) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, text, "is required, one of " + ALL);
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!ALL.contains(t)) throw new InvalidInput(field, text, "must be one of " + ALL);
        return t;
    }
}
