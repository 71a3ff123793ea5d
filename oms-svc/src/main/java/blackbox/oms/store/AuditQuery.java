package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.platform.domain.AccountId;
import java.util.Optional;

/**
 * A query of the audit trail: every given filter must match. Time is the command's {@code at_nanos} and the
 * event's {@code ts_init}, in {@code [fromNanos, toNanos)}; 0 leaves a side unbounded. Paging: commands after
 * {@code afterCommandId}, events after {@code afterSequence}, at most {@code limit} of each.
 */
public record AuditQuery(Optional<ClOrdId> clOrdId, Optional<BlockId> blockId, Optional<AccountId> account,
                         long fromNanos, long toNanos, int limit, long afterCommandId, long afterSequence) {
}
