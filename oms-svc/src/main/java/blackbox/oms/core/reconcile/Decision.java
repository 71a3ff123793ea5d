package blackbox.oms.core.reconcile;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import java.util.List;
import java.util.Objects;

/**
 * Reconciliation's decision for one of our orders: the events to apply, in order, and the order they lead to.
 *
 * @param events what to apply through the store, in order (empty for UNCHANGED and DISCREPANCY)
 * @param expected the order after the events, computed with {@link blackbox.oms.core.Transitions} (the state the
 *     store will reach unless the order changed meanwhile)
 * @param reason one line for the audit trail and the alarm
 */
public record Decision(ClOrdId clOrdId, Verdict verdict, List<OrderEvent> events, Order expected, String reason) {
    public Decision {
        Objects.requireNonNull(clOrdId, "clOrdId");
        Objects.requireNonNull(verdict, "verdict");
        events = List.copyOf(events);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(reason, "reason");
    }
}
