package blackbox.positions.core;

/**
 * FIX ExecType (150) of the execution reports the core takes: a trade, a trade cancel (bust) or a trade
 * correction, the last two naming the trade they act on by ExecRefID (19).
 */
public enum ExecType {
    /** F: a fill of LastQty at LastPx. */
    TRADE,
    /** H: the referenced trade never happened (busted): it is reversed. */
    TRADE_CANCEL,
    /** G: the referenced trade is replaced by this one's quantity and price: reversed, then this applied. */
    TRADE_CORRECT
}
