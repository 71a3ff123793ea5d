package blackbox.oms.gateway;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.reconcile.VenueOrder;

/** What one gateway execution report means for oms-svc. */
public sealed interface ReportMapping {
    /** An event for our order {@code clOrdId}: apply it. */
    record ForOrder(ClOrdId clOrdId, OrderEvent event) implements ReportMapping {
    }

    /** A state read back (ORDER_STATUS): decide with {@link blackbox.oms.core.reconcile.Reconciliation#decideOne}. */
    record StatusOf(ClOrdId clOrdId, VenueOrder venue) implements ReportMapping {
    }

    /** Nothing to apply, and why (not our order, progress of a request whose outcome follows). */
    record Skipped(String reason) implements ReportMapping {
    }
}
