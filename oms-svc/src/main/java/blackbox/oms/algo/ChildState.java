package blackbox.oms.algo;

import blackbox.oms.core.ClOrdId;

/**
 * A child order as the algorithm sees it.
 *
 * @param slice the slice it was sent for (from 1)
 * @param accountIndex the {@link AccountTarget#index()} it belongs to
 * @param open still working (or its outcome not known yet): it may fill
 * @param cancelPending a cancel of ours is on its way
 * @param price its limit, scaled ({@link blackbox.oms.core.Prices}); 0 for MARKET or when not known
 * @param canceled it ended CANCELED (rather than filled, expired or rejected)
 */
public record ChildState(ClOrdId id, int accountIndex, int slice, long orderQty, long cumQty, boolean open,
                         boolean cancelPending, long price, boolean canceled) {
    /** A child whose price and way of ending the algorithm does not look at. */
    public ChildState(ClOrdId id, int accountIndex, int slice, long orderQty, long cumQty, boolean open, boolean cancelPending) {
        this(id, accountIndex, slice, orderQty, cumQty, open, cancelPending, 0, false);
    }

    /** This child with a cancel of ours on its way. */
    public ChildState cancelling() {
        return new ChildState(id, accountIndex, slice, orderQty, cumQty, true, true, price, canceled);
    }
}
