package blackbox.cli.stack;

/** A start-up step of the stack failed; everything started before it was stopped again. */
public final class StackStartException extends Exception {
    private final String step;

    public StackStartException(String step, Throwable cause) {
        super("could not start " + step + ": " + oneLine(cause), cause);
        this.step = step;
    }

    public String step() {
        return step;
    }

    /** The innermost useful message, on one line. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().contains(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
