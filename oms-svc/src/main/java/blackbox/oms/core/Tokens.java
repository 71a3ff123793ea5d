package blackbox.oms.core;

/** The shape of the OMS's text identifiers: printable ASCII without spaces, 1..max characters. */
final class Tokens {
    private Tokens() {
    }

    static boolean valid(String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') return false;
        }
        return true;
    }

    /** @throws IllegalArgumentException {@code "<field> must be 1..<max> printable ASCII characters without spaces: <field>=\"...\""} */
    static String check(String field, String value, int max) {
        if (!valid(value, max)) {
            throw new IllegalArgumentException(field + " must be 1.." + max
                    + " printable ASCII characters without spaces: " + field + "=\"" + value + "\"");
        }
        return value;
    }
}
