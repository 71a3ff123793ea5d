package blackbox.risk.store;

import blackbox.risk.core.LimitRow;
import java.time.Instant;

/** A limit in force with who set it, why and when. */
public record StoredLimit(LimitRow row, String changedBy, String reason, Instant changedAt, long version) {
}
