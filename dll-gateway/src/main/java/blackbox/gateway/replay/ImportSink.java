package blackbox.gateway.replay;

/** Where a {@link ReplaySource} hands its rows: each data row becomes exactly one event or one error. */
public interface ImportSink {
    /** A good row. */
    void accept(ReplayEvent event);

    /** A malformed row, never dropped silently. */
    void reject(RowError error);

    /** A remark for the report, e.g. the quantity scale used for a file. */
    void note(String note);
}
