package blackbox.oms.store;

import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import java.util.Objects;

/**
 * An event that changed nothing and is worth keeping ({@code oms.event_anomalies}): refused (with its alarm flag), or
 * ignored for a reason other than a plain duplicate.
 *
 * @param at the order when the event came
 * @param outcome {@code IGNORED} or {@code REFUSED}
 * @param code the {@link blackbox.oms.core.IgnoreReason} or {@link blackbox.oms.core.RefusalCode} name
 */
public record PendingAnomaly(Order at, OrderEvent event, String outcome, String code, boolean alarm, String message) {
    public PendingAnomaly {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
