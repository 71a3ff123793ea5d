package blackbox.oms.store;

import blackbox.oms.core.EventType;
import blackbox.oms.core.Edge;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import java.util.Objects;

/**
 * An event the single writer decided ({@link blackbox.oms.core.Transitions#apply} said Applied) and is about to
 * commit: the order before and after it, the event and the edge taken. A creation has no {@code before} and no
 * {@code event} (type CREATED).
 */
public record PendingEvent(Order before, Order after, OrderEvent event, Edge edge) {
    public PendingEvent {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(edge, "edge");
        if ((before == null) != (event == null)) throw new IllegalArgumentException("a creation has neither before nor event");
    }

    /** The CREATED event of a new order. */
    public static PendingEvent created(Order order) {
        return new PendingEvent(null, order, null, Edge.NONE);
    }

    public EventType type() {
        return event == null ? EventType.CREATED : EventType.of(event);
    }

    public long tsEvent() {
        return event == null ? after.spec().createdNanos() : event.tsEvent();
    }

    public long tsInit() {
        return event == null ? after.spec().createdNanos() : event.tsInit();
    }
}
