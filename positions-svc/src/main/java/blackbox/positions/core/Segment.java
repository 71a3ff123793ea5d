package blackbox.positions.core;

/**
 * How an instrument settles (b3-trading.md §5): equities (shares, units, ETFs, FIIs, BDRs) settle the net
 * amount D+n; options settle the premium D+n; futures settle no notional, only the daily adjustment against
 * the settlement price (and fees), D+1.
 */
public enum Segment {
    EQUITY,
    OPTION,
    FUTURE;

    /** Does a fill move cash by its notional (false for futures: only the daily adjustment does)? */
    public boolean settlesNotional() {
        return this != FUTURE;
    }
}
