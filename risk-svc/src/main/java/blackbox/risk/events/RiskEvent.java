package blackbox.risk.events;

import blackbox.risk.core.LimitRow;
import blackbox.risk.core.Scope;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.switches.KillSwitch;
import java.util.List;

/** What StreamRiskEvents reports. {@code tsNanos}: UTC epoch ns when risk-svc saw it. */
public sealed interface RiskEvent {
    long tsNanos();

    record SwitchChanged(long tsNanos, KillSwitch change) implements RiskEvent {
    }

    /** A limit set ({@code value} present) or cleared. */
    record LimitChanged(long tsNanos, Scope scope, blackbox.risk.core.LimitKind kind, java.util.OptionalLong value,
                        String who, String why) implements RiskEvent {
        public static LimitChanged set(long ts, LimitRow row, String who, String why) {
            return new LimitChanged(ts, row.scope(), row.kind(), java.util.OptionalLong.of(row.value()), who, why);
        }
    }

    record CancelConfirmed(long tsNanos, Scope haltedScope, WorkingOrder order) implements RiskEvent {
    }

    record CancelRejected(long tsNanos, Scope haltedScope, WorkingOrder order, String text) implements RiskEvent {
    }

    /** Cancels still unanswered when the halt's timeout passed. */
    record CancelsUnconfirmed(long tsNanos, Scope haltedScope, List<WorkingOrder> orders) implements RiskEvent {
    }

    record HaltCompleted(long tsNanos, HaltReport report) implements RiskEvent {
    }

    /** The switch view stopped following PostgreSQL (fail closed) or synced again. */
    record StateKnown(long tsNanos, boolean known, String reason) implements RiskEvent {
    }

    /** A change could not be written to PostgreSQL; a restrictive one is in force in this process only. */
    record NotPersisted(long tsNanos, Scope scope, String what) implements RiskEvent {
    }
}
