package blackbox.oms.core;

import java.math.BigDecimal;

/**
 * How an order is worked: every algorithm but {@link Full} is a parent worked by oms-svc ({@code blackbox.oms.algo};
 * {@link Oco} by {@link blackbox.oms.algo.OcoBracket}).
 * Parameters are named as NautilusTrader (horizon/interval seconds) and FIX (MaxFloor 111, ParticipationRate 849)
 * name them; prices are scaled longs ({@link Prices}).
 */
public sealed interface Algorithm {
    Kind kind();

    /** The algorithm's name as the contract spells it ({@code twap}, {@code cover_up_to}, ...). */
    default String label() {
        return kind().label;
    }

    enum Kind {
        FULL("full"), ICEBERG("iceberg"), TWAP("twap"), VWAP("vwap"), COVER_UP_TO("cover_up_to"), OCO("oco");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The whole quantity as one order. */
    record Full() implements Algorithm {
        public static final Full INSTANCE = new Full();

        @Override
        public Kind kind() {
            return Kind.FULL;
        }
    }

    /** Shows at most {@code maxFloor} (FIX MaxFloor) at a time. */
    record Iceberg(long maxFloor) implements Algorithm {
        @Override
        public Kind kind() {
            return Kind.ICEBERG;
        }
    }

    /** Time-weighted slices: one per {@code intervalSecs} over {@code horizonSecs}, from {@code startNanos} (0: at once). */
    record Twap(long horizonSecs, long intervalSecs, long startNanos) implements Algorithm {
        @Override
        public Kind kind() {
            return Kind.TWAP;
        }
    }

    /**
     * Volume-weighted: one slice per {@code intervalSecs} over {@code horizonSecs} from {@code startNanos} (0: at once),
     * each weighted by the instrument's volume in its time-of-day window over the last {@code profileSessions} B3
     * sessions, at most {@code participationRate} (FIX ParticipationRate 849, a fraction in (0, 1]) of the market's
     * volume since the start ({@link blackbox.oms.algo.Vwap}).
     */
    record Vwap(long horizonSecs, long intervalSecs, BigDecimal participationRate, long startNanos, int profileSessions)
            implements Algorithm {
        /** Sessions of history when the request leaves {@code profile_sessions} 0. */
        public static final int DEFAULT_PROFILE_SESSIONS = 20;
        /** The most sessions of history a profile averages. */
        public static final int MAX_PROFILE_SESSIONS = 60;

        @Override
        public Kind kind() {
            return Kind.VWAP;
        }
    }

    /**
     * "Cobrir até X": follows the best price of its side, {@code offsetTicks} better, never beyond {@code limitPrice}
     * ({@link blackbox.oms.algo.CoverUpTo}).
     *
     * @param tick the instrument's price grid when the order was taken, scaled ({@link Prices}): what an offset tick is
     */
    record CoverUpTo(long limitPrice, int offsetTicks, long tick) implements Algorithm {
        public CoverUpTo {
            if (limitPrice <= 0 || offsetTicks < 0 || tick <= 0) {
                throw new IllegalArgumentException("limitPrice > 0, offsetTicks >= 0, tick > 0: limitPrice=" + limitPrice
                        + ", offsetTicks=" + offsetTicks + ", tick=" + tick);
            }
        }

        @Override
        public Kind kind() {
            return Kind.COVER_UP_TO;
        }
    }

    /** One-cancels-the-other: a take-profit limit and a stop-limit (trigger, limit) for the same quantity. */
    record Oco(long limitPrice, long stopPrice, long stopLimitPrice) implements Algorithm {
        @Override
        public Kind kind() {
            return Kind.OCO;
        }
    }
}
