package blackbox.gateway.replay;

/** A canonical replay file that breaks the format; {@link #error()} names the file, line, field and value. */
public final class ReplayFormatException extends ReplayException {
    private final RowError error;

    public ReplayFormatException(RowError error) {
        super(error.toString());
        this.error = error;
    }

    public RowError error() {
        return error;
    }
}
