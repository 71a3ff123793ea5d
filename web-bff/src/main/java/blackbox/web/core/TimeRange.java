package blackbox.web.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query-string times: ISO-8601 instants ({@code 2025-04-07T13:00:00Z}, or with an offset) to UTC epoch ns. */
public final class TimeRange {
    private TimeRange() {
    }

    /** @throws InvalidInput naming {@code field} when the text is not an ISO-8601 instant */
    public static long parseNanos(String field, String text) {
        try {
            Instant i;
            try {
                i = Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                i = OffsetDateTime.parse(text.trim()).toInstant();
            }
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidInput(field, text, "must be an ISO-8601 UTC time, e.g. 2025-04-07T13:00:00Z");
        }
    }

    /** An integer query parameter within [min, max]. */
    public static int parseInt(String field, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < min || n > max) throw new InvalidInput(field, text, "must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, text, "must be an integer between " + min + " and " + max);
        }
    }
}
