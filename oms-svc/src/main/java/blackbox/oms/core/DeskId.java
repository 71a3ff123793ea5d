package blackbox.oms.core;

/**
 * A trading desk: the accounts it manages and the users who work on it.
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record DeskId(String value) implements Comparable<DeskId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public DeskId {
        Tokens.check("desk", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed desk? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(DeskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
