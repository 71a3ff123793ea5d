package blackbox.positions.core;

import java.math.RoundingMode;

/**
 * One line of the fee table: a named cost (e.g. {@code b3_trading}, {@code b3_settlement}, {@code brokerage})
 * for a segment and day-trade flag, charged on the day's traded value ({@link Kind#PERCENT}), per order or
 * per contract, rounded to centavos as the broker's nota rounds it (b3-trading.md §6).
 *
 * @param segment the segment it applies to
 * @param dayTrade true: applies to the day-traded part; false: to the rest
 * @param name the cost's name, reported per fill and per position
 * @param kind how it is charged
 * @param value PERCENT: a fraction at 1e-8 (0,0050% → 5000); PER_ORDER and PER_CONTRACT: BRL in money units (1e-6)
 * @param rounding how the line's total for an account, instrument and day is rounded to centavos
 */
public record FeeLine(Segment segment, boolean dayTrade, String name, Kind kind, long value, RoundingMode rounding) {
    /** How a line is charged. */
    public enum Kind {
        /** A percentage of the traded value (buys plus sells). */
        PERCENT,
        /** An amount per distinct order (OrderID) with fills that day. */
        PER_ORDER,
        /** An amount per contract (or share) traded. */
        PER_CONTRACT
    }

    public FeeLine {
        if (value < 0) throw new IllegalArgumentException("value must be >= 0: value=" + value);
    }
}
