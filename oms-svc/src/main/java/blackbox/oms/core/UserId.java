package blackbox.oms.core;

/**
 * The user who acts (from the call's authentication), recorded on every order and command.
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record UserId(String value) implements Comparable<UserId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public UserId {
        Tokens.check("user", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed user? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
