package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.Edge;
import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.StrategyId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One stored order event with the order's state after it and the order's fixed fields (what
 * {@code blackbox.oms.v1.OrderEvent} carries). Prices and notional scaled ({@link blackbox.oms.core.Prices}).
 *
 * @param sequence global, strictly increasing in commit order
 * @param event the event itself; empty for CREATED
 * @param previousStatus the status before; empty for CREATED
 * @param tradeDate TRADE only: the B3 date of {@code tsEvent}
 */
public record StoredEvent(long sequence, EventType type, Edge edge, ClOrdId clOrdId, AccountId account, DeskId desk,
                          Optional<StrategyId> strategy, Optional<BlockId> block, Optional<ClOrdId> parent,
                          InstrumentId instrument, Side side, Optional<OrderEvent> event, OrdStatus status,
                          Optional<OrdStatus> previousStatus, Optional<OrderId> venueOrderId, long orderQty, long cumQty,
                          long leavesQty, long notional, long price, long stopPrice, String text,
                          Optional<LocalDate> tradeDate, long tsEvent, long tsInit) {
}
