package blackbox.oms.store;

import blackbox.oms.core.Outcome;

/**
 * What applying one event did: the transition's outcome, the order after it (unchanged unless applied) and the
 * event's sequence (0 unless applied).
 */
public record ApplyResult(Outcome outcome, StoredOrder order, long sequence) {
    public boolean applied() {
        return outcome instanceof Outcome.Applied;
    }
}
