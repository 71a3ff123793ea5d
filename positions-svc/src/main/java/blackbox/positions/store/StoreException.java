package blackbox.positions.store;

/** PostgreSQL failed or could not be reached; the operation did not happen (its transaction rolled back). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
