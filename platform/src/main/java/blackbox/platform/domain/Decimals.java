package blackbox.platform.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal text as the order-side protos carry prices and money ({@code "38.50"}, {@code "-1234.5678"}):
 * parsing with errors that name the field, and conversion to and from scaled {@code long}s (an amount
 * times 10^scale), the representation the hot cores compute in. Never a binary double.
 */
public final class Decimals {
    private Decimals() {
    }

    /**
     * Parses plain decimal text: optional sign, digits, optional fraction; no exponent, no grouping.
     *
     * @param field the request field, for the message
     * @throws IllegalArgumentException {@code "<field> must be a decimal: <field>=\"abc\""}
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isEmpty() || !plain(text)) {
            throw new IllegalArgumentException(field + " must be a decimal: " + field + "=\"" + text + "\"");
        }
        return new BigDecimal(text);
    }

    private static boolean plain(String text) {
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /**
     * The value times 10^scale as a long, exactly.
     *
     * @throws IllegalArgumentException when the value has more than {@code scale} decimals or does not fit
     */
    public static long toScaled(String field, BigDecimal value, int scale) {
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " must have at most " + scale + " decimals and fit 64 bits: "
                    + field + "=\"" + value.toPlainString() + "\"");
        }
    }

    /**
     * A price the DLL reports as a double ({@code TConnectorTrade.Price}, profitdll-api.md) as a long times
     * 10^scale, rounded half-even from its shortest decimal text (so 38.5 stays 38.5000, never 38.4999...).
     *
     * @throws NumberFormatException when the value is NaN or infinite
     * @throws ArithmeticException when it does not fit 64 bits at that scale
     */
    public static long scaledFromDouble(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** Parses decimal text straight to a scaled long (see {@link #parse} and {@link #toScaled}). */
    public static long parseScaled(String field, String text, int scale) {
        return toScaled(field, parse(field, text), scale);
    }

    /** A scaled long back to a BigDecimal with exactly {@code scale} decimals. */
    public static BigDecimal fromScaled(long scaled, int scale) {
        return BigDecimal.valueOf(scaled, scale);
    }

    /** Plain text of a scaled long without trailing zeros beyond {@code minDecimals} ({@code 3850, 2, 2 -> "38.50"}). */
    public static String format(long scaled, int scale, int minDecimals) {
        BigDecimal value = BigDecimal.valueOf(scaled, scale).stripTrailingZeros();
        if (value.scale() < minDecimals) value = value.setScale(minDecimals, RoundingMode.UNNECESSARY);
        return value.toPlainString();
    }

    /** Plain text of a BigDecimal, never in exponent form. */
    public static String format(BigDecimal value) {
        return value.toPlainString();
    }
}
