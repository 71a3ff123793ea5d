package blackbox.oms.core;

/**
 * The caller's id of a block order and the idempotency key of its submission; at most 56 characters so that its children's ClOrdIDs ({@code <BlockID>/<n>}, n up to 9,999,999) fit in 64.
 *
 * @param value 1..56 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record BlockId(String value) implements Comparable<BlockId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 56;

    public BlockId {
        Tokens.check("block_id", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed block_id? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    /** The ClOrdID of this block's {@code n}-th child (from 1, in allocation order): {@code <BlockID>/<n>}. */
    public ClOrdId child(int n) {
        if (n < 1 || n > 9_999_999) throw new IllegalArgumentException("child number must be 1..9999999: n=" + n);
        return new ClOrdId(value + "/" + n);
    }

    @Override
    public int compareTo(BlockId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
