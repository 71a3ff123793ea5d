package blackbox.cli;

import blackbox.gateway.v1.InstrumentId;
import java.util.regex.Pattern;

/**
 * Instrument symbols as users type them: {@code PETR4} (exchange {@code B}, Bovespa, by default) or
 * {@code TICKER:EXCHANGE} such as {@code BTCUSDT:SPOT} or {@code WINZ25:F}. Case-insensitive on input.
 */
public final class Symbols {
    public static final String DEFAULT_EXCHANGE = "B";
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9_.-]{1,32}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9_]{1,8}");

    private Symbols() {
    }

    /**
     * @throws CliException (usage) naming the value when the symbol is malformed
     */
    public static InstrumentId parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        int colon = s.indexOf(':');
        String ticker = colon < 0 ? s : s.substring(0, colon);
        String exchange = colon < 0 ? DEFAULT_EXCHANGE : s.substring(colon + 1);
        if (!TICKER.matcher(ticker).matches() || !EXCHANGE.matcher(exchange).matches()) {
            throw CliException.usage("must be TICKER or TICKER:EXCHANGE such as PETR4 or BTCUSDT:SPOT: symbol=" + text);
        }
        return InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    /** {@code PETR4} for exchange B, else {@code TICKER:EXCHANGE}. */
    public static String format(InstrumentId id) {
        return DEFAULT_EXCHANGE.equals(id.getExchange()) ? id.getTicker() : id.getTicker() + ":" + id.getExchange();
    }
}
