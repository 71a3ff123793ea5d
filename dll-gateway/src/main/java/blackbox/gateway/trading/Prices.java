package blackbox.gateway.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Prices between the DLL's {@code double} and the API's decimal text (trading.proto: "38.5", never a double).
 *
 * <p>A double from the DLL becomes the shortest decimal that converts back to the same double
 * ({@link Double#toString} is the shortest representation since JDK 19, JDK-4511638), so a price the DLL got
 * as 38.57 reads back as 38.57, not 38.5700000000000002842. A request's decimal goes to the DLL as the nearest
 * double; {@link #parse} refuses decimals that do not come back unchanged, so the round trip is exact.
 *
 * <p>Fill prices ({@link #lastPx}) are derived from two successive average prices; see the method for the
 * precision argument.
 */
public final class Prices {
    /** B3's finest price grid: EntryPoint prices carry 4 implied decimals (b3-trading.md §2). */
    public static final int LAST_PX_SCALE = 4;

    private Prices() {
    }

    /**
     * The DLL's price as a decimal; {@code null} for "no price" (the DLL's -1 for market orders and non-stop
     * orders, 0, negative, NaN or infinite).
     */
    public static BigDecimal fromDll(double price) {
        if (!(price > 0) || Double.isInfinite(price)) return null;
        return normalize(new BigDecimal(Double.toString(price)));
    }

    /** The DLL's average price; 0 before any fill. */
    public static BigDecimal averageFromDll(double price) {
        BigDecimal p = fromDll(price);
        return p == null ? BigDecimal.ZERO : p;
    }

    /** Plain text without exponent or trailing zeros: "38.5", "0", "1200". */
    public static String text(BigDecimal price) {
        return price == null ? "" : normalize(price).toPlainString();
    }

    private static BigDecimal normalize(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Why a price text was refused, for {@link #parse}. */
    public static final class PriceFormatException extends Exception {
        public PriceFormatException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,8})?");

    /**
     * A request's price: a decimal {@code > 0} in plain notation ({@code 38.5}, {@code 38.50}, {@code 120000}) whose
     * nearest double converts back to the same value (at most 15 significant digits, no more than 8 decimals).
     *
     * @throws PriceFormatException with a message naming what is wrong (the caller adds the field and value)
     */
    public static BigDecimal parse(String text) throws PriceFormatException {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) throw new PriceFormatException("must be a decimal");
        BigDecimal d = new BigDecimal(text);
        if (d.signum() <= 0) throw new PriceFormatException("must be > 0");
        if (d.precision() > 15) throw new PriceFormatException("must have at most 15 significant digits");
        BigDecimal back = new BigDecimal(Double.toString(d.doubleValue()));
        if (back.compareTo(d) != 0) throw new PriceFormatException("is not exactly representable for the DLL");
        return normalize(d);
    }

    /**
     * The price of a fill that took the cumulative quantity from {@code cum0} at average {@code avg0} to {@code cum1}
     * at average {@code avg1}: {@code (avg1·cum1 − avg0·cum0) / (cum1 − cum0)}, computed exactly on the decimals and
     * rounded half-even to {@value #LAST_PX_SCALE} decimals.
     *
     * <p>Precision: each average is the DLL's double, read as its shortest decimal; it differs from the true
     * average by less than one ulp, i.e. a relative error below 2⁻⁵². The error of the numerator is then below
     * {@code 2·cum1·avg1·2⁻⁵²} and that of the quotient below {@code 2·cum1·avg1·2⁻⁵² / Δ}. As long as
     * {@code cum1·avg1/Δ < 10¹¹} (e.g. R$ 40 × 250 million shares in lots of 100) this stays below 0.00005, half
     * a step of the 4-decimal grid, so a fill at a grid price is recovered exactly. A snapshot that merges fills
     * at several prices yields their volume-weighted average, rounded to the grid.
     *
     * @param avg0 average before (0 or {@code null} when {@code cum0} is 0)
     * @throws IllegalArgumentException when {@code cum1 <= cum0}
     */
    public static BigDecimal lastPx(BigDecimal avg0, long cum0, BigDecimal avg1, long cum1) {
        long delta = cum1 - cum0;
        if (delta <= 0) throw new IllegalArgumentException("cumulative quantity must grow: cum0=" + cum0 + ", cum1=" + cum1);
        BigDecimal before = cum0 == 0 || avg0 == null ? BigDecimal.ZERO : avg0.multiply(BigDecimal.valueOf(cum0));
        BigDecimal value = avg1.multiply(BigDecimal.valueOf(cum1)).subtract(before);
        return normalize(value.divide(BigDecimal.valueOf(delta), LAST_PX_SCALE, RoundingMode.HALF_EVEN));
    }
}
