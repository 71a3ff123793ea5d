package blackbox.gateway.session;

import java.util.regex.Pattern;

/**
 * An instrument as the DLL names it: ticker and exchange code ({@code PETR4}/{@code B}, {@code WINFUT}/{@code F}).
 * Instances for the same pair are interchangeable; the callback path interns them to avoid allocation.
 */
public record InstrumentId(String ticker, String exchange) implements Comparable<InstrumentId> {
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9_.\\-]{1,32}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9_]{1,8}");

    public InstrumentId {
        if (ticker == null || !TICKER.matcher(ticker).matches()) {
            throw new IllegalArgumentException("ticker must match [A-Z0-9_.-]{1,32}: ticker=\"" + ticker + "\"");
        }
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException("exchange must match [A-Z0-9_]{1,8}: exchange=\"" + exchange + "\"");
        }
    }

    /** Parses {@code TICKER:EXCHANGE}, e.g. {@code PETR4:B}. */
    public static InstrumentId parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("instrument must be TICKER:EXCHANGE, e.g. PETR4:B: value=\"" + text + "\"");
        }
        return new InstrumentId(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public int compareTo(InstrumentId other) {
        int byTicker = ticker.compareTo(other.ticker);
        return byTicker != 0 ? byTicker : exchange.compareTo(other.exchange);
    }

    @Override
    public String toString() {
        return ticker + ":" + exchange;
    }
}
