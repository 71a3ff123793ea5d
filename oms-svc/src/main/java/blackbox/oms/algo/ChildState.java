package blackbox.oms.algo;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.reconcile.Reconciliation;

/**
 * A child order as the algorithm sees it.
 *
 * @param slice the slice it was sent for (from 1)
 * @param accountIndex the {@link AccountTarget#index()} it belongs to
 * @param open still working (or its outcome not known yet): it may fill
 * @param cancelPending a cancel of ours is on its way
 * @param price its limit, scaled ({@link blackbox.oms.core.Prices}); 0 for MARKET or when not known
 * @param canceled it ended by oms-svc's own doing rather than the venue's ({@link #withdrawn}): CANCELED, or never at the
 *     venue (rather than filled, expired or rejected by the venue)
 */
public record ChildState(ClOrdId id, int accountIndex, int slice, long orderQty, long cumQty, boolean open,
                         boolean cancelPending, long price, boolean canceled) {
    /** A child whose price and way of ending the algorithm does not look at. */
    public ChildState(ClOrdId id, int accountIndex, int slice, long orderQty, long cumQty, boolean open, boolean cancelPending) {
        this(id, accountIndex, slice, orderQty, cumQty, open, cancelPending, 0, false);
    }

    /**
     * Whether a child that ended {@code status} with {@code text} ended by oms-svc's own doing, not the venue's: CANCELED,
     * or REJECTED by the reconciliation after a restart because the venue never had it
     * ({@link Reconciliation#NEVER_SEEN_REASON}: oms-svc died after persisting it and before sending it). Such a child
     * is not re-sent, but it is no verdict of the venue's on the order either: what it did not fill may go out again
     * under the next ClOrdID.
     */
    public static boolean withdrawn(OrdStatus status, String text) {
        return status == OrdStatus.CANCELED || status == OrdStatus.REJECTED && Reconciliation.NEVER_SEEN_REASON.equals(text);
    }

    /** This child with a cancel of ours on its way. */
    public ChildState cancelling() {
        return new ChildState(id, accountIndex, slice, orderQty, cumQty, true, true, price, canceled);
    }
}
