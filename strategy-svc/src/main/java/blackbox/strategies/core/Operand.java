package blackbox.strategies.core;

import blackbox.candles.indicators.IndicatorSpec;

/**
 * A number a condition compares: a candle field, a constant, or one output of an indicator.
 * Prices in the instrument's currency (BRL for B3), volume in shares or contracts.
 */
public sealed interface Operand {
    /** A field of the candle being evaluated. */
    record Field(Name name) implements Operand {
        /** The candle fields a strategy may read. */
        public enum Name { OPEN, HIGH, LOW, CLOSE, VOLUME }

        @Override
        public String toString() {
            return name.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A literal number. */
    record Constant(double value) implements Operand {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /**
     * One output of an indicator.
     *
     * @param output index into {@link IndicatorSpec#outputs()}
     */
    record Indicator(IndicatorSpec spec, int output) implements Operand {
        @Override
        public String toString() {
            return spec.outputs().size() == 1 ? spec.toString() : spec + "." + spec.outputs().get(output);
        }
    }
}
