package blackbox.gateway.replay;

import java.util.Objects;

/**
 * Why one input row was rejected.
 *
 * @param file    the file as it was given to the importer
 * @param line    1-based line number in that file
 * @param field   the column (or {@code columns} for a wrong column count)
 * @param value   the offending text
 * @param message what was wrong, e.g. {@code must be > 0: md_entry_size=-5}
 */
public record RowError(String file, long line, String field, String value, String message) {
    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
