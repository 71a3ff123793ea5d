package blackbox.positions.config;

/**
 * A configuration or import file that cannot be used: the message names the file, the line, the field and the
 * value, e.g. {@code fees.csv line 4: rounding must be one of HALF_UP, HALF_EVEN, DOWN, UP: rounding="NEAREST"}.
 * Bad configuration stops the service at start; a bad import file is refused whole.
 */
public final class ConfigFileException extends RuntimeException {
    private final String file;
    private final int line;

    public ConfigFileException(String file, int line, String message) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, 0 for the file as a whole. */
    public int line() {
        return line;
    }
}
