package blackbox.oms.core;

import static blackbox.oms.core.OrdStatus.CANCELED;
import static blackbox.oms.core.OrdStatus.DENIED;
import static blackbox.oms.core.OrdStatus.EXPIRED;
import static blackbox.oms.core.OrdStatus.FILLED;
import static blackbox.oms.core.OrdStatus.NEW;
import static blackbox.oms.core.OrdStatus.PARTIALLY_FILLED;
import static blackbox.oms.core.OrdStatus.PENDING_CANCEL;
import static blackbox.oms.core.OrdStatus.PENDING_NEW;
import static blackbox.oms.core.OrdStatus.PENDING_REPLACE;
import static blackbox.oms.core.OrdStatus.REJECTED;
import static blackbox.oms.core.OrdStatus.UNKNOWN;
import static blackbox.oms.core.OrdStatus.working;

import blackbox.oms.core.Order.PendingReplace;
import blackbox.oms.core.OrderEvent.Accepted;
import blackbox.oms.core.OrderEvent.CancelRejected;
import blackbox.oms.core.OrderEvent.CancelRequested;
import blackbox.oms.core.OrderEvent.Canceled;
import blackbox.oms.core.OrderEvent.Denied;
import blackbox.oms.core.OrderEvent.Expired;
import blackbox.oms.core.OrderEvent.Filled;
import blackbox.oms.core.OrderEvent.OutcomeUnknown;
import blackbox.oms.core.OrderEvent.Rejected;
import blackbox.oms.core.OrderEvent.ReplaceRejected;
import blackbox.oms.core.OrderEvent.ReplaceRequested;
import blackbox.oms.core.OrderEvent.Replaced;
import blackbox.oms.core.OrderEvent.Sent;
import blackbox.oms.core.OrderEvent.StatusRead;
import blackbox.oms.core.Outcome.Applied;
import blackbox.oms.core.Outcome.Ignored;
import blackbox.oms.core.Outcome.Refused;

/**
 * The order state machine: one exhaustive function of (status, event). The outer {@code switch} is over the sealed
 * {@link OrderEvent} hierarchy and every inner one over {@link OrdStatus}, all without {@code default}, so adding
 * an event or a status does not compile until every cell is decided. The full table is
 * {@code TransitionTableTest}'s specification; the odd but legal edges are {@link Edge}s with their reasons.
 *
 * <p>Rules that hold for every cell: a fill whose ExecID the order already counted is ignored; a fill never takes
 * CumQty above OrderQty (refused and alarmed); a refused cancel or replace returns to the status before the request
 * (PARTIALLY_FILLED if fills came meanwhile); text is the event's own text (reject reason) when it has one, else the
 * edge's reason, else empty.
 *
 * <p>Pure and allocation-light: no I/O, no clock (times come in the events), the happy path allocates the next
 * {@link Order} and its {@link Applied} only; ignored outcomes are preallocated. Thread-safe (stateless).
 */
public final class Transitions {
    private static final Ignored[] IGNORED = new Ignored[IgnoreReason.values().length];

    static {
        for (IgnoreReason reason : IgnoreReason.values()) IGNORED[reason.ordinal()] = new Ignored(reason);
    }

    private Transitions() {
    }

    /**
     * The outcome of {@code event} on {@code order}: the next state, or why nothing changes.
     *
     * @throws IllegalStateException only on a bug (a state that breaks {@link Order}'s invariants)
     */
    public static Outcome apply(Order order, OrderEvent event) {
        // the most frequent first: the switch tests the cases in order
        return switch (event) {
            case Filled e -> filled(order, e);
            case Accepted e -> accepted(order, e);
            case Sent e -> sent(order, e);
            case CancelRequested e -> cancelRequested(order, e);
            case Canceled e -> canceled(order, e);
            case Rejected e -> rejected(order, e);
            case Denied e -> denied(order, e);
            case CancelRejected e -> cancelRejected(order, e);
            case ReplaceRequested e -> replaceRequested(order, e);
            case Replaced e -> replaced(order, e);
            case ReplaceRejected e -> replaceRejected(order, e);
            case Expired e -> expired(order, e);
            case OutcomeUnknown e -> outcomeUnknown(order, e);
            case StatusRead e -> statusRead(order, e);
        };
    }

    private static Outcome sent(Order o, Sent e) {
        return switch (o.status()) {
            // the first word that the gateway took it, or the venue's id; further progress naming the same id changes nothing
            case PENDING_NEW -> e.orderId() != null && e.orderId().equals(o.orderId())
                    ? ignored(IgnoreReason.ROUTING_PROGRESS)
                    : applied(o.identified(PENDING_NEW, e.orderId(), o.text(), e.tsInit()), Edge.NONE);
            // later routing progress only matters for the venue's id, when we do not have it yet
            case NEW, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE, UNKNOWN ->
                    e.orderId() != null && o.orderId() == null
                            ? applied(o.identified(o.status(), e.orderId(), o.text(), e.tsInit()), Edge.NONE)
                            : ignored(IgnoreReason.ROUTING_PROGRESS);
            case FILLED, CANCELED, EXPIRED -> lateOrderId(o, e.orderId(), e.tsInit(), IgnoreReason.ROUTING_PROGRESS);
            case REJECTED -> ignored(IgnoreReason.ROUTING_PROGRESS);
            case DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    /**
     * A report naming the venue's OrderID of an order that moved on without it (filled or ended through the report
     * stream while its send's answer was lost) records the id and keeps the status; otherwise {@code otherwise}.
     */
    private static Outcome lateOrderId(Order o, OrderId orderId, long ts, IgnoreReason otherwise) {
        return orderId != null && o.orderId() == null
                ? applied(o.identified(o.status(), orderId, Edge.ORDER_ID_LATE.reason(), ts), Edge.ORDER_ID_LATE)
                : ignored(otherwise);
    }

    private static Outcome accepted(Order o, Accepted e) {
        return switch (o.status()) {
            case PENDING_NEW -> applied(o.identified(NEW, e.orderId(), "", e.tsInit()), Edge.NONE);
            case UNKNOWN -> applied(o.identified(working(o.cumQty()), e.orderId(), Edge.OUTCOME_KNOWN.reason(), e.tsInit()),
                    Edge.OUTCOME_KNOWN);
            case PENDING_CANCEL, PENDING_REPLACE -> o.prior() == PENDING_NEW
                    ? applied(o.identified(o.status(), e.orderId(), Edge.ACK_WHILE_PENDING.reason(), e.tsInit())
                            .withPrior(NEW, Edge.ACK_WHILE_PENDING.reason(), e.tsInit()), Edge.ACK_WHILE_PENDING)
                    : ignored(IgnoreReason.DUPLICATE_REPORT);
            case NEW -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED -> lateOrderId(o, e.orderId(), e.tsInit(), IgnoreReason.LATE_REPORT);
            case REJECTED, DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    private static Outcome rejected(Order o, Rejected e) {
        return switch (o.status()) {
            case PENDING_NEW -> applied(o.moved(REJECTED, null, null, e.reason(), e.tsInit()), Edge.NONE);
            case UNKNOWN -> o.cumQty() == 0
                    ? applied(o.moved(REJECTED, null, null, e.reason(), e.tsInit()), Edge.OUTCOME_KNOWN)
                    : refused(RefusalCode.CONTRADICTS_STATE, o, e);
            case PENDING_CANCEL, PENDING_REPLACE -> o.prior() == PENDING_NEW
                    ? applied(o.moved(REJECTED, null, null, e.reason(), e.tsInit()), Edge.REJECTED_WHILE_PENDING)
                    : refused(RefusalCode.CONTRADICTS_STATE, o, e);
            case REJECTED -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    private static Outcome denied(Order o, Denied e) {
        return switch (o.status()) {
            case PENDING_NEW -> applied(o.moved(DENIED, null, null, e.reason(), e.tsInit()), Edge.NONE);
            case DENIED -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case NEW, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, PENDING_REPLACE, CANCELED, EXPIRED, REJECTED, UNKNOWN ->
                    refused(RefusalCode.NOT_PENDING_NEW, o, e);
        };
    }

    private static Outcome filled(Order o, Filled e) {
        if (o.execIds().contains(e.execId())) return ignored(IgnoreReason.DUPLICATE_EXEC_ID);
        OrdStatus status = o.status();
        if (status == REJECTED || status == DENIED) return refused(RefusalCode.FILL_FOR_DEAD_ORDER, o, e);
        // a real fill the venue counts within a CumQty reconciliation already gave us: counting it again would double it
        if (o.reconciledQty() > 0 && !e.reconciled() && e.venueCumQty() > 0 && e.venueCumQty() <= o.cumQty()) {
            return ignored(IgnoreReason.ALREADY_RECONCILED);
        }
        if (e.lastQty() <= 0 || e.lastPx() <= 0) return refused(RefusalCode.INVALID_FILL, o, e);
        if (e.lastQty() > o.unfilledQty()) return refused(RefusalCode.OVERFILL, o, e);
        long notional;
        try {
            notional = Math.addExact(o.notional(), Math.multiplyExact(e.lastQty(), e.lastPx()));
        } catch (ArithmeticException overflow) {
            return refused(RefusalCode.ARITHMETIC_OVERFLOW, o, e);
        }
        long cum = o.cumQty() + e.lastQty();
        long reconciled = e.reconciled() ? o.reconciledQty() + e.lastQty() : o.reconciledQty();
        boolean complete = cum == o.orderQty();
        OrdStatus open = complete ? FILLED : PARTIALLY_FILLED;
        long ts = e.tsInit();
        return switch (status) {
            case NEW, PARTIALLY_FILLED -> applied(o.filled(e.execId(), cum, notional, reconciled, open, null, "", ts), Edge.NONE);
            case PENDING_NEW -> fillEdge(o, e, cum, notional, reconciled, open, Edge.FILL_BEFORE_ACK);
            case UNKNOWN -> fillEdge(o, e, cum, notional, reconciled, open, Edge.FILL_WHILE_UNKNOWN);
            case PENDING_CANCEL, PENDING_REPLACE -> complete
                    ? fillEdge(o, e, cum, notional, reconciled, FILLED, Edge.FILLED_WHILE_PENDING)
                    : applied(o.filled(e.execId(), cum, notional, reconciled, status, PARTIALLY_FILLED, "", ts), Edge.NONE);
            case CANCELED -> fillEdge(o, e, cum, notional, reconciled, complete ? FILLED : CANCELED, Edge.FILL_AFTER_CANCELED);
            case EXPIRED -> fillEdge(o, e, cum, notional, reconciled, complete ? FILLED : EXPIRED, Edge.FILL_AFTER_EXPIRED);
            // unreachable (no unfilled quantity, or refused above), listed for exhaustiveness
            case FILLED -> refused(RefusalCode.OVERFILL, o, e);
            case REJECTED, DENIED -> refused(RefusalCode.FILL_FOR_DEAD_ORDER, o, e);
        };
    }

    private static Outcome fillEdge(Order o, Filled e, long cum, long notional, long reconciled, OrdStatus to, Edge edge) {
        return applied(o.filled(e.execId(), cum, notional, reconciled, to, null, edge.reason(), e.tsInit()), edge);
    }

    private static Outcome cancelRequested(Order o, CancelRequested e) {
        return switch (o.status()) {
            case PENDING_NEW, NEW, PARTIALLY_FILLED ->
                    applied(o.moved(PENDING_CANCEL, o.status(), null, "", e.tsInit()), Edge.NONE);
            case PENDING_CANCEL -> refused(RefusalCode.CANCEL_PENDING, o, e);
            case PENDING_REPLACE -> refused(RefusalCode.REPLACE_PENDING, o, e);
            case UNKNOWN -> refused(RefusalCode.OUTCOME_UNKNOWN, o, e);
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> refused(RefusalCode.ORDER_FINAL, o, e);
        };
    }

    private static Outcome canceled(Order o, Canceled e) {
        return switch (o.status()) {
            case PENDING_CANCEL -> applied(o.moved(CANCELED, null, null, "", e.tsInit()), Edge.NONE);
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_REPLACE -> applied(o.moved(CANCELED, null, null,
                    Edge.UNSOLICITED_CANCEL.reason(), e.tsInit()), Edge.UNSOLICITED_CANCEL);
            case UNKNOWN -> applied(o.moved(CANCELED, null, null, Edge.OUTCOME_KNOWN.reason(), e.tsInit()), Edge.OUTCOME_KNOWN);
            case CANCELED -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case FILLED, EXPIRED -> ignored(IgnoreReason.LATE_REPORT);
            case REJECTED, DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    private static Outcome cancelRejected(Order o, CancelRejected e) {
        return switch (o.status()) {
            case PENDING_CANCEL -> applied(o.moved(o.prior(), null, null, e.reason(), e.tsInit()), Edge.CANCEL_REJECTED_RESTORED);
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_REPLACE, UNKNOWN -> ignored(IgnoreReason.NOTHING_PENDING);
            // "too late to cancel" after the order filled or ended: expected
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> ignored(IgnoreReason.LATE_REPORT);
        };
    }

    private static Outcome replaceRequested(Order o, ReplaceRequested e) {
        return switch (o.status()) {
            case NEW, PARTIALLY_FILLED -> e.orderQty() <= o.cumQty()
                    ? refused(RefusalCode.REPLACE_QTY_NOT_ABOVE_CUM, o, e)
                    : applied(o.moved(PENDING_REPLACE, o.status(),
                            new PendingReplace(e.orderQty(), e.price(), e.stopPrice()), "", e.tsInit()), Edge.NONE);
            case PENDING_NEW -> refused(RefusalCode.NOT_ACKNOWLEDGED, o, e);
            case PENDING_CANCEL -> refused(RefusalCode.CANCEL_PENDING, o, e);
            case PENDING_REPLACE -> refused(RefusalCode.REPLACE_PENDING, o, e);
            case UNKNOWN -> refused(RefusalCode.OUTCOME_UNKNOWN, o, e);
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> refused(RefusalCode.ORDER_FINAL, o, e);
        };
    }

    private static Outcome replaced(Order o, Replaced e) {
        if (e.orderQty() <= 0 && o.status().isOpen()) {
            return refused(RefusalCode.INVALID_QUANTITY, o, e);
        }
        return switch (o.status()) {
            case PENDING_REPLACE -> resize(o, e, Edge.NONE);
            case PENDING_NEW, NEW, PARTIALLY_FILLED -> resize(o, e, Edge.UNSOLICITED_REPLACE);
            case UNKNOWN -> resize(o, e, Edge.OUTCOME_KNOWN);
            case PENDING_CANCEL -> {
                if (e.orderQty() < o.cumQty()) yield refused(RefusalCode.QTY_BELOW_CUM, o, e);
                if (e.orderQty() == o.cumQty()) yield resize(o, e, Edge.UNSOLICITED_REPLACE);
                // still canceling, now for the new quantity
                yield applied(o.resized(e.orderQty(), e.price(), e.stopPrice(), PENDING_CANCEL, working(o.cumQty()), null,
                        Edge.UNSOLICITED_REPLACE.reason(), e.tsInit()), Edge.UNSOLICITED_REPLACE);
            }
            case FILLED, CANCELED, EXPIRED -> ignored(IgnoreReason.LATE_REPORT);
            case REJECTED, DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    /** The venue's new quantity and prices; FILLED when the new quantity is what already filled. */
    private static Outcome resize(Order o, Replaced e, Edge edge) {
        if (e.orderQty() < o.cumQty()) return refused(RefusalCode.QTY_BELOW_CUM, o, e);
        OrdStatus to = e.orderQty() == o.cumQty() ? FILLED : working(o.cumQty());
        Order next = o.resized(e.orderQty(), e.price(), e.stopPrice(), to, null, null, edge.reason(), e.tsInit());
        return applied(next, edge);
    }

    private static Outcome replaceRejected(Order o, ReplaceRejected e) {
        return switch (o.status()) {
            case PENDING_REPLACE -> applied(o.moved(o.prior(), null, null, e.reason(), e.tsInit()), Edge.REPLACE_REJECTED_RESTORED);
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_CANCEL, UNKNOWN -> ignored(IgnoreReason.NOTHING_PENDING);
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> ignored(IgnoreReason.LATE_REPORT);
        };
    }

    private static Outcome expired(Order o, Expired e) {
        return switch (o.status()) {
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE ->
                    applied(o.moved(EXPIRED, null, null, "", e.tsInit()), Edge.NONE);
            case UNKNOWN -> applied(o.moved(EXPIRED, null, null, Edge.OUTCOME_KNOWN.reason(), e.tsInit()), Edge.OUTCOME_KNOWN);
            case EXPIRED -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case FILLED, CANCELED -> ignored(IgnoreReason.LATE_REPORT);
            case REJECTED, DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    private static Outcome outcomeUnknown(Order o, OutcomeUnknown e) {
        return switch (o.status()) {
            case PENDING_NEW, NEW, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE ->
                    applied(o.moved(UNKNOWN, null, null, e.reason(), e.tsInit()), Edge.NONE);
            case UNKNOWN -> ignored(IgnoreReason.DUPLICATE_REPORT);
            case FILLED, CANCELED, EXPIRED, REJECTED, DENIED -> ignored(IgnoreReason.OUTCOME_ALREADY_KNOWN);
        };
    }

    private static Outcome statusRead(Order o, StatusRead e) {
        if (o.status() == DENIED || e.status() == DENIED) return refused(RefusalCode.CONTRADICTS_STATE, o, e);
        if (e.orderQty() <= 0) return refused(RefusalCode.INVALID_QUANTITY, o, e);
        if (e.cumQty() != o.cumQty()) return refused(RefusalCode.CUM_QTY_MISMATCH, o, e);
        if (e.orderQty() < o.cumQty()) return refused(RefusalCode.QTY_BELOW_CUM, o, e);
        if (o.status().isFinal()) {
            return e.status() == o.status() ? lateOrderId(o, e.orderId(), e.tsInit(), IgnoreReason.DUPLICATE_REPORT)
                    : refused(RefusalCode.CONTRADICTS_STATE, o, e);
        }
        return switch (e.status()) {
            case UNKNOWN -> ignored(IgnoreReason.VENUE_UNDECIDED);
            case PENDING_NEW -> o.status() == UNKNOWN && o.cumQty() == 0
                    ? read(o, e, PENDING_NEW) : ignored(IgnoreReason.VENUE_UNDECIDED);
            // a pending request at the venue that is not ours (or ours, still pending) leaves the order working
            case PENDING_CANCEL, PENDING_REPLACE -> read(o, e, e.status() == o.status() ? o.status() : working(o.cumQty()));
            case NEW, PARTIALLY_FILLED -> read(o, e, working(o.cumQty()));
            case FILLED, CANCELED, EXPIRED -> read(o, e, e.status());
            case REJECTED -> o.cumQty() == 0 ? read(o, e, REJECTED) : refused(RefusalCode.CONTRADICTS_STATE, o, e);
            case DENIED -> refused(RefusalCode.CONTRADICTS_STATE, o, e);
        };
    }

    /** An open order takes the venue's status {@code to}, quantity and prices (ignored when nothing differs). */
    private static Outcome read(Order o, StatusRead e, OrdStatus to) {
        if ((to == FILLED) != (e.orderQty() == o.cumQty())) return refused(RefusalCode.CONTRADICTS_STATE, o, e);
        if (to == o.status() && e.orderQty() == o.orderQty() && e.price() == o.price() && e.stopPrice() == o.stopPrice()
                && (e.orderId() == null || e.orderId().equals(o.orderId()))) {
            return ignored(IgnoreReason.DUPLICATE_REPORT);
        }
        String text = e.text().isEmpty() ? Edge.RECONCILED.reason() : e.text();
        OrdStatus prior = to.isPendingRequest() ? o.prior() : null;
        return applied(o.read(to, prior, e.orderId(), e.orderQty(), e.price(), e.stopPrice(), text, e.tsInit()),
                Edge.RECONCILED);
    }

    // ---- outcomes

    private static Outcome applied(Order next, Edge edge) {
        return new Applied(next, edge);
    }

    private static Outcome ignored(IgnoreReason reason) {
        return IGNORED[reason.ordinal()];
    }

    /** The message names the state and the event's values; built only on this (rare) path. */
    private static Outcome refused(RefusalCode code, Order o, OrderEvent e) {
        return new Refused(code, o.status(), code.text() + ": ClOrdID=" + o.clOrdId() + ", status=" + o.status()
                + ", OrderQty=" + o.orderQty() + ", CumQty=" + o.cumQty() + ", event=" + e);
    }
}
