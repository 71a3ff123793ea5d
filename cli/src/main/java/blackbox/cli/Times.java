package blackbox.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the command line and in output: ISO-8601, UTC. */
public final class Times {
    private Times() {
    }

    /**
     * An instant as UTC epoch ns, from {@code 2025-04-07T13:00:00Z}, {@code 2025-04-07T10:00:00-03:00} or a date
     * {@code 2025-04-07} (its start, UTC).
     *
     * @param option the option name, for the error
     * @throws CliException (usage) naming option and value when the text is none of these
     */
    public static long parseNanos(String option, String text) {
        Instant instant;
        try {
            if (text.length() == 10) {
                instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeException e) {
            throw CliException.usage("must be ISO-8601 with an offset such as 2025-04-07T13:00:00Z, or a date such as"
                    + " 2025-04-07: " + option + "=" + text);
        }
        return toNanos(instant);
    }

    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** {@code 2025-04-07T13:00:00Z} (fractions only when present). */
    public static String iso(long nanos) {
        return DateTimeFormatter.ISO_INSTANT.format(toInstant(nanos));
    }
}
