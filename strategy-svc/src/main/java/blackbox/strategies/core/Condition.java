package blackbox.strategies.core;

/** A boolean over the candles seen so far: comparisons and crosses of {@link Operand}s, combined with and/or. */
public sealed interface Condition {
    /** The comparison operators. */
    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">=");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    /** {@code left op right} at the current candle. */
    record Compare(Operand left, Op op, Operand right) implements Condition {
        @Override
        public String toString() {
            return left + " " + op.text + " " + right;
        }
    }

    /**
     * {@code left} crosses {@code right}: above means left &gt; right now and left &lt; right at the last earlier candle
     * where they differed (ta4j's {@code CrossedUpIndicatorRule}); below is the mirror.
     */
    record Cross(Operand left, boolean above, Operand right) implements Condition {
        @Override
        public String toString() {
            return left + (above ? " crosses_above " : " crosses_below ") + right;
        }
    }

    /** Both. */
    record And(Condition left, Condition right) implements Condition {
        @Override
        public String toString() {
            return "(" + left + " and " + right + ")";
        }
    }

    /** Either. */
    record Or(Condition left, Condition right) implements Condition {
        @Override
        public String toString() {
            return "(" + left + " or " + right + ")";
        }
    }
}
