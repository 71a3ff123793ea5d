package blackbox.oms.core;

/**
 * The kinds of order events as they are stored and streamed ({@code blackbox.oms.v1.OrderEventType}): CREATED
 * (the order persisted in PENDING_NEW, before the send) and one per {@link OrderEvent} type, in FIX ExecType terms.
 */
public enum EventType {
    CREATED,
    SENT,
    NEW,
    TRADE,
    REJECTED,
    DENIED,
    CANCEL_REQUESTED,
    CANCELED,
    CANCEL_REJECTED,
    REPLACE_REQUESTED,
    REPLACED,
    REPLACE_REJECTED,
    EXPIRED,
    OUTCOME_UNKNOWN,
    STATUS_READ;

    public static EventType of(OrderEvent event) {
        return switch (event) {
            case OrderEvent.Sent e -> SENT;
            case OrderEvent.Accepted e -> NEW;
            case OrderEvent.Filled e -> TRADE;
            case OrderEvent.Rejected e -> REJECTED;
            case OrderEvent.Denied e -> DENIED;
            case OrderEvent.CancelRequested e -> CANCEL_REQUESTED;
            case OrderEvent.Canceled e -> CANCELED;
            case OrderEvent.CancelRejected e -> CANCEL_REJECTED;
            case OrderEvent.ReplaceRequested e -> REPLACE_REQUESTED;
            case OrderEvent.Replaced e -> REPLACED;
            case OrderEvent.ReplaceRejected e -> REPLACE_REJECTED;
            case OrderEvent.Expired e -> EXPIRED;
            case OrderEvent.OutcomeUnknown e -> OUTCOME_UNKNOWN;
            case OrderEvent.StatusRead e -> STATUS_READ;
        };
    }
}
