package blackbox.oms.engine;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.EventType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.TradeDates;
import blackbox.oms.store.OrderRow;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each account has working and has traded, as the pre-trade check needs it (risk-svc's {@code OrderContext}):
 * working orders, the LeavesQty of its working buys and sells per instrument, the notional its working limit buys
 * reserve, and today's traded notional. Kept from oms-svc's own state — the committed events ({@link #committed}, on
 * the writer thread) plus the orders the check accepted that are not committed yet ({@link #reserve}), so two orders
 * checked one after the other both count.
 *
 * <p>Quantities are shares or contracts; notionals scaled like prices ({@link blackbox.oms.core.Prices}). A working
 * market buy reserves nothing (its price is not known). Thread-safe.
 */
public final class Exposure implements OrderWriter.Listener {
    private final ZoneId zone;
    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
    private final Map<ClOrdId, Order> reserved = new ConcurrentHashMap<>();

    /** One account's numbers; guarded by itself. */
    private static final class Account {
        int openOrders;
        long buyReserved;
        LocalDate tradeDate;
        long tradedNotional;
        final Map<InstrumentId, long[]> leaves = new HashMap<>(); // [buy, sell]
    }

    /**
     * What the check reads for one order.
     *
     * @param openOrders the account's working orders (all instruments)
     * @param openBuy LeavesQty of its working buys in the instrument
     * @param openSell LeavesQty of its working sells in the instrument
     * @param buyReserved notional its working limit buys reserve (all instruments)
     * @param tradedToday its traded notional on the trade date asked for
     */
    public record Snapshot(int openOrders, long openBuy, long openSell, long buyReserved, long tradedToday) {
    }

    /**
     * @param open the writer's open orders at start
     * @param tradedToday each account's traded notional on {@code today}
     */
    public Exposure(ZoneId zone, Collection<OrderRow> open, Map<AccountId, Long> tradedToday, LocalDate today) {
        this.zone = zone;
        for (OrderRow row : open) add(row.stored().order(), 1);
        tradedToday.forEach((account, notional) -> {
            Account a = account(account);
            a.tradeDate = today;
            a.tradedNotional = notional;
        });
    }

    private Account account(AccountId id) {
        return accounts.computeIfAbsent(id, k -> new Account());
    }

    /** The numbers for an order of {@code account} in {@code instrument}, on trade date {@code today}. */
    public Snapshot of(AccountId account, InstrumentId instrument, LocalDate today) {
        Account a = accounts.get(account);
        if (a == null) return new Snapshot(0, 0, 0, 0, 0);
        synchronized (a) {
            long[] l = a.leaves.get(instrument);
            return new Snapshot(a.openOrders, l == null ? 0 : l[0], l == null ? 0 : l[1], a.buyReserved,
                    today.equals(a.tradeDate) ? a.tradedNotional : 0);
        }
    }

    /** An order the check accepted, counted until its creation commits (or {@link #release}). */
    public void reserve(Order order) {
        if (reserved.putIfAbsent(order.clOrdId(), order) == null) add(order, 1);
    }

    /** An order reserved whose creation did not happen (a duplicate, a conflict, a failure). */
    public void release(Order order) {
        Order r = reserved.remove(order.clOrdId());
        if (r != null) add(r, -1);
    }

    @Override
    public void committed(List<OrderWriter.Change> changes) {
        for (OrderWriter.Change c : changes) {
            Order after = c.after();
            if (c.event().type() == EventType.CREATED) {
                Order r = reserved.remove(after.clOrdId());
                if (r != null) add(r, -1);
                add(after, 1);
                continue;
            }
            add(c.before(), -1);
            add(after, 1);
            if (c.event().event().orElse(null) instanceof OrderEvent.Filled f) {
                Account a = account(after.spec().account());
                LocalDate date = TradeDates.of(f.tsEvent(), zone);
                synchronized (a) {
                    if (!date.equals(a.tradeDate)) {
                        if (a.tradeDate != null && date.isBefore(a.tradeDate)) continue; // a late fill of an earlier day
                        a.tradeDate = date;
                        a.tradedNotional = 0;
                    }
                    a.tradedNotional += f.lastQty() * f.lastPx();
                }
            }
        }
    }

    /** Adds ({@code sign} 1) or removes (-1) an order's contribution while it is open. */
    private void add(Order o, int sign) {
        if (o == null || !o.status().isOpen()) return;
        Account a = account(o.spec().account());
        long leaves = o.orderQty() - o.cumQty();
        synchronized (a) {
            a.openOrders += sign;
            long[] l = a.leaves.computeIfAbsent(o.spec().instrument(), k -> new long[2]);
            if (o.spec().side() == Side.BUY) {
                l[0] += sign * leaves;
                a.buyReserved += sign * leaves * o.price();
            } else {
                l[1] += sign * leaves;
            }
        }
    }
}
