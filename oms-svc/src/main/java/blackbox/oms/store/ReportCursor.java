package blackbox.oms.store;

import java.util.Objects;

/**
 * Where the consumer of the gateway's execution reports stands: the gateway session and the sequence of the last report
 * whose events are committed ({@code oms.report_cursor}, written in the same transaction as those events).
 */
public record ReportCursor(String sessionId, long sequence) {
    public ReportCursor {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sequence < 0) throw new IllegalArgumentException("sequence must be >= 0: sequence=" + sequence);
    }
}
