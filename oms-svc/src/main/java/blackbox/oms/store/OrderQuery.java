package blackbox.oms.store;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.StrategyId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders matching every given filter (an empty list or set matches all), newest first. Creation time in
 * {@code [fromNanos, toNanos)}, 0 leaving a side unbounded; {@code beforeId} pages (0 for the first page).
 */
public record OrderQuery(List<AccountId> accounts, Set<OrdStatus> statuses, Optional<InstrumentId> instrument,
                         Optional<Algorithm.Kind> algorithm, Optional<BlockId> block, Optional<StrategyId> strategy,
                         Optional<DeskId> desk, long fromNanos, long toNanos, int limit, long beforeId) {
    public OrderQuery {
        accounts = List.copyOf(accounts);
        statuses = Set.copyOf(statuses);
    }

    /** Everything, newest first, {@code limit} at a time. */
    public static OrderQuery all(int limit) {
        return new OrderQuery(List.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, limit, 0);
    }
}
