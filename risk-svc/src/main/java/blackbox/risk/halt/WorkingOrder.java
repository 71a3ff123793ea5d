package blackbox.risk.halt;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.StrategyId;

/**
 * An order still working at the venue (not filled, cancelled or rejected): an algorithm child or a manual order.
 *
 * @param leavesQty FIX LeavesQty, shares or contracts
 */
public record WorkingOrder(ClOrdId clOrdId, AccountId account, StrategyId strategy, InstrumentId instrument, Side side,
                           long leavesQty) {
}
