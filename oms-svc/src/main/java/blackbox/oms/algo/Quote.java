package blackbox.oms.algo;

/**
 * The top of an instrument's book as the gateway last saw it (the DLL's price depth, level 0).
 *
 * @param bid the best bid, scaled ({@link blackbox.oms.core.Prices}); 0 when that side is empty or unknown
 * @param ask the best offer, scaled; 0 when that side is empty or unknown
 */
public record Quote(long bid, long ask) {
    public Quote {
        if (bid < 0 || ask < 0) throw new IllegalArgumentException("prices must be >= 0: bid=" + bid + ", ask=" + ask);
    }
}
