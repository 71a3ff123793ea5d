package blackbox.oms.core;

/**
 * FIX OrderID (37): the venue's id of an order, here the DLL's permanent ClOrderID (profitdll-api.md §3.2).
 *
 * @param value 1..64 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record OrderId(String value) implements Comparable<OrderId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 64;

    public OrderId {
        Tokens.check("order_id", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed order_id? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
