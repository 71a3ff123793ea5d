package blackbox.oms.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order's state: an immutable value that {@link Transitions#apply} turns into the next one.
 *
 * <p>Invariants, checked here (a violation is a bug and throws {@link IllegalStateException}):
 * <ul>
 *   <li>{@code 0 <= cumQty <= orderQty}; {@code cumQty == orderQty} exactly when FILLED; NEW, REJECTED and DENIED
 *       have no fills; PARTIALLY_FILLED has some;</li>
 *   <li>{@code leavesQty() = orderQty - cumQty} while open, 0 once final;</li>
 *   <li>{@code prior} (the status a refused cancel or replace returns to: PENDING_NEW, NEW or PARTIALLY_FILLED) is
 *       set exactly in PENDING_CANCEL and PENDING_REPLACE; {@code pendingReplace} exactly in PENDING_REPLACE;</li>
 *   <li>{@code notional = Σ LastQty × LastPx} of the counted fills (scale {@value Prices#SCALE}), so AvgPx is
 *       {@code notional / cumQty} exactly; {@code reconciledQty} (the part of CumQty inferred by reconciliation)
 *       is at most CumQty.</li>
 * </ul>
 *
 * @param orderId the venue's id, null until known
 * @param price limit price (scaled), 0 for market
 * @param stopPrice trigger (scaled), 0 unless stop-limit
 * @param execIds the fills counted, for dedupe
 * @param text the reject or deny reason, or the latest odd-but-legal edge's reason; empty when none
 * @param updatedNanos {@code tsInit} of the latest event applied (creation time at first)
 */
public record Order(OrderSpec spec, OrdStatus status, OrdStatus prior, OrderId orderId, long orderQty, long price,
                    long stopPrice, long cumQty, long notional, long reconciledQty, PendingReplace pendingReplace,
                    ExecIds execIds, String text, long updatedNanos) {

    /** A change we asked for and the venue has not answered yet. */
    public record PendingReplace(long orderQty, long price, long stopPrice) {
    }

    public Order {
        if (spec == null || status == null || execIds == null || text == null) {
            throw new IllegalStateException("order fields must not be null: " + spec + ", " + status);
        }
        if (orderQty <= 0 || cumQty < 0 || cumQty > orderQty) {
            throw broken("0 <= CumQty <= OrderQty, OrderQty > 0", status, orderQty, cumQty);
        }
        if ((cumQty == orderQty) != (status == OrdStatus.FILLED)) {
            throw broken("CumQty = OrderQty exactly when FILLED", status, orderQty, cumQty);
        }
        if (cumQty > 0 && (status == OrdStatus.NEW || status == OrdStatus.REJECTED || status == OrdStatus.DENIED)
                || cumQty == 0 && status == OrdStatus.PARTIALLY_FILLED) {
            throw broken("CumQty must agree with the status", status, orderQty, cumQty);
        }
        if ((prior != null) != status.isPendingRequest()
                || prior != null && prior != OrdStatus.PENDING_NEW && prior != OrdStatus.NEW
                && prior != OrdStatus.PARTIALLY_FILLED) {
            throw new IllegalStateException("prior status only in PENDING_CANCEL/PENDING_REPLACE, one of PENDING_NEW,"
                    + " NEW, PARTIALLY_FILLED: status=" + status + ", prior=" + prior);
        }
        if ((pendingReplace != null) != (status == OrdStatus.PENDING_REPLACE)) {
            throw new IllegalStateException("pending replace exactly in PENDING_REPLACE: status=" + status);
        }
        if (notional < 0 || (cumQty == 0) != (notional == 0) || reconciledQty < 0 || reconciledQty > cumQty) {
            throw new IllegalStateException("notional and reconciled quantity must agree with CumQty: cumQty=" + cumQty
                    + ", notional=" + notional + ", reconciledQty=" + reconciledQty);
        }
    }

    private static IllegalStateException broken(String rule, OrdStatus status, long orderQty, long cumQty) {
        return new IllegalStateException(rule + ": status=" + status + ", orderQty=" + orderQty + ", cumQty=" + cumQty);
    }

    /** A new order as persisted before the send: PENDING_NEW, nothing filled. */
    public static Order pendingNew(OrderSpec spec, long orderQty, long price, long stopPrice) {
        Objects.requireNonNull(spec, "spec");
        return new Order(spec, OrdStatus.PENDING_NEW, null, null, orderQty, price, stopPrice, 0, 0, 0, null,
                ExecIds.EMPTY, "", spec.createdNanos());
    }

    public ClOrdId clOrdId() {
        return spec.clOrdId();
    }

    /** FIX LeavesQty: what may still fill, 0 once final. */
    public long leavesQty() {
        return status.isOpen() ? orderQty - cumQty : 0;
    }

    /** OrderQty - CumQty: the most a fill may add, also after a cancel (a late fill). */
    public long unfilledQty() {
        return orderQty - cumQty;
    }

    /** FIX AvgPx, rounded half-even to {@value Prices#AVG_PX_SCALE} decimals ({@link Prices#avgPx}). */
    public BigDecimal avgPx() {
        return Prices.avgPx(notional, cumQty);
    }

    // ---- the next states, for Transitions (each keeps every field not named)

    Order moved(OrdStatus newStatus, OrdStatus newPrior, PendingReplace newPending, String newText, long ts) {
        return new Order(spec, newStatus, newPrior, orderId, orderQty, price, stopPrice, cumQty, notional,
                reconciledQty, newPending, execIds, newText, ts);
    }

    Order identified(OrdStatus newStatus, OrderId newOrderId, String newText, long ts) {
        return new Order(spec, newStatus, prior, newOrderId == null ? orderId : newOrderId, orderQty, price, stopPrice,
                cumQty, notional, reconciledQty, pendingReplace, execIds, newText, ts);
    }

    Order withPrior(OrdStatus newPrior, String newText, long ts) {
        return new Order(spec, status, newPrior, orderId, orderQty, price, stopPrice, cumQty, notional, reconciledQty,
                pendingReplace, execIds, newText, ts);
    }

    Order filled(ExecId execId, long newCumQty, long newNotional, long newReconciledQty, OrdStatus newStatus,
                 OrdStatus newPrior, String newText, long ts) {
        return new Order(spec, newStatus, newPrior, orderId, orderQty, price, stopPrice, newCumQty, newNotional,
                newReconciledQty, newStatus == OrdStatus.PENDING_REPLACE ? pendingReplace : null, execIds.with(execId),
                newText, ts);
    }

    Order resized(long newOrderQty, long newPrice, long newStopPrice, OrdStatus newStatus, OrdStatus newPrior,
                  PendingReplace newPending, String newText, long ts) {
        return new Order(spec, newStatus, newPrior, orderId, newOrderQty, newPrice, newStopPrice, cumQty, notional,
                reconciledQty, newPending, execIds, newText, ts);
    }

    Order read(OrdStatus newStatus, OrdStatus newPrior, OrderId newOrderId, long newOrderQty, long newPrice,
               long newStopPrice, String newText, long ts) {
        return new Order(spec, newStatus, newPrior, newOrderId == null ? orderId : newOrderId, newOrderQty, newPrice,
                newStopPrice, cumQty, notional, reconciledQty, newStatus == OrdStatus.PENDING_REPLACE ? pendingReplace : null,
                execIds, newText, ts);
    }
}
