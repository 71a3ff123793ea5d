package blackbox.oms.store;

/**
 * What {@link OrderStore#createOrder} did: CREATED (committed in PENDING_NEW, with its CREATED event and audit row:
 * the caller may now send it), DUPLICATE (the ClOrdID existed with the same parameters: the existing order, nothing
 * to send again) or CONFLICT (the ClOrdID existed with other parameters: ALREADY_EXISTS; {@code conflict} names the
 * first field that differs).
 */
public record CreateResult(Kind kind, StoredOrder order, String conflict) {
    public enum Kind {
        CREATED, DUPLICATE, CONFLICT
    }
}
