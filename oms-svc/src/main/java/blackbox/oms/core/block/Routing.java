package blackbox.oms.core.block;

/** How a block reaches the venue. */
public enum Routing {
    /** One child order per account: the DLL routes per account (the default). */
    PER_ACCOUNT,
    /** One order in a master account; its fills are allocated at the average price ({@link blackbox.oms.core.allocation.CumulativeAllocation}). */
    AVERAGE_PRICE
}
