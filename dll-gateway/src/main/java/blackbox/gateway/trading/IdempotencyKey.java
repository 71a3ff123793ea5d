package blackbox.gateway.trading;

/** A caller's idempotency key for SendOrder (the OMS sends its ClOrdID): 1..64 printable ASCII characters. */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 64;

    public IdempotencyKey {
        if (!valid(value)) {
            throw new IllegalArgumentException("idempotency_key must be 1..64 printable ASCII characters: idempotency_key=\""
                    + value + "\"");
        }
    }

    /** 1..64 characters in 0x20..0x7E. */
    public static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
