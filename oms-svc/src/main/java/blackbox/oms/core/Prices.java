package blackbox.oms.core;

import blackbox.platform.domain.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices and money in the core: scaled {@code long}s with {@value #SCALE} decimals (B3's finest price grid,
 * EntryPoint's 4 implied decimals, b3-trading.md §2), so {@code 38.50} is {@code 385_000}. A notional
 * (Σ qty × price) has the same scale. AvgPx is {@code notional / CumQty}, kept as that exact pair and only
 * divided at the edge, rounded half-even to {@value #AVG_PX_SCALE} decimals.
 */
public final class Prices {
    /** Decimals of a scaled price or notional. */
    public static final int SCALE = 4;
    /** Decimals of a formatted AvgPx. */
    public static final int AVG_PX_SCALE = 8;

    private Prices() {
    }

    /** {@code "38.5"} → {@code 385000}; the field names the error (see {@link Decimals#parseScaled}). */
    public static long parse(String field, String text) {
        return Decimals.parseScaled(field, text, SCALE);
    }

    /** {@code 385000} → {@code "38.50"} (at least 2 decimals, at most 4). */
    public static String format(long scaled) {
        return Decimals.format(scaled, SCALE, 2);
    }

    /** Σ(qty × px) / CumQty, half-even to {@value #AVG_PX_SCALE} decimals; zero before any fill. */
    public static BigDecimal avgPx(long notional, long cumQty) {
        if (cumQty == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(notional, SCALE).divide(BigDecimal.valueOf(cumQty), AVG_PX_SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@link #avgPx} as plain text without trailing zeros ({@code "38.5"}, {@code "0"}). */
    public static String formatAvgPx(long notional, long cumQty) {
        BigDecimal value = avgPx(notional, cumQty).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }
}
