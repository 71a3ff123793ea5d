package blackbox.oms.core;

/**
 * The odd but legal edges of the order state machine, each with its one-line reason (kept in the order's text
 * and the event's record). Preallocated: taking an edge allocates nothing.
 */
public enum Edge {
    NONE(""),
    FILL_BEFORE_ACK("fill before the acknowledgement: the venue accepted the order, its NEW report was late or lost"),
    FILL_WHILE_UNKNOWN("fill for an order whose outcome was unknown: it lives at the venue"),
    FILLED_WHILE_PENDING("filled while a cancel or replace was pending: the request will be rejected"),
    FILL_AFTER_CANCELED("fill after CANCELED: executed at the venue before the cancel took effect; counted"),
    FILL_AFTER_EXPIRED("fill after EXPIRED: executed at the venue before the expiry took effect; counted"),
    ACK_WHILE_PENDING("acknowledged after our cancel or replace was sent: the request is still pending"),
    REJECTED_WHILE_PENDING("rejected while a cancel or replace was pending: the order never lived"),
    UNSOLICITED_CANCEL("canceled without a cancel of ours pending: cancel-all, the broker or the venue"),
    UNSOLICITED_REPLACE("changed without a replace of ours pending: the broker or another platform"),
    CANCEL_REJECTED_RESTORED("cancel rejected: back to the state before the cancel request"),
    REPLACE_REJECTED_RESTORED("replace rejected: back to the state and quantities before the replace request"),
    OUTCOME_KNOWN("report for an order whose outcome was unknown: the venue has it"),
    RECONCILED("state read from the venue by reconciliation"),
    ORDER_ID_LATE("the venue's OrderID named after the order moved on (its send's answer was lost): recorded, the status stays");

    private final String reason;

    Edge(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
