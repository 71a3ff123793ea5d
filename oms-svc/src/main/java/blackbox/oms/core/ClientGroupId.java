package blackbox.oms.core;

/**
 * A named group of client accounts (e.g. a fund family) a block can be allocated across.
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record ClientGroupId(String value) implements Comparable<ClientGroupId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public ClientGroupId {
        Tokens.check("client_group", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed client_group? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(ClientGroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
