package blackbox.risk.switches;

import blackbox.risk.core.Scope;

/** What a transition asks the adapters to do, in order. */
public sealed interface Effect {
    Scope scope();

    /** Cancel every working order in the scope (algorithm children and manual orders alike) and track the confirmations. */
    record CancelWorkingOrders(Scope scope) implements Effect {
    }

    /** Send zeroing orders for the scope's positions (after the cancels). */
    record Flatten(Scope scope) implements Effect {
    }

    /** Record that the scope's positions were closed elsewhere (the audit keeps who and why). */
    record RecordClosedElsewhere(Scope scope) implements Effect {
    }
}
