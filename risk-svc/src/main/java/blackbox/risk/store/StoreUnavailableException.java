package blackbox.risk.store;

/** PostgreSQL cannot be reached now; a retry may succeed. */
public final class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
