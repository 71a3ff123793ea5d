package blackbox.oms.core;

/**
 * The strategy an order belongs to (strategy-svc's id, or a desk's label).
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record StrategyId(String value) implements Comparable<StrategyId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public StrategyId {
        Tokens.check("strategy_id", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed strategy_id? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(StrategyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
