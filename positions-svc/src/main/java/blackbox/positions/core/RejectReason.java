package blackbox.positions.core;

/** Why the core refused a fill (an expected outcome, never an exception). */
public enum RejectReason {
    /** No line of the instrument master covers the instrument. */
    UNKNOWN_INSTRUMENT,
    /** A cancel or correction names an ExecID that was never applied (or belongs to a closed day). */
    UNKNOWN_EXEC_REF,
    /** A cancel or correction names a trade that was already cancelled or corrected. */
    ALREADY_REVERSED,
    /** A cancel or correction names a trade of another account or instrument. */
    MISMATCHED_REF,
    /** The fill's trade date is before the position's current day, which is closed. */
    CLOSED_DAY
}
