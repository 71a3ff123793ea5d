package blackbox.oms.algo;

import blackbox.oms.core.ClOrdId;

/**
 * A child order as the algorithm sees it.
 *
 * @param slice the slice it was sent for (from 1)
 * @param accountIndex the {@link AccountTarget#index()} it belongs to
 * @param open still working (or its outcome not known yet): it may fill
 * @param cancelPending a cancel of ours is on its way
 */
public record ChildState(ClOrdId id, int accountIndex, int slice, long orderQty, long cumQty, boolean open,
                         boolean cancelPending) {
}
