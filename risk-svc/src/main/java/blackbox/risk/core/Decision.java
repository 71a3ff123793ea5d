package blackbox.risk.core;

/**
 * The answer of a pre-trade check: ACCEPT, or DENY with a reason code and a message naming the limit, its value and
 * the order's value ({@code max order notional for account 1234 is R$ 500.000,00: order R$ 612.340,00}).
 */
public record Decision(boolean accepted, ReasonCode reason, String message) {
    /** The one ACCEPT (the accept path allocates nothing). */
    public static final Decision ACCEPT = new Decision(true, ReasonCode.NONE, "");

    public Decision {
        if (accepted != (reason == ReasonCode.NONE)) throw new IllegalArgumentException("accept has no reason, a deny has one");
    }

    public static Decision deny(ReasonCode reason, String message) {
        return new Decision(false, reason, message);
    }
}
