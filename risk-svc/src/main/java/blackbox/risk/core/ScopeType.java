package blackbox.risk.core;

/**
 * The levels a limit or a kill switch is set at, broadest first. Kill switches exist at the first four;
 * {@link #ACCOUNT_INSTRUMENT} is for limits only (a client's mandate per instrument, LiNe's SPCI/SPVI per account
 * and instrument, b3-trading.md §4).
 */
public enum ScopeType {
    /** The whole desk: one global key. */
    DESK,
    STRATEGY,
    ACCOUNT,
    INSTRUMENT,
    ACCOUNT_INSTRUMENT;

    /** Can a kill switch be set at this level? */
    public boolean hasSwitch() {
        return this != ACCOUNT_INSTRUMENT;
    }
}
