package blackbox.oms.core;

/**
 * Why an event was refused. An alarm code means a report contradicts what we know (count it, show it to a person,
 * reconcile); the others are commands the order's state does not allow (answered FAILED_PRECONDITION).
 */
public enum RefusalCode {
    OVERFILL(true, "fill above the open quantity"),
    INVALID_FILL(true, "fill with a quantity or price that is not positive"),
    FILL_FOR_DEAD_ORDER(true, "fill for an order that never lived at the venue"),
    CONTRADICTS_STATE(true, "report contradicts the order's state"),
    CUM_QTY_MISMATCH(true, "venue CumQty differs from ours after reconciliation's fills"),
    QTY_BELOW_CUM(true, "venue order quantity below our CumQty"),
    INVALID_QUANTITY(true, "venue order quantity is not positive"),
    ARITHMETIC_OVERFLOW(true, "notional does not fit 64 bits"),
    ORDER_FINAL(false, "the order is final"),
    CANCEL_PENDING(false, "a cancel is already pending"),
    REPLACE_PENDING(false, "a replace is pending"),
    OUTCOME_UNKNOWN(false, "outcome unknown: reconcile before sending a request for it"),
    NOT_ACKNOWLEDGED(false, "the order is not acknowledged by the venue yet"),
    REPLACE_QTY_NOT_ABOVE_CUM(false, "the new quantity must be above CumQty"),
    NOT_PENDING_NEW(false, "only an order not yet sent can be denied");

    private final boolean alarm;
    private final String text;

    RefusalCode(boolean alarm, String text) {
        this.alarm = alarm;
        this.text = text;
    }

    /** A report that contradicts what we know, rather than a command the state forbids. */
    public boolean alarm() {
        return alarm;
    }

    public String text() {
        return text;
    }
}
