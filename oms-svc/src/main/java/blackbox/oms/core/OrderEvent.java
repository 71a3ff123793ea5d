package blackbox.oms.core;

import java.util.Objects;

/**
 * Everything that can happen to an order: our commands ({@link CancelRequested}, {@link ReplaceRequested}, risk's
 * {@link Denied}), the venue's reports as the gateway adapter translates them, and reconciliation's
 * {@link StatusRead}. {@link Transitions#apply} decides what each does to an {@link Order}.
 *
 * <p>Every event has two times (UTC epoch ns): {@code tsEvent}, when it happened at the source (the DLL's time
 * for a report, ours for a command), and {@code tsInit}, when oms-svc saw it. Prices are scaled longs
 * ({@link Prices}); quantities shares or contracts.
 */
public sealed interface OrderEvent {
    long tsEvent();

    long tsInit();

    /** The gateway took the send (the DLL returned a LocalOrderID); {@code orderId} may be null when not yet known. */
    record Sent(OrderId orderId, long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue acknowledged the order (ExecType NEW). {@code orderId} may be null when the report lacks it. */
    record Accepted(OrderId orderId, long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue, broker or DLL refused the order (ExecType REJECTED), or reconciliation found the venue never saw it. */
    record Rejected(String reason, long tsEvent, long tsInit) implements OrderEvent {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Our pre-trade risk refused the order before it was sent. */
    record Denied(String reason, long tsEvent, long tsInit) implements OrderEvent {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A fill (ExecType TRADE): {@code lastQty} at {@code lastPx}.
     *
     * @param venueCumQty the venue's CumQty after this fill as the report states it, 0 when unknown; used to
     *     recognise a fill already counted by reconciliation
     * @param reconciled inferred by reconciliation from the venue's CumQty and AvgPx (no venue ExecID)
     */
    record Filled(ExecId execId, long lastQty, long lastPx, long venueCumQty, boolean reconciled, long tsEvent,
                  long tsInit) implements OrderEvent {
        public Filled {
            Objects.requireNonNull(execId, "execId");
        }
    }

    /** We sent a cancel. */
    record CancelRequested(long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue canceled the order (ours or unsolicited: cancel-all, broker, venue). */
    record Canceled(long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue refused a cancel (ExecType CANCEL_REJECTED). */
    record CancelRejected(String reason, long tsEvent, long tsInit) implements OrderEvent {
        public CancelRejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** We sent a change to this total quantity and prices (0 stop price when none). */
    record ReplaceRequested(long orderQty, long price, long stopPrice, long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue changed the order to this total quantity and prices (ExecType REPLACED). */
    record Replaced(long orderQty, long price, long stopPrice, long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The venue refused a change (ExecType REPLACE_REJECTED). */
    record ReplaceRejected(String reason, long tsEvent, long tsInit) implements OrderEvent {
        public ReplaceRejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The day ended (or the validity did) with the order open. */
    record Expired(long tsEvent, long tsInit) implements OrderEvent {
    }

    /** The gateway lost track of the order (routing dropped with it in flight): reconciliation decides. */
    record OutcomeUnknown(String reason, long tsEvent, long tsInit) implements OrderEvent {
        public OutcomeUnknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The venue's state of the order as reconciliation read it (gateway {@code ListOrders}, or a report of type
     * ORDER_STATUS): applied after any fill that reconciliation inferred, so {@code cumQty} must equal ours.
     *
     * @param status the venue's status in our terms (never DENIED)
     * @param orderId may be null
     */
    record StatusRead(OrdStatus status, long orderQty, long cumQty, long price, long stopPrice, OrderId orderId,
                      String text, long tsEvent, long tsInit) implements OrderEvent {
        public StatusRead {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(text, "text");
        }
    }
}
