package blackbox.positions.store;

/**
 * A fill row was already stored (the unique (exec_id, effect) constraint): the batch rolled back. Means the
 * in-memory book did not know a stored fill; the engine rebuilds the book from the store and retries.
 */
public final class DuplicateFillException extends StoreException {
    public DuplicateFillException(String message, Throwable cause) {
        super(message, cause);
    }
}
