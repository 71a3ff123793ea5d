package blackbox.oms.algo;

/** Where a parent order stands. Only WORKING parents make children. */
public enum ParentStatus {
    /** The schedule runs (or waits for its start). */
    WORKING,
    /** Everything filled. */
    FILLED,
    /** The horizon is over; what did not fill is not sent any more. */
    EXPIRED,
    /** A kill switch of its scope (desk, strategy, account, instrument) stopped it: no new child ever. */
    HALTED,
    /** Cancelled by a trader. */
    CANCELED;

    public boolean isFinal() {
        return this != WORKING;
    }
}
