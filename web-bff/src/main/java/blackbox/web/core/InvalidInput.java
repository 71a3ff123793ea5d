package blackbox.web.core;

/**
 * Bad input from a client: the field, the value received and the rule it broke. Becomes a 400
 * {@code application/problem+json} on REST and an {@code invalid_argument} error message on the WebSocket.
 */
public final class InvalidInput extends RuntimeException {
    private final String field;
    private final String value;
    private final String rule;

    public InvalidInput(String field, String value, String rule) {
        super(field + " " + rule + ": value \"" + value + "\"", null, false, false);
        this.field = field;
        this.value = value;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The value as received; may be {@code null} when the field was missing. */
    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }
}
