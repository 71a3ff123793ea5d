package blackbox.marketdata.core;

import java.util.regex.Pattern;

/** An instrument: ticker and exchange code ({@code PETR4}/{@code B}). Ordered by ticker, then exchange. */
public record Instrument(String ticker, String exchange) implements Comparable<Instrument> {
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9_.\\-]{1,32}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9_]{1,8}");

    public Instrument {
        if (ticker == null || !TICKER.matcher(ticker).matches()) {
            throw new IllegalArgumentException("ticker must match [A-Z0-9_.-]{1,32}: ticker=\"" + ticker + "\"");
        }
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException("exchange must match [A-Z0-9_]{1,8}: exchange=\"" + exchange + "\"");
        }
    }

    @Override
    public int compareTo(Instrument o) {
        int c = ticker.compareTo(o.ticker);
        return c != 0 ? c : exchange.compareTo(o.exchange);
    }

    @Override
    public String toString() {
        return ticker + ":" + exchange;
    }
}
