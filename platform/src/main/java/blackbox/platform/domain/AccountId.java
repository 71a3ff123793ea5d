package blackbox.platform.domain;

import java.util.regex.Pattern;

/**
 * A client account as the desk names it (the code on the broker's statements, e.g. {@code 1234567} or
 * {@code 1234567-8}). How it maps to the DLL's broker id, account id and sub-account is the OMS's
 * account registry's business; every service keys client state by this id.
 *
 * @param value letters, digits and {@code . _ -}, 1..32 characters
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record AccountId(String value) implements Comparable<AccountId> {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._\\-]{1,32}");

    public AccountId {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("account must match [A-Za-z0-9._-]{1,32}: account=\"" + value + "\"");
        }
    }

    /** Is {@code value} a well-formed account id? */
    public static boolean valid(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
