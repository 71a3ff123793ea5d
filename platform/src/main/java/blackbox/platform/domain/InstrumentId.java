package blackbox.platform.domain;

import java.util.regex.Pattern;

/**
 * An instrument as ProfitDLL and B3 name it: ticker and exchange code ({@code PETR4}/{@code B} equities,
 * {@code WINFUT}/{@code F} derivatives; replay files may carry other codes, e.g. {@code SPOT}). The one
 * instrument identifier every module shares; ordered by ticker, then exchange.
 *
 * @param ticker upper-case letters, digits and {@code _ . -}, 1..32 characters
 * @param exchange upper-case letters, digits and {@code _}, 1..8 characters
 * @throws IllegalArgumentException naming the field and value when either does not match
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

    /** Is {@code ticker} a well-formed ticker? (For validation that reports its own message.) */
    public static boolean validTicker(String ticker) {
        return ticker != null && TICKER.matcher(ticker).matches();
    }

    /** Is {@code exchange} a well-formed exchange code? */
    public static boolean validExchange(String exchange) {
        return exchange != null && EXCHANGE.matcher(exchange).matches();
    }

    /**
     * Parses {@code TICKER:EXCHANGE}, e.g. {@code PETR4:B}.
     *
     * @throws IllegalArgumentException naming the value when there is no colon or a part is malformed
     */
    public static InstrumentId parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
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

    /** {@code TICKER:EXCHANGE}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return ticker + ":" + exchange;
    }
}
