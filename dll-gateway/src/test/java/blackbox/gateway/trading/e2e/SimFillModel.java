package blackbox.gateway.trading.e2e;

import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ReplayEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's matching rules (dll-gateway/native/sim/README.md "Matching"), written again from the README so a
 * test can say, from the tape alone, what every order of one B3 equity must get: defaults lot 100,
 * {@code fill.mode=touch}, {@code fill.participation=1}, {@code fill.touch_quantity=unlimited}; B3 equities hours of a
 * daylight-saving-time day (continuous 10:00–16:55 local, day orders expire at 17:00).
 *
 * <ul>
 *   <li>K rows set the top of book; T rows set a side when they carry it; orders match a trade against the book as
 *       the row leaves it;</li>
 *   <li>arrival (continuous trading): a market order, or a limit crossing the opposite top, takes the whole
 *       quantity at the top's price;</li>
 *   <li>each T row offers {@code floor(Q / lot) × lot} to the buys and as much to the sells, by price then time:
 *       an auction print (trade type 4) fills at P when P is at or better than the limit; an order crossing the top
 *       fills at the worse of P and the top; a resting order fills at its limit when P touches it;</li>
 *   <li>after the fills, stop-limits at or through their stop trigger (without filling from that trade) and arrive
 *       as limits, their time priority the trigger;</li>
 *   <li>open orders expire before the first event at or after the session end.</li>
 * </ul>
 */
final class SimFillModel {
    static final long LOT = 100;

    /** An order placed once the tape has run through {@code afterTs} (SimAdvanceReplay); keys in sending order. */
    record Order(String key, boolean buy, long qty, BigDecimal limit, BigDecimal stop, long afterTs) {
        boolean market() {
            return limit == null;
        }
    }

    record Fill(long qty, BigDecimal price, long ts) {
    }

    enum End { FILLED, EXPIRED, OPEN }

    private static final class Live {
        final Order o;
        long left;
        long priority;
        long seq;
        boolean waiting; // a stop not yet triggered
        BigDecimal rest;
        End end = End.OPEN;
        final List<Fill> fills = new ArrayList<>();

        Live(Order o, long seq) {
            this.o = o;
            this.left = o.qty;
            this.seq = seq;
            this.waiting = o.stop != null;
            this.rest = o.limit;
        }
    }

    private final Map<String, Live> orders = new LinkedHashMap<>();
    private BigDecimal bid;
    private BigDecimal ask;
    private long seq;

    /** Runs the tape with the orders; returns nothing, read {@link #fills} and {@link #end}. */
    void run(List<ReplayEvent> tape, List<Order> placements, long continuousFrom, long continuousTo, long sessionEnd) {
        List<Order> pending = new ArrayList<>(placements);
        pending.sort(Comparator.comparingLong(Order::afterTs)); // stable: sending order within one time
        int next = 0;
        boolean expired = false;
        for (ReplayEvent e : tape) {
            while (next < pending.size() && pending.get(next).afterTs() < e.tsNanos()) {
                place(pending.get(next++), continuousFrom, continuousTo);
            }
            if (!expired && e.tsNanos() >= sessionEnd) {
                expired = true;
                for (Live l : orders.values()) if (l.end == End.OPEN) l.end = End.EXPIRED;
            }
            if (e.kind() == EventKind.K) {
                bid = e.bid();
                ask = e.ask();
                continue;
            }
            if (e.kind() != EventKind.T) continue;
            if (e.bid() != null) bid = e.bid();
            if (e.ask() != null) ask = e.ask();
            long pool = e.quantity() / LOT * LOT;
            boolean auction = e.tradeType() == 4;
            matchSide(true, e.price(), pool, auction, e.tsNanos());
            matchSide(false, e.price(), pool, auction, e.tsNanos());
            trigger(e.price(), e.tsNanos(), continuousFrom, continuousTo);
        }
        while (next < pending.size()) place(pending.get(next++), continuousFrom, continuousTo);
    }

    private void place(Order o, long from, long to) {
        Live l = new Live(o, ++seq);
        l.priority = o.afterTs();
        orders.put(o.key(), l);
        if (!l.waiting) arrive(l, o.afterTs(), from, to);
    }

    private void arrive(Live l, long ts, long from, long to) {
        boolean continuous = ts >= from && ts < to;
        BigDecimal top = l.o.buy() ? ask : bid;
        if (!continuous || top == null) return;
        if (l.o.market() || (l.o.buy() ? top.compareTo(l.rest) <= 0 : top.compareTo(l.rest) >= 0)) {
            fill(l, l.left, top, ts);
        }
    }

    private void matchSide(boolean buys, BigDecimal p, long pool, boolean auction, long ts) {
        List<Live> book = new ArrayList<>();
        for (Live l : orders.values()) if (l.o.buy() == buys && l.end == End.OPEN && !l.waiting && l.rest != null) book.add(l);
        // best price first, then time priority (entry or trigger), then arrival order
        book.sort(Comparator.<Live, BigDecimal>comparing(l -> l.rest, buys ? Comparator.reverseOrder() : Comparator.naturalOrder())
                .thenComparingLong(l -> l.priority).thenComparingLong(l -> l.seq));
        BigDecimal opp = buys ? ask : bid;
        for (Live l : book) {
            if (pool <= 0) break;
            BigDecimal limit = l.rest;
            BigDecimal px;
            if (auction) {
                if (buys ? limit.compareTo(p) < 0 : limit.compareTo(p) > 0) break;
                px = p;
            } else if (opp != null && (buys ? opp.compareTo(limit) <= 0 : opp.compareTo(limit) >= 0)) {
                if (buys ? p.compareTo(limit) > 0 : p.compareTo(limit) < 0) break;
                px = buys ? p.max(opp) : p.min(opp);
            } else {
                if (buys ? p.compareTo(limit) > 0 : p.compareTo(limit) < 0) break;
                px = opp != null ? limit : p;
            }
            long f = Math.min(l.left, pool);
            pool -= f;
            fill(l, f, px, ts);
        }
    }

    private void trigger(BigDecimal p, long ts, long from, long to) {
        List<Live> stops = new ArrayList<>();
        for (Live l : orders.values()) if (l.waiting && l.end == End.OPEN) stops.add(l);
        stops.sort(Comparator.<Live, BigDecimal>comparing(l -> l.o.stop()).thenComparingLong(l -> l.seq));
        for (Live l : stops) {
            boolean hit = l.o.buy() ? p.compareTo(l.o.stop()) >= 0 : p.compareTo(l.o.stop()) <= 0;
            if (!hit) continue;
            l.waiting = false;
            l.priority = ts;
            arrive(l, ts, from, to);
        }
    }

    private static void fill(Live l, long q, BigDecimal px, long ts) {
        l.left -= q;
        l.fills.add(new Fill(q, px, ts));
        if (l.left == 0) l.end = End.FILLED;
    }

    List<Fill> fills(String key) {
        return List.copyOf(orders.get(key).fills);
    }

    End end(String key) {
        return orders.get(key).end;
    }

    /** The top of book the model has at the end of what it ran (for choosing test prices). */
    BigDecimal bid() {
        return bid;
    }

    BigDecimal ask() {
        return ask;
    }

    /** The top of book after every event at or before {@code ts}. */
    static BigDecimal[] topAt(List<ReplayEvent> tape, long ts) {
        BigDecimal b = null;
        BigDecimal a = null;
        for (ReplayEvent e : tape) {
            if (e.tsNanos() > ts) break;
            if (e.kind() == EventKind.K) {
                b = e.bid();
                a = e.ask();
            } else if (e.kind() == EventKind.T) {
                if (e.bid() != null) b = e.bid();
                if (e.ask() != null) a = e.ask();
            }
        }
        return new BigDecimal[] {b, a};
    }

    /** The last trade price at or before {@code ts}. */
    static BigDecimal lastTradeAt(List<ReplayEvent> tape, long ts) {
        BigDecimal p = null;
        for (ReplayEvent e : tape) {
            if (e.tsNanos() > ts) break;
            if (e.kind() == EventKind.T) p = e.price();
        }
        return p;
    }
}
