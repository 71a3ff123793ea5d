package blackbox.web.core;

import blackbox.gateway.v1.InstrumentId;
import java.util.Comparator;

/**
 * An instrument as the browser names it: {@code "PETR4"} (B3 cash market, exchange {@code B}) or
 * {@code "TICKER:EXCHANGE"} ({@code "BTCUSDT:SPOT"}, {@code "WINZ25:F"}). Ticker and exchange are upper-case and
 * follow the rules of the shared {@link blackbox.platform.domain.InstrumentId}; this class adds the user's forms
 * (exchange {@code B} implied, any case) and messages for {@code application/problem+json}.
 */
public record Symbol(String ticker, String exchange) {
    public static final String DEFAULT_EXCHANGE = "B";
    public static final Comparator<Symbol> ORDER = Comparator.comparing(Symbol::text);

    public Symbol {
        if (!blackbox.platform.domain.InstrumentId.validTicker(ticker)) {
            throw new InvalidInput("symbol", ticker, "ticker must be 1-32 letters, digits, '.', '_' or '-'");
        }
        if (!blackbox.platform.domain.InstrumentId.validExchange(exchange)) {
            throw new InvalidInput("symbol", exchange, "exchange must be 1-8 letters, digits or '_'");
        }
    }

    /**
     * Parses a symbol as typed by a user (case-insensitive, surrounding blanks ignored).
     *
     * @throws InvalidInput naming {@code field} and the value when it is empty or malformed
     */
    public static Symbol parse(String field, String text) {
        if (text == null || text.isBlank()) throw new InvalidInput(field, text, "is required, e.g. PETR4 or WINZ25:F");
        String s = text.trim().toUpperCase(java.util.Locale.ROOT);
        int colon = s.indexOf(':');
        try {
            if (colon < 0) return new Symbol(s, DEFAULT_EXCHANGE);
            if (s.indexOf(':', colon + 1) >= 0) throw new InvalidInput(field, text, "must be TICKER or TICKER:EXCHANGE");
            return new Symbol(s.substring(0, colon), s.substring(colon + 1));
        } catch (InvalidInput e) {
            throw new InvalidInput(field, text, "must be TICKER or TICKER:EXCHANGE (e.g. PETR4, WINZ25:F): " + e.rule());
        }
    }

    public static Symbol of(InstrumentId id) {
        return new Symbol(id.getTicker(), id.getExchange());
    }

    public InstrumentId toProto() {
        return InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    /** {@code PETR4} for exchange B, {@code TICKER:EXCHANGE} otherwise. */
    public String text() {
        return DEFAULT_EXCHANGE.equals(exchange) ? ticker : ticker + ":" + exchange;
    }

    @Override
    public String toString() {
        return text();
    }
}
