package blackbox.candles.core;

/**
 * An instrument: B3 ticker and exchange code ({@code B} equities, {@code F} derivatives).
 *
 * @param ticker e.g. {@code PETR4}; not blank
 * @param exchange e.g. {@code B}; not blank
 */
public record InstrumentId(String ticker, String exchange) {
    public InstrumentId {
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("must not be blank: ticker=\"" + ticker + "\"");
        }
        if (exchange == null || exchange.isBlank()) {
            throw new IllegalArgumentException("must not be blank: exchange=\"" + exchange + "\"");
        }
    }

    @Override
    public String toString() {
        return ticker + ":" + exchange;
    }
}
