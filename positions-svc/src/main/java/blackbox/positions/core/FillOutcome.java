package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;

/** What applying one {@link Fill} did. */
public sealed interface FillOutcome {
    /**
     * The fill changed the position: the changes it caused, money in 1e-6 BRL (a cancel's are the opposite of
     * the trade's; a correction's are the net of reversal and reapplication).
     *
     * @param realized change of the day's realized P&amp;L
     * @param costs change of the day's costs
     * @param cash change of the day's cash at {@code settlementDate}
     */
    record Applied(String execId, AccountId account, InstrumentId instrument, long realized, long costs, long cash,
                   LocalDate settlementDate) implements FillOutcome {
    }

    /** The ExecID was applied before: nothing changed. */
    record Duplicate(String execId) implements FillOutcome {
    }

    /** The fill was refused; {@code message} names the field and value. */
    record Rejected(String execId, RejectReason reason, String message) implements FillOutcome {
    }
}
