package blackbox.cli;

/**
 * A failure the user can act on: its message is printed as the one line on stderr (no stack trace) and the command
 * exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    /** Bad input (a symbol, a time, an option value). */
    public static final int USAGE = 2;
    /** The stack or a service failed or could not be reached. */
    public static final int FAILED = 1;

    private final int exitCode;

    public CliException(String message) {
        this(message, FAILED);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(message, USAGE);
    }

    public int exitCode() {
        return exitCode;
    }
}
