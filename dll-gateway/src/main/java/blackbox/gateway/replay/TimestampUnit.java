package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.util.Locale;

/** How a generic CSV writes its timestamps. Epoch values may carry a fraction down to the nanosecond. */
public enum TimestampUnit {
    EPOCH_NS(1L),
    EPOCH_US(1_000L),
    EPOCH_MS(1_000_000L),
    EPOCH_S(1_000_000_000L),
    /** ISO-8601 with an offset, e.g. {@code 2025-03-05T16:08:21.755015679Z}. */
    ISO(0L);

    private final long nanosPerUnit;

    TimestampUnit(long nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The unit for its mapping name ({@code epoch_ms}, {@code iso}…), or {@code null} if none. */
    static TimestampUnit ofName(String name) {
        for (TimestampUnit unit : values()) {
            if (unit.mappingName().equals(name)) {
                return unit;
            }
        }
        return null;
    }

    /** The name used in a mapping text: {@code epoch_ns}, {@code epoch_us}, {@code epoch_ms}, {@code epoch_s}, {@code iso}. */
    public String mappingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    long toNanos(String field, String value) {
        if (this == ISO) {
            return IsoTimestamps.parseNanos(field, value);
        }
        try {
            return Math.multiplyExact(Long.parseLong(value), nanosPerUnit);
        } catch (NumberFormatException e) {
            BigDecimal v = Fields.parseDecimal(field, value);
            try {
                return v.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact();
            } catch (ArithmeticException inexact) {
                throw FieldException.of(field, value, "must be a whole number of nanoseconds in int64");
            }
        } catch (ArithmeticException e) {
            throw FieldException.of(field, value, "must fit int64 nanoseconds");
        }
    }
}
