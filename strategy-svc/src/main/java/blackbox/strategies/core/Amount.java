package blackbox.strategies.core;

import java.math.BigDecimal;

/**
 * A quantity with its unit, as a trader writes it: {@code 100} (shares), {@code 5000 BRL}, {@code 2%}, {@code 20 ticks}.
 *
 * @param value &gt; 0
 */
public record Amount(BigDecimal value, Unit unit) {
    /** The units; which ones a field accepts is the field's rule. */
    public enum Unit { SHARES, BRL, PERCENT, TICKS }

    @Override
    public String toString() {
        return switch (unit) {
            case SHARES -> value.toPlainString();
            case BRL -> value.toPlainString() + " BRL";
            case PERCENT -> value.toPlainString() + "%";
            case TICKS -> value.toPlainString() + " ticks";
        };
    }
}
