package blackbox.oms.core;

/**
 * FIX ExecID (17): the id of one execution report, unique and stable per DLL event (the gateway's contract); a fill inferred by reconciliation is {@code R:<ClOrdID>:<venue CumQty>}.
 *
 * @param value 1..128 printable ASCII characters without spaces
 * @throws IllegalArgumentException naming the value when it does not match
 */
public record ExecId(String value) implements Comparable<ExecId> {
    /** The longest value accepted. */
    public static final int MAX_LENGTH = 128;

    public ExecId {
        Tokens.check("exec_id", value, MAX_LENGTH);
    }

    /** Is {@code value} a well-formed exec_id? */
    public static boolean valid(String value) {
        return Tokens.valid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(ExecId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
