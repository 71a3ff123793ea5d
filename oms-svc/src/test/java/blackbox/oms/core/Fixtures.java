package blackbox.oms.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.Optional;

/** Orders and events for the core's tests. */
public final class Fixtures {
    public static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    public static final LocalDate TRADE_DATE = LocalDate.of(2025, 4, 8);
    public static final long T0 = 1_744_117_200_000_000_000L; // 2025-04-08T13:00:00Z
    public static final long PX = 385_000; // 38.50
    public static final long PX2 = 386_000;

    private Fixtures() {
    }

    public static OrderSpec spec(String clOrdId) {
        return new OrderSpec(new ClOrdId(clOrdId), new AccountId("1234567"), new DeskId("equities"), new UserId("ana"),
                Optional.empty(), PETR4, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, Optional.empty(),
                Algorithm.Full.INSTANCE, Optional.empty(), Optional.empty(), T0, TRADE_DATE);
    }

    /** A limit buy of {@code qty} PETR4 at 38.50, PENDING_NEW. */
    public static Order pendingNew(String clOrdId, long qty) {
        return Order.pendingNew(spec(clOrdId), qty, PX, 0);
    }

    /** The order after {@code event}, which must be applied. */
    public static Order after(Order order, OrderEvent event) {
        Outcome outcome = Transitions.apply(order, event);
        if (!(outcome instanceof Outcome.Applied applied)) {
            throw new AssertionError("expected " + event + " to apply to " + order.status() + ", got " + outcome);
        }
        return applied.order();
    }

    public static OrderEvent.Sent sent(String orderId) {
        return new OrderEvent.Sent(orderId == null ? null : new OrderId(orderId), T0 + 1, T0 + 2);
    }

    public static OrderEvent.Accepted accepted(String orderId) {
        return new OrderEvent.Accepted(orderId == null ? null : new OrderId(orderId), T0 + 3, T0 + 4);
    }

    public static OrderEvent.Filled fill(String execId, long qty, long px) {
        return new OrderEvent.Filled(new ExecId(execId), qty, px, 0, false, T0 + 5, T0 + 6);
    }
}
