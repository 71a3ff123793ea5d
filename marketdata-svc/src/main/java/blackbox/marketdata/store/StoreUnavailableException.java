package blackbox.marketdata.store;

/** PostgreSQL cannot be reached or refused the write for a reason that a retry may cure (connection lost). */
public final class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
