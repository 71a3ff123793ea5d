package blackbox.oms.core;

import static blackbox.oms.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random event sequences (every event type, random quantities and prices, repeated ExecIDs,
 * reports in any order): CumQty never exceeds OrderQty and never decreases; LeavesQty + CumQty = OrderQty while
 * open and LeavesQty = 0 once final; CumQty and the notional are the sums of the fills applied; an ExecID is
 * counted at most once; replaying only the applied events from the start gives the same order (folding equals
 * replaying). {@link Order}'s constructor checks its own invariants on every step as well.
 *
 * <p>Seed: printed; re-run one with {@code -Dblackbox.seed=<seed>}.
 */
class TransitionPropertyTest {
    static final int SEQUENCES = 3_000;

    @Test
    void randomSequencesKeepTheQuantityInvariants() {
        long seed = Seeds.seed("TransitionPropertyTest");
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < SEQUENCES; s++) {
            try {
                run(random, s);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed=" + seed + ", sequence " + s + ": " + e.getMessage(), e);
            }
        }
    }

    private static void run(SplittableRandom random, int s) {
        long qty = 100L * random.nextInt(1, 50);
        Order order = Order.pendingNew(Fixtures.spec("P-" + s), qty, 385_000, 0);
        Order start = order;
        List<OrderEvent> applied = new ArrayList<>();
        List<ExecId> counted = new ArrayList<>();
        long cum = 0;
        long notional = 0;
        int steps = random.nextInt(1, 60);
        for (int i = 0; i < steps; i++) {
            OrderEvent event = randomEvent(random, order, i);
            Outcome outcome = Transitions.apply(order, event);
            if (outcome instanceof Outcome.Applied a) {
                Order next = a.order();
                assertTrue(next.cumQty() >= order.cumQty(), "CumQty never decreases");
                if (event instanceof OrderEvent.Filled f) {
                    assertTrue(!counted.contains(f.execId()), "an ExecID is counted once: " + f.execId());
                    counted.add(f.execId());
                    cum += f.lastQty();
                    notional += f.lastQty() * f.lastPx();
                } else {
                    assertEquals(order.cumQty(), next.cumQty(), "only fills change CumQty");
                }
                applied.add(event);
                order = next;
            } else if (outcome instanceof Outcome.Refused r && r.code() == RefusalCode.OVERFILL) {
                assertTrue(((OrderEvent.Filled) event).lastQty() > order.unfilledQty(), "overfill only above the open quantity");
            }
            assertTrue(order.cumQty() <= order.orderQty(), "CumQty <= OrderQty");
            if (order.status().isOpen()) {
                assertEquals(order.orderQty(), order.leavesQty() + order.cumQty(), "LeavesQty + CumQty = OrderQty while open");
            } else {
                assertEquals(0, order.leavesQty(), "LeavesQty = 0 once final");
            }
            assertEquals(cum, order.cumQty(), "CumQty = Σ LastQty of the fills applied");
            assertEquals(notional, order.notional(), "notional = Σ LastQty × LastPx");
        }
        Order replayed = start;
        for (OrderEvent e : applied) replayed = ((Outcome.Applied) Transitions.apply(replayed, e)).order();
        assertEquals(order, replayed, "replaying the applied events gives the same order");
    }

    /** Mostly plausible events, with repeats of earlier ExecIDs and over-large fills mixed in. */
    private static OrderEvent randomEvent(SplittableRandom random, Order order, int i) {
        long ts = T0 + i;
        long unfilled = order.unfilledQty();
        return switch (random.nextInt(16)) {
            case 0 -> new OrderEvent.Sent(random.nextBoolean() ? new OrderId("OID") : null, ts, ts);
            case 1 -> new OrderEvent.Accepted(new OrderId("OID"), ts, ts);
            case 2 -> random.nextInt(4) == 0 ? new OrderEvent.Rejected("no", ts, ts) : new OrderEvent.Denied("risk", ts, ts);
            case 3, 4, 5 -> {
                long q = random.nextInt(8) == 0 ? unfilled + 100 : 100L * random.nextLong(1, Math.max(2, unfilled / 100 + 1));
                String id = random.nextInt(5) == 0 && !order.execIds().toList().isEmpty()
                        ? order.execIds().toList().get(random.nextInt(order.execIds().size())).value()
                        : "E-" + i;
                yield new OrderEvent.Filled(new ExecId(id), q, 380_000 + random.nextInt(10_000), 0, false, ts, ts);
            }
            case 6 -> new OrderEvent.CancelRequested(ts, ts);
            case 7 -> new OrderEvent.Canceled(ts, ts);
            case 8 -> new OrderEvent.CancelRejected("no", ts, ts);
            case 9 -> new OrderEvent.ReplaceRequested(order.cumQty() + 100L * random.nextInt(0, 20), 386_000, 0, ts, ts);
            case 10 -> new OrderEvent.Replaced(order.cumQty() + 100L * random.nextInt(0, 20), 386_000, 0, ts, ts);
            case 11 -> new OrderEvent.ReplaceRejected("no", ts, ts);
            case 12 -> new OrderEvent.Expired(ts, ts);
            case 13 -> new OrderEvent.OutcomeUnknown("dropped", ts, ts);
            default -> {
                OrdStatus[] venue = {OrdStatus.PENDING_NEW, OrdStatus.NEW, OrdStatus.PARTIALLY_FILLED, OrdStatus.FILLED,
                        OrdStatus.CANCELED, OrdStatus.EXPIRED, OrdStatus.REJECTED, OrdStatus.UNKNOWN, OrdStatus.PENDING_CANCEL};
                OrdStatus st = venue[random.nextInt(venue.length)];
                long venueQty = st == OrdStatus.FILLED ? order.cumQty() == 0 ? order.orderQty() : order.cumQty() : order.orderQty();
                yield new OrderEvent.StatusRead(st, venueQty, order.cumQty(), order.price(), 0, null, "", ts, ts);
            }
        };
    }
}
