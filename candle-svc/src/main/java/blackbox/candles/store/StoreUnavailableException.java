package blackbox.candles.store;

/** PostgreSQL cannot be reached now and a retry may cure it (connection lost, server restarting, pool timeout). */
public final class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
