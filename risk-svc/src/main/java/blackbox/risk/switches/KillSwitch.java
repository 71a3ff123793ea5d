package blackbox.risk.switches;

import blackbox.risk.core.Scope;

/**
 * The state of one scope's kill switch, with who set it, why and when.
 *
 * @param mode the halt mode while HALTED, else {@link HaltMode#NONE}
 * @param changedAtNanos UTC epoch nanoseconds of the last change
 * @param version the change's number in the risk state's sequence (0: never changed, ACTIVE by default)
 */
public record KillSwitch(Scope scope, SwitchState state, HaltMode mode, String who, String why, long changedAtNanos,
                         long version) {
    public KillSwitch {
        if (scope == null || state == null || mode == null || who == null || why == null) {
            throw new NullPointerException("scope, state, mode, who and why");
        }
        if (!scope.type().hasSwitch()) throw new IllegalArgumentException("no kill switch at " + scope.type() + ": scope=" + scope);
        if ((state == SwitchState.HALTED) != (mode != HaltMode.NONE)) {
            throw new IllegalArgumentException("a mode goes with HALTED only: state=" + state + " mode=" + mode);
        }
    }

    /** A scope nobody has touched: ACTIVE. */
    public static KillSwitch active(Scope scope) {
        return new KillSwitch(scope, SwitchState.ACTIVE, HaltMode.NONE, "", "", 0, 0);
    }

    public KillSwitch withVersion(long v) {
        return new KillSwitch(scope, state, mode, who, why, changedAtNanos, v);
    }

    /** How messages name it: {@code account 1234 is HALTED by ana (client call)}. */
    public String describe() {
        return scope.label() + " is " + state + (who.isEmpty() ? "" : " by " + who) + (why.isEmpty() ? "" : " (" + why + ")");
    }
}
