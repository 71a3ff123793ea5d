package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Field parsers shared by the sources and the reader; each failure is a {@link FieldException}. */
final class Fields {
    private Fields() {
    }

    static long parseLong(String field, String value) {
        if (value.isEmpty()) {
            throw FieldException.of(field, value, "must not be empty");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw FieldException.of(field, value, "must be an integer");
        }
    }

    static long parseNonNegativeLong(String field, String value) {
        long v = parseLong(field, value);
        if (v < 0) {
            throw FieldException.of(field, value, "must be >= 0");
        }
        return v;
    }

    static long parseUint32(String field, String value) {
        long v = parseLong(field, value);
        if (v < 0 || v > ReplayEvent.MAX_TRADE_NUMBER) {
            throw FieldException.of(field, value, "must be in 0..4294967295 (uint32)");
        }
        return v;
    }

    /** Any decimal {@link BigDecimal} accepts (sources write {@code 33.980000000000004}, {@code 1E+2}). */
    static BigDecimal parseDecimal(String field, String value) {
        if (value.isEmpty()) {
            throw FieldException.of(field, value, "must not be empty");
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw FieldException.of(field, value, "must be a decimal number");
        }
    }

    /** Empty text is {@code null}; otherwise a decimal. */
    static BigDecimal parseOptionalDecimal(String field, String value) {
        return value.isEmpty() ? null : parseDecimal(field, value);
    }

    /** A decimal &gt; 0. */
    static BigDecimal parsePositiveDecimal(String field, String value) {
        BigDecimal v = parseDecimal(field, value);
        if (v.signum() <= 0) {
            throw FieldException.of(field, value, "must be > 0");
        }
        return v;
    }

    /** A decimal &gt; 0, rounded half-up to {@code scale} decimals; must stay &gt; 0 after rounding. */
    static BigDecimal parsePriceOnTick(String field, String value, BigDecimal tick) {
        BigDecimal v = onTick(field, value, parsePositiveDecimal(field, value), tick);
        if (v.signum() <= 0) {
            throw FieldException.of(field, value, "must be >= the tick " + tick.toPlainString());
        }
        return v;
    }

    /** Rounds half-up to a multiple of {@code tick}; {@code null} tick keeps the value as is, minus trailing zeros. */
    static BigDecimal onTick(String field, String value, BigDecimal v, BigDecimal tick) {
        if (tick == null) {
            return plain(v);
        }
        if (tick.scale() >= 0 && tick.unscaledValue().equals(java.math.BigInteger.ONE)) {
            return v.setScale(tick.scale(), RoundingMode.HALF_UP);
        }
        BigDecimal ticks = v.divide(tick, 0, RoundingMode.HALF_UP);
        return ticks.multiply(tick).setScale(Math.max(tick.scale(), 0), RoundingMode.UNNECESSARY);
    }

    /** The value without trailing zeros and without an exponent ({@code 61600.00000000} → {@code 61600}). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A whole number &gt; 0 after multiplying by {@code scale} ({@code 100.0} → 100). */
    static long parseQuantity(String field, String value, long scale) {
        BigDecimal v = parseDecimal(field, value);
        if (v.signum() <= 0) {
            throw FieldException.of(field, value, "must be > 0");
        }
        BigDecimal scaled = scale == 1 ? v : v.multiply(BigDecimal.valueOf(scale));
        try {
            return scaled.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw FieldException.of(field, value,
                    scale == 1 ? "must be a whole number" : "must be a whole number after scaling by " + scale);
        }
    }
}
