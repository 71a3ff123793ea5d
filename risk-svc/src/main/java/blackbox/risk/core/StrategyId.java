package blackbox.risk.core;

import java.util.regex.Pattern;

/**
 * A strategy (or execution algorithm instance) that sends orders, as oms-svc names it: {@code twap-7},
 * {@code mm.petr4}. {@link #NONE} stands for a manual order (no strategy). Platform has no strategy id yet, so it
 * lives here.
 *
 * @param value letters, digits and {@code . _ -}, 1..64 characters
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record StrategyId(String value) {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    /** A manual order: no strategy scope applies. */
    public static final StrategyId NONE = new StrategyId("-");

    public StrategyId {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("strategy must match [A-Za-z0-9._-]{1,64}: strategy=\"" + value + "\"");
        }
    }

    public boolean isNone() {
        return this == NONE || value.equals("-");
    }

    @Override
    public String toString() {
        return value;
    }
}
