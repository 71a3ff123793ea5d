package blackbox.risk.halt;

/**
 * How the venue answered one cancel: confirmed (ExecType CANCELED), or refused (CANCEL_REJECTED, e.g. the order
 * had just filled) with the venue's text.
 */
public record CancelOutcome(boolean confirmed, String text) {
    public static final CancelOutcome CONFIRMED = new CancelOutcome(true, "");

    public static CancelOutcome rejected(String text) {
        return new CancelOutcome(false, text);
    }
}
