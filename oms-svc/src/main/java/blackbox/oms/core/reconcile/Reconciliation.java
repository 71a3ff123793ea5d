package blackbox.oms.core.reconcile;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.Prices;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.Transitions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation decision, pure: given one account's open orders of ours and the venue's list of that
 * account's orders (gateway {@code ListOrders} for the session), what each of ours becomes. Run after a restart of
 * oms-svc or the gateway, and after a routing drop, before any new order is sent for the account. Nothing is ever
 * re-sent.
 *
 * <ul>
 *   <li>Listed by the venue (matched by ClOrdID = the gateway's idempotency key): if the venue's CumQty is above
 *       ours, we missed fills: one fill of the difference is inferred at the price that makes our AvgPx the
 *       venue's ({@code (venue AvgPx × venue CumQty − our notional) / difference}, half-even to 4 decimals), with
 *       ExecID {@code R:<ClOrdID>:<venue CumQty>} so deciding again never counts it twice; then the venue's status,
 *       quantity and prices ({@link OrderEvent.StatusRead}). A venue CumQty below ours is a discrepancy.</li>
 *   <li>Not listed, never acknowledged (PENDING_NEW, UNKNOWN, or a request pending on a PENDING_NEW order) and
 *       nothing filled: the venue never saw it: REJECTED with the reason.</li>
 *   <li>Not listed, a day order of an earlier session that the venue had acknowledged: it EXPIRED.</li>
 *   <li>Not listed otherwise (acknowledged today, or filled): a discrepancy, nothing applied.</li>
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class Reconciliation {
    /** The reason an order the venue never saw is rejected with. */
    public static final String NEVER_SEEN_REASON =
            "not at the venue: the gateway's ListOrders does not have it after a restart; not re-sent";
    static final String EXPIRED_REASON = "day order of an earlier session, no longer at the venue: expired";

    private Reconciliation() {
    }

    /**
     * @param ours the account's open orders (any order given that is final is decided UNCHANGED)
     * @param venue the venue's orders of the same account
     * @param sessionDate the B3 date of the venue's current session
     * @param tsInit now, UTC ns: the tsInit of the events decided
     */
    public static ReconciliationPlan decide(List<Order> ours, List<VenueOrder> venue, LocalDate sessionDate, long tsInit) {
        Map<ClOrdId, VenueOrder> byKey = new HashMap<>();
        for (VenueOrder v : venue) if (v.clOrdId() != null) byKey.put(v.clOrdId(), v);
        List<Decision> decisions = new ArrayList<>(ours.size());
        Map<ClOrdId, Boolean> matched = new HashMap<>();
        for (Order order : ours) {
            VenueOrder v = byKey.get(order.clOrdId());
            if (v != null) matched.put(order.clOrdId(), true);
            decisions.add(decideOne(order, v, sessionDate, tsInit));
        }
        List<VenueOrder> foreign = new ArrayList<>();
        for (VenueOrder v : venue) if (v.clOrdId() == null || !matched.containsKey(v.clOrdId())) foreign.add(v);
        return new ReconciliationPlan(decisions, foreign);
    }

    /** The decision for one order; {@code venue} null when the venue does not list it. */
    public static Decision decideOne(Order order, VenueOrder venue, LocalDate sessionDate, long tsInit) {
        if (order.status().isFinal()) {
            // its send's answer lost, it filled or ended through the report stream: only the venue's OrderID is news
            if (order.orderId() == null && venue != null && venue.orderId() != null) {
                return decided(order, Verdict.UPDATED, List.of(new OrderEvent.Sent(venue.orderId(), venue.updatedNanos(), tsInit)),
                        "final here; the venue's OrderID recorded: " + venue.orderId());
            }
            return unchanged(order, "final here: not reconciled");
        }
        return venue == null ? missing(order, sessionDate, tsInit) : listed(order, venue, tsInit);
    }

    private static Decision missing(Order order, LocalDate sessionDate, long tsInit) {
        boolean neverAcknowledged = order.status() == OrdStatus.PENDING_NEW || order.status() == OrdStatus.UNKNOWN
                || order.prior() == OrdStatus.PENDING_NEW;
        if (neverAcknowledged && order.cumQty() == 0 && order.orderId() == null) {
            return decided(order, Verdict.NEVER_SEEN, List.of(new OrderEvent.Rejected(NEVER_SEEN_REASON, tsInit, tsInit)),
                    NEVER_SEEN_REASON);
        }
        if (order.spec().tradeDate().isBefore(sessionDate) && order.spec().timeInForce() == TimeInForce.DAY) {
            return decided(order, Verdict.EXPIRED_EARLIER_SESSION, List.of(new OrderEvent.Expired(tsInit, tsInit)),
                    EXPIRED_REASON);
        }
        return discrepancy(order, "the venue does not list an order it acknowledged or filled: status="
                + order.status() + ", OrderID=" + order.orderId() + ", CumQty=" + order.cumQty());
    }

    private static Decision listed(Order order, VenueOrder v, long tsInit) {
        if (v.cumQty() < order.cumQty()) {
            return discrepancy(order, "venue CumQty below ours: venue=" + v.cumQty() + ", ours=" + order.cumQty());
        }
        List<OrderEvent> events = new ArrayList<>(3);
        // the venue's OrderID first: once inferred fills make the order final, no later event may name it
        if (order.orderId() == null && v.orderId() != null) {
            events.add(new OrderEvent.Sent(v.orderId(), v.updatedNanos(), tsInit));
        }
        if (v.cumQty() > order.cumQty()) {
            long missed = v.cumQty() - order.cumQty();
            long px = inferredPrice(order, v, missed);
            if (px <= 0) {
                return discrepancy(order, "fills missed but their price cannot be inferred: venue CumQty=" + v.cumQty()
                        + ", venue AvgPx=" + v.avgPx().toPlainString() + ", ours CumQty=" + order.cumQty()
                        + ", ours notional=" + Prices.format(order.notional()));
            }
            ExecId execId = new ExecId("R:" + order.clOrdId() + ":" + v.cumQty());
            events.add(new OrderEvent.Filled(execId, missed, px, v.cumQty(), true, v.updatedNanos(), tsInit));
        }
        String text = v.status() == OrdStatus.REJECTED ? v.text() : "";
        events.add(new OrderEvent.StatusRead(v.status(), v.orderQty(), v.cumQty(), v.price(), v.stopPrice(), v.orderId(),
                text, v.updatedNanos(), tsInit));
        return decided(order, Verdict.UPDATED, events, "state read from the venue: " + v.status()
                + (v.cumQty() > order.cumQty() ? ", " + (v.cumQty() - order.cumQty()) + " filled while we did not see it" : ""));
    }

    /** (venue AvgPx × venue CumQty − our notional) / missed, scaled, half-even. */
    private static long inferredPrice(Order order, VenueOrder v, long missed) {
        BigDecimal venueNotional = v.avgPx().multiply(BigDecimal.valueOf(v.cumQty()));
        BigDecimal missedNotional = venueNotional.subtract(BigDecimal.valueOf(order.notional(), Prices.SCALE));
        return missedNotional.divide(BigDecimal.valueOf(missed), Prices.SCALE, RoundingMode.HALF_EVEN).unscaledValue()
                .longValueExact();
    }

    /** Runs the events through the transition function; any refusal makes it a discrepancy with nothing applied. */
    private static Decision decided(Order order, Verdict verdict, List<OrderEvent> events, String reason) {
        Order state = order;
        boolean changed = false;
        for (OrderEvent event : events) {
            switch (Transitions.apply(state, event)) {
                case Outcome.Applied applied -> {
                    state = applied.order();
                    changed = true;
                }
                case Outcome.Ignored ignored -> {
                }
                case Outcome.Refused refused -> {
                    return discrepancy(order, refused.message());
                }
            }
        }
        if (!changed) return unchanged(order, "the venue agrees");
        return new Decision(order.clOrdId(), verdict, events, state, reason);
    }

    private static Decision unchanged(Order order, String reason) {
        return new Decision(order.clOrdId(), Verdict.UNCHANGED, List.of(), order, reason);
    }

    private static Decision discrepancy(Order order, String reason) {
        return new Decision(order.clOrdId(), Verdict.DISCREPANCY, List.of(), order, reason);
    }
}
