package blackbox.oms.core;

/** Why an event changed nothing, when that is expected. Preallocated. */
public enum IgnoreReason {
    DUPLICATE_EXEC_ID("duplicate ExecID: the fill was already counted"),
    ALREADY_RECONCILED("fill already counted by reconciliation: the venue's CumQty is not above ours"),
    DUPLICATE_REPORT("the order is already in the state this report gives"),
    LATE_REPORT("a report older than the order's current state"),
    ROUTING_PROGRESS("routing progress for an order already past it"),
    NOTHING_PENDING("a cancel or replace rejected with no such request of ours pending"),
    OUTCOME_ALREADY_KNOWN("outcome reported unknown for an order whose outcome is known"),
    VENUE_UNDECIDED("the venue has no outcome for the order yet: reconcile again later");

    private final String reason;

    IgnoreReason(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
