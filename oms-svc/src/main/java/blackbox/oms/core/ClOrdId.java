package blackbox.oms.core;

/**
 * FIX ClOrdID (11): the caller's id of an order, unique for ever, and the idempotency key of its submission (sent to the gateway as {@code idempotency_key}, whose limit is 64 characters). A block's children are {@code <BlockID>/<n>}.
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record ClOrdId(String value) implements Comparable<ClOrdId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public ClOrdId {
        Tokens.check("cl_ord_id", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed cl_ord_id? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(ClOrdId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
