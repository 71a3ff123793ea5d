package blackbox.risk.core;

/**
 * Why a check answered DENY, grouped as the check runs them (see {@link PreTradeCheck} for the order). The codes
 * mirror B3's rejects where there is one, so a DENY predicts an exchange reject instead of causing one.
 */
public enum ReasonCode {
    /** The answer was ACCEPT. */
    NONE,
    // state
    /** The switch view is not known to follow PostgreSQL (Redis away or not synced yet): fail closed. */
    RISK_STATE_UNKNOWN,
    /** A scope of the order is HALTED. */
    SWITCH_HALTED,
    /** A scope of the order is REDUCING and the order is not reducing. */
    SWITCH_REDUCING,
    // the order and its instrument
    INVALID_QUANTITY,
    /** Not a multiple of the lot (B3 002138). */
    LOT,
    INVALID_PRICE,
    /** Not a multiple of the tick. */
    TICK,
    /** Outside the instrument's session or a session limit. */
    OUTSIDE_SESSION,
    /** A market order, or a price band, without a reference price (B3 030055). */
    NO_REFERENCE_PRICE,
    // fat finger
    /** TMOC/TMOV-like (B3 002139). */
    MAX_ORDER_QUANTITY,
    MAX_ORDER_NOTIONAL,
    /** BRPC/BRPV-like (B3 002179). */
    PRICE_BAND,
    // exposure (not applied to reducing orders)
    /** SPCI-like. */
    MAX_LONG_POSITION,
    /** SPVI-like. */
    MAX_SHORT_POSITION,
    /** SPVD-like: a sale beyond the position plus borrow. */
    SHORT_NOT_COVERED,
    /** SDP-like: projected D+2 cash below the account's limit. */
    BUYING_POWER,
    MAX_DAILY_NOTIONAL,
    // flow
    MAX_OPEN_ORDERS,
    /** Orders per second (B3 033000 is the venue's). */
    THROTTLE
}
