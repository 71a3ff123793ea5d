package blackbox.risk.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one money and price representation of the risk core: a {@code long} of ten-thousandths of a real
 * ({@value #SCALE} implied decimals, R$ 0,0001), the finest price grid of B3 (EntryPoint prices carry 4 implied
 * decimals, b3-trading.md §2). Prices, notionals, cash and limits all use it, so a notional is
 * {@code quantity × price} with no rescaling. The range (±9,2 × 10^14 reais) holds any desk figure; products that
 * would not fit saturate (see {@link #times}) so that an absurd order is denied, never wrapped round.
 *
 * <p>Formatting is pt-BR ({@code R$ 500.000,00}) and only runs on DENY paths: it allocates.
 */
public final class Money {
    /** Implied decimals of every money and price {@code long}. */
    public static final int SCALE = 4;
    /** R$ 1,00 (or one point, for a price in points). */
    public static final long ONE = 10_000L;

    private static final Locale PT_BR = Locale.of("pt", "BR");

    private Money() {
    }

    /** {@code a × b} saturated to {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} instead of overflowing. No allocation. */
    public static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) return low;
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Saturating {@code a + b}. */
    public static long plus(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return r;
    }

    /**
     * The notional of {@code quantity} at {@code price} (both at this scale) for an instrument whose one point is
     * worth {@code pointValue} reais (scaled; {@link #ONE} for shares, R$ 0,20 = 2_000 for WIN, b3-trading.md §2).
     */
    public static long notional(long quantity, long price, long pointValue) {
        long perPoint = times(quantity, price);
        if (pointValue == ONE) return perPoint;
        // (q × p) × v / ONE, in 128 bits when q × p × v does not fit 64
        long high = Math.multiplyHigh(perPoint, pointValue);
        long low = perPoint * pointValue;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) return low / ONE;
        return BigDecimal.valueOf(perPoint).multiply(BigDecimal.valueOf(pointValue))
                .divide(BigDecimal.valueOf(ONE), RoundingMode.DOWN)
                .max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** Scaled money as pt-BR reais: {@code R$ 500.000,00}, {@code -R$ 1.234,5678} (2 decimals, up to 4 when there are). */
    public static String brl(long scaled) {
        if (scaled == Long.MAX_VALUE) return "R$ (acima do limite numérico)";
        String digits = decimal(BigDecimal.valueOf(Math.abs(scaled), SCALE), 2, 4);
        return (scaled < 0 ? "-R$ " : "R$ ") + digits;
    }

    /** A scaled price without currency, pt-BR: {@code 38,50}, {@code 130.005,00}. */
    public static String price(long scaled) {
        return decimal(BigDecimal.valueOf(scaled, SCALE), 2, 4);
    }

    /** A quantity in pt-BR grouping: {@code 10.000}. */
    public static String quantity(long quantity) {
        return decimal(BigDecimal.valueOf(quantity), 0, 0);
    }

    private static String decimal(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(PT_BR));
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
