package blackbox.gateway.replay;

/**
 * A field that failed to parse; caught per row and turned into a {@link RowError}. Internal control flow
 * only, so it carries no stack trace.
 */
final class FieldException extends RuntimeException {
    private final String field;
    private final String value;

    private FieldException(String field, String value, String message) {
        super(message, null, false, false);
        this.field = field;
        this.value = value;
    }

    /** A failure reading {@code reason: field=value}, e.g. {@code must be > 0: quantity=-5}. */
    static FieldException of(String field, String value, String reason) {
        return new FieldException(field, value, reason + ": " + field + "=" + value);
    }

    RowError toRowError(String file, long line) {
        return new RowError(file, line, field, value, getMessage());
    }
}
