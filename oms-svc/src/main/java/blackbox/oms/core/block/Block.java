package blackbox.oms.core.block;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.UserId;
import blackbox.oms.core.allocation.Allocation;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A block order: the parent of its children (one per account, or one in the master account), with the policy and
 * the allocation it was created with. Immutable once persisted; progress is the children's.
 *
 * @param allocation the pre-trade allocation (for AVERAGE_PRICE, what each account gets if the order fills)
 * @param children the children's ClOrdIDs, {@code <BlockID>/1 ..}, in allocation order
 */
public record Block(BlockId id, UserId user, Optional<StrategyId> strategy, InstrumentId instrument, Side side,
                    OrdType ordType, long price, long stopPrice, TimeInForce timeInForce, Optional<LocalDate> expireDate,
                    Algorithm algorithm, AllocationPolicy policy, Allocation allocation, List<ClOrdId> children,
                    long createdNanos, LocalDate tradeDate, String text) {
    public Block {
        children = List.copyOf(children);
    }
}
