package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.EventType;
import blackbox.platform.domain.AccountId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Events after a sequence, ascending, matching every given filter (empty matches all), at most {@code limit}. */
public record EventQuery(long afterSequence, List<AccountId> accounts, Set<EventType> types, Optional<BlockId> block,
                         int limit) {
    public EventQuery {
        accounts = List.copyOf(accounts);
        types = Set.copyOf(types);
    }

    public static EventQuery after(long sequence, int limit) {
        return new EventQuery(sequence, List.of(), Set.of(), Optional.empty(), limit);
    }
}
