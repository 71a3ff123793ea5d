package blackbox.risk.switches;

/** A kill switch's state, least restrictive first (the order {@link #mostRestrictive} relies on). */
public enum SwitchState {
    /** Orders pass subject to the limits. */
    ACTIVE,
    /** Only reducing orders pass (see {@code Reducing}); cancels always do. */
    REDUCING,
    /** Nothing passes but cancels. */
    HALTED;

    public static SwitchState mostRestrictive(SwitchState a, SwitchState b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
