package blackbox.oms.core.allocation;

/** How a block's quantity is split across accounts (b3-trading.md §7). */
public enum AllocationMethod {
    /** Each account's quantity is given; nothing is rounded. */
    FIXED,
    /** Each account's percentage is given; they sum to exactly 100. */
    PERCENT,
    /** Proportional to each account's equity (BRL). */
    EQUITY,
    /** Proportional to each account's cash (BRL). */
    CASH;

    /** Weights are proportions of a total (everything but FIXED). */
    public boolean proportional() {
        return this != FIXED;
    }
}
