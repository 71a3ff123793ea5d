package blackbox.oms.api;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.Order;
import blackbox.oms.core.StrategyId;
import blackbox.oms.store.OrderQuery;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.oms.core.OrdStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * CancelAll's and WorkingOrders' scope: every given field must match (at least one is given), or {@code all}: every
 * order (risk-svc's desk halt).
 */
public record CancelScope(Optional<AccountId> account, Optional<BlockId> block, Optional<StrategyId> strategy,
                          Optional<InstrumentId> instrument, Optional<DeskId> desk, boolean all) {

    public boolean matches(Order order) {
        if (all) return true;
        return account.map(a -> a.equals(order.spec().account())).orElse(true)
                && block.map(b -> order.spec().block().equals(Optional.of(b))).orElse(true)
                && strategy.map(s -> order.spec().strategy().equals(Optional.of(s))).orElse(true)
                && instrument.map(i -> i.equals(order.spec().instrument())).orElse(true)
                && desk.map(d -> d.equals(order.spec().desk())).orElse(true);
    }

    /** The open orders in the scope, {@code limit} at a time. */
    public OrderQuery openOrders(int limit) {
        EnumSet<OrdStatus> open = EnumSet.noneOf(OrdStatus.class);
        for (OrdStatus s : OrdStatus.values()) if (s.isOpen()) open.add(s);
        return new OrderQuery(account.map(List::of).orElse(List.of()), open, instrument, Optional.empty(), block, strategy,
                desk, 0, 0, limit, 0);
    }
}
