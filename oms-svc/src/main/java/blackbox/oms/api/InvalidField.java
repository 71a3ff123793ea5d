package blackbox.oms.api;

/**
 * Internal to validation: thrown by the field checks and turned into {@link Validated.Invalid} at the entry point,
 * so each check reads as one line. Never escapes this package.
 */
final class InvalidField extends RuntimeException {
    final String field;

    InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
