package blackbox.oms.core;

/**
 * FIX OrdStatus (39) as oms-svc keeps an order. There is no REPLACED: ProfitDLL changes an order in place
 * (SendChangeOrderV2 keeps its ids), so a replaced order returns to NEW or PARTIALLY_FILLED with its new quantity
 * and prices. DENIED is our pre-trade risk's refusal (never sent); REJECTED is the venue's, the broker's or the
 * DLL's (or reconciliation's, for an order the venue never saw); UNKNOWN is "sent, outcome not known".
 */
public enum OrdStatus {
    PENDING_NEW,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    PENDING_CANCEL,
    PENDING_REPLACE,
    CANCELED,
    EXPIRED,
    REJECTED,
    DENIED,
    UNKNOWN;

    /** FILLED, CANCELED, EXPIRED, REJECTED or DENIED: nothing more is expected from the venue (a late fill may still come). */
    public boolean isFinal() {
        return switch (this) {
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> true;
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE, UNKNOWN -> false;
        };
    }

    /** Not final: the order may still trade, and LeavesQty = OrderQty - CumQty. */
    public boolean isOpen() {
        return !isFinal();
    }

    /** PENDING_CANCEL or PENDING_REPLACE: a request of ours waits for the venue's answer. */
    public boolean isPendingRequest() {
        return this == PENDING_CANCEL || this == PENDING_REPLACE;
    }

    /** The working status for a CumQty: NEW before any fill, PARTIALLY_FILLED after. */
    public static OrdStatus working(long cumQty) {
        return cumQty == 0 ? NEW : PARTIALLY_FILLED;
    }
}
