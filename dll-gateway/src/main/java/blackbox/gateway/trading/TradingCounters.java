package blackbox.gateway.trading;

/**
 * What the report derivation noticed and did not hide. Written by one thread (the engine's consumer), read by any
 * (metrics): plain longs published through volatile writes.
 */
public final class TradingCounters {
    private volatile long invariantViolations;
    private volatile long staleSnapshots;
    private volatile long duplicateSnapshots;
    private volatile long unmatchedMessages;

    /** Reports whose quantities broke LeavesQty + CumQty = OrderQty (live) or LeavesQty = 0 (closed). */
    public long invariantViolations() {
        return invariantViolations;
    }

    /** Snapshots older than what the order already showed (lower EventID or TradedQuantity, or after closing). */
    public long staleSnapshots() {
        return staleSnapshots;
    }

    /** Snapshots equal to the last one (repeated notifications): no report. */
    public long duplicateSnapshots() {
        return duplicateSnapshots;
    }

    /** Trading messages naming no order the gateway knows. */
    public long unmatchedMessages() {
        return unmatchedMessages;
    }

    void invariantViolation() {
        invariantViolations = invariantViolations + 1;
    }

    void stale() {
        staleSnapshots = staleSnapshots + 1;
    }

    void duplicate() {
        duplicateSnapshots = duplicateSnapshots + 1;
    }

    public void unmatchedMessage() {
        unmatchedMessages = unmatchedMessages + 1;
    }
}
