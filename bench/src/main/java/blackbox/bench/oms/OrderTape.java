package blackbox.bench.oms;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A synthetic day of order events for the transition benchmarks: {@code orders} limit orders of 100..10,000
 * shares, each with the lifecycle a gateway reports (routing progress, acknowledgement, 1–8 partial fills, one
 * duplicate fill report in four orders, a refused cancel in one in five, a replace in one in five, then filled or
 * canceled), interleaved across orders as one stream (each order's events in order). Events are built once; the
 * benchmark only applies them.
 *
 * @param orderIndex per event, the order it belongs to
 * @param events the stream
 * @param start each order's PENDING_NEW state
 */
public record OrderTape(int[] orderIndex, OrderEvent[] events, Order[] start) {

    public static OrderTape generate(int orders, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<OrderEvent>> perOrder = new ArrayList<>(orders);
        Order[] start = new Order[orders];
        long t = 1_744_117_200_000_000_000L;
        for (int o = 0; o < orders; o++) {
            long qty = 100L * random.nextInt(1, 101);
            OrderSpec spec = new OrderSpec(new ClOrdId("BENCH-" + o), new AccountId("ACC" + (o % 500)),
                    new DeskId("equities"), new UserId("bench"), Optional.empty(), new InstrumentId("PETR4", "B"),
                    o % 2 == 0 ? Side.BUY : Side.SELL, OrdType.LIMIT, TimeInForce.DAY, Optional.empty(),
                    Algorithm.Full.INSTANCE, Optional.empty(), Optional.empty(), t, LocalDate.of(2025, 4, 8));
            start[o] = Order.pendingNew(spec, qty, 385_000, 0);
            List<OrderEvent> events = new ArrayList<>();
            OrderId id = new OrderId("DLL-" + o);
            events.add(new OrderEvent.Sent(null, t, t));
            events.add(new OrderEvent.Accepted(id, t, t));
            long left = qty;
            int fills = random.nextInt(1, 9);
            boolean cancelAtEnd = random.nextInt(3) == 0;
            for (int f = 0; f < fills && left > 0; f++) {
                long lot = Math.max(100, left / 100 / (fills - f) * 100);
                long fillQty = f == fills - 1 && !cancelAtEnd ? left : Math.min(left, lot);
                if (cancelAtEnd && fillQty == left) fillQty = left > 100 ? left - 100 : 0;
                if (fillQty == 0) break;
                OrderEvent.Filled fill = new OrderEvent.Filled(new ExecId("X-" + o + "-" + f), fillQty,
                        385_000 + 100L * random.nextInt(-5, 6), qty - left + fillQty, false, t, t);
                events.add(fill);
                if (f == 0 && random.nextInt(4) == 0) events.add(fill); // the gateway replays a report
                left -= fillQty;
                if (f == 0 && random.nextInt(5) == 0) {
                    events.add(new OrderEvent.CancelRequested(t, t));
                    events.add(new OrderEvent.CancelRejected("002141 cancel refused", t, t));
                }
                if (f == 0 && left > 0 && random.nextInt(5) == 0) {
                    events.add(new OrderEvent.ReplaceRequested(qty, 386_000, 0, t, t));
                    events.add(new OrderEvent.Replaced(qty, 386_000, 0, t, t));
                }
            }
            if (left > 0) {
                events.add(new OrderEvent.CancelRequested(t, t));
                events.add(new OrderEvent.Canceled(t, t));
            }
            perOrder.add(events);
        }
        // interleave: repeatedly take the next event of a random order that has one left
        int total = 0;
        for (List<OrderEvent> l : perOrder) total += l.size();
        int[] index = new int[total];
        OrderEvent[] stream = new OrderEvent[total];
        int[] next = new int[orders];
        List<Integer> live = new ArrayList<>();
        for (int o = 0; o < orders; o++) live.add(o);
        for (int k = 0; k < total; k++) {
            int pick = random.nextInt(live.size());
            int o = live.get(pick);
            index[k] = o;
            stream[k] = perOrder.get(o).get(next[o]++);
            if (next[o] == perOrder.get(o).size()) {
                live.set(pick, live.getLast());
                live.removeLast();
            }
        }
        return new OrderTape(index, stream, start);
    }

    public int size() {
        return events.length;
    }
}
