package blackbox.positions.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The fixed-point scales of the core and the exact arithmetic on them. Every amount is a {@code long}:
 *
 * <ul>
 *   <li>prices: {@link #PRICE_SCALE} = 4 decimals (B3's finest grid; the gateway rounds fills to 4 decimals),
 *       BRL for equities and options, points for futures;</li>
 *   <li>multipliers (BRL per point): {@link #MULTIPLIER_SCALE} = 2 decimals (WIN 0,20 → 20; equities 1 → 100);</li>
 *   <li>money (notional, cost, P&amp;L, fees, cash): {@link #MONEY_SCALE} = 6 decimals of BRL, so
 *       price × quantity × multiplier is exact with no rounding at all;</li>
 *   <li>fee rates: {@link #RATE_SCALE} = 8 decimals of a fraction (0,0050% = 0.000050 → 5000).</li>
 * </ul>
 *
 * <p>Bounds: money fits ±9.22 × 10^12 BRL (a notional, a cost basis or a day's cash per account and
 * instrument; sums in the desk view too). Products are checked ({@link Math#multiplyExact}) and throw
 * {@link ArithmeticException} beyond that — a bug or a position far outside a desk's size, never a silent
 * wrap. {@link #mulDiv} computes {@code a × b / c} exactly even when {@code a × b} overflows 64 bits.
 */
public final class Scaled {
    public static final int PRICE_SCALE = 4;
    public static final int MULTIPLIER_SCALE = 2;
    public static final int MONEY_SCALE = 6;
    public static final int RATE_SCALE = 8;
    /** Money units per centavo (10^(6−2)). */
    public static final long MONEY_PER_CENTAVO = 10_000L;

    private Scaled() {
    }

    /** Notional of a fill: price (1e-4) × quantity × multiplier (1e-2) = money (1e-6 BRL), exact. */
    public static long notional(long priceE4, long quantity, long multiplierE2) {
        return Math.multiplyExact(Math.multiplyExact(priceE4, quantity), multiplierE2);
    }

    /**
     * {@code a × b / c} rounded half-even, exact for any long inputs whose result fits a long; {@code c > 0}.
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    public static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return divHalfEven(lo, c);
        return new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** {@code n / d} rounded half-even, {@code d > 0}. */
    public static long divHalfEven(long n, long d) {
        return divRound(n, d, RoundingMode.HALF_EVEN);
    }

    /**
     * {@code value × rate} (money × fraction at 1e-8) rounded to whole centavos with {@code mode}, returned in
     * money units (a multiple of {@link #MONEY_PER_CENTAVO}).
     */
    public static long percentOf(long money, long rateE8, RoundingMode mode) {
        // money (1e-6) × rate (1e-8) = 1e-14 BRL; centavos = that / 1e12
        long hi = Math.multiplyHigh(money, rateE8);
        long lo = money * rateE8;
        long centavos;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            centavos = divRound(lo, 1_000_000_000_000L, mode);
        } else {
            centavos = BigDecimal.valueOf(money).multiply(BigDecimal.valueOf(rateE8))
                    .divide(BigDecimal.valueOf(1_000_000_000_000L), 0, mode).longValueExact();
        }
        return Math.multiplyExact(centavos, MONEY_PER_CENTAVO);
    }

    /** {@code n / d} rounded with {@code mode} ({@code d > 0}); UNNECESSARY throws when inexact. */
    public static long divRound(long n, long d, RoundingMode mode) {
        long q = n / d;
        long r = n % d;
        if (r == 0) return q;
        int sign = n < 0 ? -1 : 1;
        long twice = Math.abs(r) * 2;
        boolean awayFromZero = switch (mode) {
            case DOWN -> false;
            case UP -> true;
            case FLOOR -> sign < 0;
            case CEILING -> sign > 0;
            case HALF_UP -> twice >= d;
            case HALF_DOWN -> twice > d;
            case HALF_EVEN -> twice > d || (twice == d && (q & 1) != 0);
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary: " + n + " / " + d);
        };
        return awayFromZero ? q + sign : q;
    }

    /** Money rounded to whole centavos with {@code mode} (still in money units). */
    public static long roundToCentavos(long money, RoundingMode mode) {
        if (money % MONEY_PER_CENTAVO == 0) return money;
        return divRound(money, MONEY_PER_CENTAVO, mode) * MONEY_PER_CENTAVO;
    }

    /** Money (1e-6 BRL) as a BigDecimal of BRL with 6 decimals. */
    public static BigDecimal money(long money) {
        return BigDecimal.valueOf(money, MONEY_SCALE);
    }

    /** Money as BRL rounded half-even to centavos (display of P&amp;L and balances). */
    public static BigDecimal centavos(long money) {
        return BigDecimal.valueOf(money, MONEY_SCALE).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A price (1e-4) as a BigDecimal with 4 decimals. */
    public static BigDecimal price(long priceE4) {
        return BigDecimal.valueOf(priceE4, PRICE_SCALE);
    }

    /**
     * The average price of {@code value} money over {@code quantity} units of {@code multiplierE2}, to 8
     * decimals, rounded half-even; zero when {@code quantity == 0}. Display only: the core keeps the exact
     * cost, never this rounded price.
     */
    public static BigDecimal averagePrice(long value, long quantity, long multiplierE2) {
        if (quantity == 0) return BigDecimal.ZERO.setScale(8);
        // value (1e-6) / (qty × mult (1e-2)) = price at 1e-4
        return BigDecimal.valueOf(value, MONEY_SCALE - MULTIPLIER_SCALE)
                .divide(BigDecimal.valueOf(Math.multiplyExact(quantity, multiplierE2)), 8, RoundingMode.HALF_EVEN)
                .abs();
    }

    /** Money as plain BRL text, exact, without trailing zeros beyond 2 decimals ({@code "1099.81"}, {@code "0.105"}). */
    public static String moneyText(long money) {
        return blackbox.platform.domain.Decimals.format(money, MONEY_SCALE, 2);
    }

    /** A price at 1e-4 as plain text, at least 2 decimals; empty for 0 (unknown). */
    public static String priceText(long priceE4) {
        return priceE4 == 0 ? "" : blackbox.platform.domain.Decimals.format(priceE4, PRICE_SCALE, 2);
    }

    /** An average price as plain text without trailing zeros beyond 2 decimals ("0" when zero). */
    public static String priceText(BigDecimal price) {
        if (price.signum() == 0) return "0";
        BigDecimal p = price.stripTrailingZeros();
        if (p.scale() < 2) p = p.setScale(2);
        return p.toPlainString();
    }

    /** A multiplier at 1e-2 as plain text ("0.2", "1", "10"). */
    public static String multiplierText(long multiplierE2) {
        return BigDecimal.valueOf(multiplierE2, MULTIPLIER_SCALE).stripTrailingZeros().toPlainString();
    }
}
