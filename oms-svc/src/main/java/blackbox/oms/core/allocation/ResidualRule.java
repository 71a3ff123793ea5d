package blackbox.oms.core.allocation;

/**
 * What happens to quantity that does not make a whole lot (b3-trading.md §1: "sending a below-lot residual to the
 * F market is an explicit decision, never automatic"; §7 step 4).
 */
public enum ResidualRule {
    /** Allocated in whole lots only; the rest is reported as the residual and not sent. */
    REPORT,
    /**
     * Allocated in shares; each account's part below a lot goes to the fractional market (ticker + F, its own
     * book). Only for instruments that have one.
     */
    FRACTIONAL
}
