package blackbox.gateway.trading;

/** FIX ExecType: what one execution report says happened (the proto's {@code ExecType}). */
public enum ExecType {
    PENDING_NEW, NEW, TRADE, PENDING_CANCEL, CANCELED, PENDING_REPLACE, REPLACED, EXPIRED, REJECTED, CANCEL_REJECTED,
    REPLACE_REJECTED,
    /** A state read back (reconciliation, restart): nothing new happened. */
    ORDER_STATUS,
    /** The gateway lost track: routing dropped with the order in flight. */
    UNKNOWN
}
