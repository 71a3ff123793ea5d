package blackbox.oms.core.allocation;

/**
 * Which account gets a lot first when their remainders are equal: fixed, and recorded with the block
 * (b3-trading.md §7, rounding step 3).
 */
public enum TieBreak {
    /** By account code, ascending. */
    ACCOUNT_ASCENDING,
    /** In the order the accounts were listed. */
    LISTED_ORDER
}
