package blackbox.oms.core.reconcile;

import java.util.List;

/**
 * What reconciling one account decided: one {@link Decision} per open order of ours, and the venue's orders that
 * are not ours.
 *
 * @param foreign venue orders whose key matches none of our open orders (sent by another platform, or ours but
 *     already final here): reported, never adopted
 */
public record ReconciliationPlan(List<Decision> decisions, List<VenueOrder> foreign) {
    public ReconciliationPlan {
        decisions = List.copyOf(decisions);
        foreign = List.copyOf(foreign);
    }

    /** The decisions a person must look at. */
    public List<Decision> discrepancies() {
        List<Decision> out = new java.util.ArrayList<>();
        for (Decision d : decisions) if (d.verdict() == Verdict.DISCREPANCY) out.add(d);
        return out;
    }
}
