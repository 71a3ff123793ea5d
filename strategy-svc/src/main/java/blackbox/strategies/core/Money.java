package blackbox.strategies.core;

import java.math.BigDecimal;

/** BRL as a scaled long: units of 10^-{@value #SCALE} BRL, exact for every B3 price (0.0001 grid). */
final class Money {
    static final int SCALE = 4;

    private Money() {
    }

    /** @return the price in units (prices arrive as doubles already on the tick; rounding only removes binary noise) */
    static long units(double price) {
        return Math.round(price * 1e4);
    }

    static BigDecimal brl(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    static long units(BigDecimal brl) {
        return brl.setScale(SCALE, java.math.RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
