package blackbox.oms.store;

import java.util.List;

/** A page of the audit trail: commands by id, events by sequence, ascending; {@code complete} when both lists ended. */
public record AuditPage(List<AuditRecord> commands, List<StoredEvent> events, boolean complete) {
    public AuditPage {
        commands = List.copyOf(commands);
        events = List.copyOf(events);
    }
}
