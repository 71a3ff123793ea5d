package blackbox.oms.core;

import java.util.Objects;

/**
 * What {@link Transitions#apply} decided for one event: {@link Applied} (the next state), {@link Ignored} (nothing
 * changes, for a reason that is expected: a duplicate, a late report) or {@link Refused} (nothing changes, and the
 * event was not acceptable: a command the state forbids, or a report that contradicts what we know).
 */
public sealed interface Outcome {

    /**
     * The event moved the order to {@code order}.
     *
     * @param edge {@link Edge#NONE} for an ordinary transition, else the odd-but-legal edge taken
     */
    record Applied(Order order, Edge edge) implements Outcome {
        public Applied {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(edge, "edge");
        }
    }

    /** Nothing changes; the reason is expected and says why. */
    record Ignored(IgnoreReason reason) implements Outcome {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Nothing changes; the event is not acceptable in the order's state. {@code code.alarm()} tells whether it
     * contradicts what we know (a venue report to be looked at by a person) or is only a command the state forbids.
     *
     * @param message names the values involved, e.g. {@code "fill above the open quantity: LastQty=200, OrderQty=1000, CumQty=900"}
     */
    record Refused(RefusalCode code, OrdStatus status, String message) implements Outcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }
    }
}
