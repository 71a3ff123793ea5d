package blackbox.bench.oms;

import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: the conventional way to write an order state machine with {@code java.util}. A mutable order
 * (fields plus a {@link HashSet} of ExecIDs), a transition table {@code EnumMap<OrdStatus, EnumMap<EventType,
 * OrdStatus>>} for the legal plain edges, and an if-chain over the event's class for the quantity logic (fills with
 * dedupe and the over-fill check, the status a refused cancel returns to, replaced quantities). It implements the
 * same rules as {@link blackbox.oms.core.Transitions} for the event types the tape contains, and {@link
 * TransitionBench} checks at set-up that both end every order in the same status with the same CumQty and notional.
 * Mutable state means it allocates less than the immutable core, which favours the baseline.
 */
final class JavaUtilStateMachine {
    /** Where each (status, event) goes when it is legal and not decided by quantities. */
    private static final Map<OrdStatus, EnumMap<EventType, OrdStatus>> TABLE = new EnumMap<>(OrdStatus.class);

    static {
        edge(OrdStatus.PENDING_NEW, EventType.SENT, OrdStatus.PENDING_NEW);
        edge(OrdStatus.PENDING_NEW, EventType.NEW, OrdStatus.NEW);
        edge(OrdStatus.PENDING_NEW, EventType.CANCEL_REQUESTED, OrdStatus.PENDING_CANCEL);
        edge(OrdStatus.NEW, EventType.CANCEL_REQUESTED, OrdStatus.PENDING_CANCEL);
        edge(OrdStatus.PARTIALLY_FILLED, EventType.CANCEL_REQUESTED, OrdStatus.PENDING_CANCEL);
        edge(OrdStatus.NEW, EventType.REPLACE_REQUESTED, OrdStatus.PENDING_REPLACE);
        edge(OrdStatus.PARTIALLY_FILLED, EventType.REPLACE_REQUESTED, OrdStatus.PENDING_REPLACE);
        edge(OrdStatus.PENDING_CANCEL, EventType.CANCELED, OrdStatus.CANCELED);
        edge(OrdStatus.NEW, EventType.CANCELED, OrdStatus.CANCELED);
        edge(OrdStatus.PARTIALLY_FILLED, EventType.CANCELED, OrdStatus.CANCELED);
    }

    private static final Set<OrdStatus> FILLABLE = EnumSet.of(OrdStatus.PENDING_NEW, OrdStatus.NEW,
            OrdStatus.PARTIALLY_FILLED, OrdStatus.PENDING_CANCEL, OrdStatus.PENDING_REPLACE, OrdStatus.CANCELED,
            OrdStatus.EXPIRED, OrdStatus.UNKNOWN);

    private static void edge(OrdStatus from, EventType on, OrdStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(EventType.class)).put(on, to);
    }

    /** One order's mutable state. */
    static final class MutableOrder {
        OrdStatus status;
        OrdStatus prior;
        long orderQty;
        long price;
        long cumQty;
        long notional;
        long pendingQty;
        long pendingPrice;
        final Set<String> execIds = new HashSet<>();

        MutableOrder(Order start) {
            status = start.status();
            orderQty = start.orderQty();
            price = start.price();
        }
    }

    /** Applies one event; returns whether it changed the order (false: ignored or refused). */
    static boolean apply(MutableOrder o, OrderEvent event) {
        if (event instanceof OrderEvent.Filled f) {
            if (o.execIds.contains(f.execId().value())) return false;
            if (!FILLABLE.contains(o.status) || f.lastQty() <= 0 || f.lastQty() > o.orderQty - o.cumQty) return false;
            o.execIds.add(f.execId().value());
            o.cumQty += f.lastQty();
            o.notional = Math.addExact(o.notional, Math.multiplyExact(f.lastQty(), f.lastPx()));
            boolean complete = o.cumQty == o.orderQty;
            if (complete) {
                o.status = OrdStatus.FILLED;
                o.prior = null;
            } else if (o.status == OrdStatus.PENDING_CANCEL || o.status == OrdStatus.PENDING_REPLACE) {
                o.prior = OrdStatus.PARTIALLY_FILLED;
            } else if (o.status != OrdStatus.CANCELED && o.status != OrdStatus.EXPIRED) {
                o.status = OrdStatus.PARTIALLY_FILLED;
            }
            return true;
        } else if (event instanceof OrderEvent.CancelRejected) {
            if (o.status != OrdStatus.PENDING_CANCEL) return false;
            o.status = o.prior;
            o.prior = null;
            return true;
        } else if (event instanceof OrderEvent.ReplaceRequested r) {
            if (r.orderQty() <= o.cumQty) return false;
            OrdStatus to = lookup(o.status, EventType.REPLACE_REQUESTED);
            if (to == null) return false;
            o.prior = o.status;
            o.status = to;
            o.pendingQty = r.orderQty();
            o.pendingPrice = r.price();
            return true;
        } else if (event instanceof OrderEvent.Replaced r) {
            if (o.status != OrdStatus.PENDING_REPLACE || r.orderQty() < o.cumQty) return false;
            o.orderQty = r.orderQty();
            o.price = r.price();
            o.status = o.cumQty == o.orderQty ? OrdStatus.FILLED : OrdStatus.working(o.cumQty);
            o.prior = null;
            return true;
        } else if (event instanceof OrderEvent.Accepted) {
            if (o.status != OrdStatus.PENDING_NEW) return false;
            o.status = OrdStatus.NEW;
            return true;
        } else {
            OrdStatus to = lookup(o.status, EventType.of(event));
            if (to == null) return false;
            if (to == OrdStatus.PENDING_CANCEL) o.prior = o.status;
            if (to == OrdStatus.CANCELED) o.prior = null;
            o.status = to;
            return true;
        }
    }

    private static OrdStatus lookup(OrdStatus from, EventType on) {
        EnumMap<EventType, OrdStatus> row = TABLE.get(from);
        return row == null ? null : row.get(on);
    }
}
