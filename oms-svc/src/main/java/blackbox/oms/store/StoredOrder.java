package blackbox.oms.store;

import blackbox.oms.core.Order;

/**
 * An order as stored.
 *
 * @param lastSequence the sequence of its latest event
 */
public record StoredOrder(Order order, long lastSequence) {
}
