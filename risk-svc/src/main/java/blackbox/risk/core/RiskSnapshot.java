package blackbox.risk.core;

import blackbox.risk.switches.SwitchBoard;

/**
 * What a check reads: the compiled limits, the kill switches, and whether the switches are known to follow
 * PostgreSQL. Published whole (one volatile write) by the view that keeps it.
 *
 * @param known false while the broadcast is down or not yet synced: every new order is denied
 *     {@link ReasonCode#RISK_STATE_UNKNOWN}
 * @param unknownBecause why the state is unknown, for the message (empty when known)
 */
public record RiskSnapshot(LimitBook limits, SwitchBoard switches, boolean known, String unknownBecause) {
    /** Before anything was read: nothing passes. */
    public static final RiskSnapshot UNKNOWN = new RiskSnapshot(LimitBook.EMPTY, SwitchBoard.ALL_ACTIVE, false, "not synced yet");

    public RiskSnapshot withSwitches(SwitchBoard board) {
        return new RiskSnapshot(limits, board, known, unknownBecause);
    }

    public RiskSnapshot withLimits(LimitBook book) {
        return new RiskSnapshot(book, switches, known, unknownBecause);
    }

    public RiskSnapshot unknown(String because) {
        return new RiskSnapshot(limits, switches, false, because);
    }
}
