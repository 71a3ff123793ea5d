package blackbox.gateway.replay;

import java.util.Comparator;

/** An instrument as the replay file names it: ticker and exchange code. Sorted by ticker, then exchange. */
public record Instrument(String ticker, String exchange) implements Comparable<Instrument> {
    private static final Comparator<Instrument> ORDER =
            Comparator.comparing(Instrument::ticker).thenComparing(Instrument::exchange);

    @Override
    public int compareTo(Instrument other) {
        return ORDER.compare(this, other);
    }

    /** {@code TICKER@EXCHANGE}. */
    @Override
    public String toString() {
        return ticker + "@" + exchange;
    }
}
