package blackbox.gateway.trading;

/** FIX OrdStatus as the gateway reports it (the proto's {@code OrdStatus}). */
public enum OrdStatus {
    PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, PENDING_REPLACE, CANCELED, REPLACED, EXPIRED, REJECTED,
    /** Sent, outcome not known: routing dropped, or the gateway restarted before it learnt the outcome. */
    UNKNOWN;

    /** No further execution can happen (FIX: the order is closed). */
    public boolean terminal() {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REJECTED;
    }
}
