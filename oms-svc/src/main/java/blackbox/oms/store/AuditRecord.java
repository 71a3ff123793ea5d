package blackbox.oms.store;

/** A stored command and the outcome it was answered with ({@code OK}, {@code DUPLICATE}, or the status and message). */
public record AuditRecord(long id, AuditCommand command, String outcome) {
}
