package blackbox.gateway.trading;

import static blackbox.gateway.trading.Orders.snap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {
    private final TradingCounters counters = new TradingCounters();
    private final Orders.Collected out = new Orders.Collected();
    private final OrderTracker order = new OrderTracker(counters, Orders.limitBuy("K1", 500, "36.01"), 1, 7, 70);

    private List<ExecReport> apply(Orders.Snap s) {
        order.onSnapshot(s.build(), 5_000, out);
        return out.take();
    }

    @Test
    void acceptedThenTwoFillsGiveNewAndTwoTradesWithExactLastPx() {
        List<ExecReport> r = apply(snap().status(0));
        assertEquals(1, r.size());
        assertEquals(ExecType.NEW, r.get(0).execType());
        assertEquals(OrdStatus.NEW, r.get(0).ordStatus());
        assertEquals("CL-7-S0-1", r.get(0).execId());
        assertEquals("K1", r.get(0).idempotencyKey());
        assertEquals(500, r.get(0).leavesQty());

        r = apply(snap().status(1).fill(300, 36.01));
        assertEquals(1, r.size());
        ExecReport t1 = r.get(0);
        assertEquals(ExecType.TRADE, t1.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, t1.ordStatus());
        assertEquals("CL-7-T300", t1.execId());
        assertEquals(300, t1.lastQty());
        assertEquals("36.01", Prices.text(t1.lastPx()));
        assertEquals(200, t1.leavesQty());

        r = apply(snap().status(2).fill(500, (300 * 36.01 + 200 * 36.02) / 500));
        assertEquals(1, r.size());
        ExecReport t2 = r.get(0);
        assertEquals(ExecType.TRADE, t2.execType());
        assertEquals(OrdStatus.FILLED, t2.ordStatus());
        assertEquals("CL-7-T500", t2.execId());
        assertEquals(200, t2.lastQty());
        assertEquals("36.02", Prices.text(t2.lastPx()));
        assertEquals(0, t2.leavesQty());
        assertEquals("36.014", Prices.text(t2.avgPx()));
        assertEquals(0, counters.invariantViolations());
        assertTrue(order.closed());
    }

    @Test
    void theSameSnapshotAgainGivesNothing() {
        apply(snap().status(0));
        apply(snap().status(1).fill(100, 36.01));
        assertEquals(List.of(), apply(snap().status(1).fill(100, 36.01)));
        assertEquals(List.of(), apply(snap().status(1).fill(100, 36.01).text("again")));
        assertEquals(2, counters.duplicateSnapshots());
    }

    @Test
    void anOlderSnapshotIsIgnoredAndCounted() {
        apply(snap().status(1).fill(300, 36.01).event(5));
        assertEquals(List.of(), apply(snap().status(0).event(4)));
        assertEquals(List.of(), apply(snap().status(1).fill(100, 36.01).event(6)));
        apply(snap().status(4).fill(300, 36.01).leaves(0).event(7));
        assertEquals(List.of(), apply(snap().status(1).fill(300, 36.01).event(0).at(2_000)), "live after closed");
        assertEquals(3, counters.staleSnapshots());
    }

    @Test
    void aFillAndACancelInOneSnapshotGiveTheTradeThenTheCancel() {
        apply(snap().status(0));
        List<ExecReport> r = apply(snap().status(15).fill(200, 36.0).leaves(0));
        assertEquals(2, r.size());
        assertEquals(ExecType.TRADE, r.get(0).execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, r.get(0).ordStatus());
        assertEquals(300, r.get(0).leavesQty(), "as just after the fill");
        assertEquals(ExecType.CANCELED, r.get(1).execType());
        assertEquals(OrdStatus.CANCELED, r.get(1).ordStatus());
        assertEquals(0, r.get(1).leavesQty());
        assertEquals(200, r.get(1).cumQty());
        assertEquals(0, counters.invariantViolations());
    }

    @Test
    void aMissedHistoryStartsFillsFromZero() {
        List<ExecReport> r = apply(snap().status(1).fill(300, 36.03));
        assertEquals(ExecType.TRADE, r.get(0).execType());
        assertEquals(300, r.get(0).lastQty());
        assertEquals("36.03", Prices.text(r.get(0).lastPx()));
    }

    @Test
    void anAmendmentGivesReplacedAndItsPendingStatePendingReplace() {
        apply(snap().status(0));
        List<ExecReport> r = apply(snap().status(14));
        assertEquals(ExecType.PENDING_REPLACE, r.get(0).execType());
        r = apply(snap().status(0).price(35.9).qty(400));
        assertEquals(2, r.size(), r.toString());
        assertEquals(ExecType.REPLACED, r.get(0).execType());
        assertEquals("CL-7-R1", r.get(0).execId());
        assertEquals(OrdStatus.NEW, r.get(0).ordStatus());
        assertEquals("35.9", Prices.text(r.get(0).price()));
        assertEquals(400, r.get(0).orderQty());
        assertEquals(ExecType.NEW, r.get(1).execType());
        assertEquals("CL-7-S0-2", r.get(1).execId(), "the second entry into New");
        r = apply(snap().status(5).price(35.8).qty(400));
        assertEquals(1, r.size(), "cosReplaced with the amendment is one report");
        assertEquals("CL-7-R2", r.get(0).execId());
    }

    @Test
    void aBrokenInvariantIsCountedAndSaidInTheText() {
        List<ExecReport> r = apply(snap().status(0).leaves(400));
        assertEquals("[inconsistent: LeavesQty 400 + CumQty 0 != OrderQty 500]", r.get(0).text());
        r = apply(snap().status(4).leaves(500));
        assertEquals("[inconsistent: closed with LeavesQty 500]", r.get(0).text());
        assertEquals(2, counters.invariantViolations());
    }

    @Test
    void anUnlistedStatusIsUnknownWithItsCodeInTheText() {
        List<ExecReport> r = apply(snap().status(250).text("odd"));
        assertEquals(OrdStatus.UNKNOWN, r.get(0).ordStatus());
        assertEquals(ExecType.ORDER_STATUS, r.get(0).execType());
        assertEquals("TConnectorOrderStatus 250: odd", r.get(0).text());
    }

    @Test
    void routingProgressGivesPendingNewUntilTheVenueAnswers() {
        order.onMessage(new TradingMessage(308, 7, "", 70, 6, "sent"), RequestKind.NEW, 10, out);
        List<ExecReport> r = out.take();
        assertEquals(ExecType.PENDING_NEW, r.get(0).execType());
        assertEquals("L1.7-M70-6", r.get(0).execId(), "no ClOrderID yet");
        assertEquals(6, r.get(0).dllResultCode());
        assertEquals(500, r.get(0).leavesQty());
        order.onMessage(new TradingMessage(308, 7, "", 70, 8, "market"), RequestKind.NEW, 10, out);
        assertEquals(List.of(), out.take(), "one PENDING_NEW per order");
        apply(snap().status(0));
        order.onMessage(new TradingMessage(308, 7, "CL-7", 70, 8, ""), RequestKind.NEW, 10, out);
        assertEquals(List.of(), out.take(), "late progress after New says nothing");
    }

    @Test
    void aRejectIsReportedOnceWhicheverOfMessageAndOrderComesFirst() {
        order.onMessage(new TradingMessage(308, 7, "", 70, 7, "lot: quantity=150"), RequestKind.NEW, 10, out);
        List<ExecReport> r = out.take();
        assertEquals(ExecType.REJECTED, r.get(0).execType());
        assertEquals("mrcRejectedBroker (7): lot: quantity=150", r.get(0).text());
        assertEquals(List.of(), apply(snap().status(8).leaves(0)));

        OrderTracker other = new OrderTracker(counters, Orders.limitBuy("K2", 500, "36.01"), 1, 8, 80);
        other.onSnapshot(snap().status(204).leaves(0).text("not created").build(), 1, out);
        assertEquals(ExecType.REJECTED, out.take().get(0).execType());
        other.onMessage(new TradingMessage(308, 8, "", 80, 3, "x"), RequestKind.NEW, 10, out);
        assertEquals(List.of(), out.take());
    }

    @Test
    void aRefusedCancelIsCancelRejectedAndLeavesTheOrderAsItWas() {
        apply(snap().status(0));
        order.onMessage(new TradingMessage(308, 7, "CL-7", 71, 9, "already filled"), RequestKind.CANCEL, 10, out);
        ExecReport r = out.take().get(0);
        assertEquals(ExecType.CANCEL_REJECTED, r.execType());
        assertEquals(OrdStatus.NEW, r.ordStatus());
        order.onRefused(RequestKind.CHANGE, "NL_INVALID_ARGS", 10, out);
        ExecReport x = out.take().get(0);
        assertEquals(ExecType.REPLACE_REJECTED, x.execType());
        assertEquals("CL-7-XR1", x.execId());
    }

    @Test
    void aRoutingDropMakesInFlightOrdersUnknownUntilTheirStateIsReadAgain() {
        assertTrue(order.onRoutingLost(1, 10, out));
        ExecReport u = out.take().get(0);
        assertEquals(ExecType.UNKNOWN, u.execType());
        assertEquals(OrdStatus.UNKNOWN, u.ordStatus());
        assertEquals(OrdStatus.UNKNOWN, order.current(11).ordStatus());
        apply(snap().status(0));
        assertTrue(!order.unknownOutstanding());
        // a resting order is not in flight
        assertTrue(!order.onRoutingLost(2, 10, out));
        // a pending cancel is
        apply(snap().status(6));
        assertTrue(order.onRoutingLost(3, 10, out));
        out.take();
        List<ExecReport> r = apply(snap().status(6));
        assertEquals(1, r.size(), "the same state read back confirms it");
        assertEquals(ExecType.ORDER_STATUS, r.get(0).execType());
        assertEquals(OrdStatus.PENDING_CANCEL, r.get(0).ordStatus());
        assertEquals("CL-7-O6-0", r.get(0).execId());
    }

    @Test
    void aFirstSightAfterAFreshStartIsOneOrderStatusWithoutTrades() {
        OrderTracker fresh = new OrderTracker(counters, 2);
        fresh.onInitial(snap().status(1).fill(300, 36.01).build(), 1, out);
        List<ExecReport> r = out.take();
        assertEquals(1, r.size());
        assertEquals(ExecType.ORDER_STATUS, r.get(0).execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, r.get(0).ordStatus());
        assertEquals(300, r.get(0).cumQty());
        assertNull(r.get(0).idempotencyKey());
        fresh.onSnapshot(snap().status(2).fill(500, (300 * 36.01 + 200 * 36.05) / 500).build(), 1, out);
        assertEquals("36.05", Prices.text(out.take().get(0).lastPx()));
    }

    /**
     * Property: for random fill sequences at B3 grid prices (the DLL's average price a double, as it computes it),
     * the TRADE reports' LastQty add up to CumQty, each LastPx is the true fill price, ExecIDs never repeat, every
     * duplicate notification gives nothing, and no invariant breaks.
     */
    @Test
    void fillsDerivedFromAveragesAreTheTrueFills() {
        long seed = Seeds.seed("OrderTrackerTest.fillsDerivedFromAveragesAreTheTrueFills");
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            TradingCounters c = new TradingCounters();
            OrderTracker t = new OrderTracker(c, Orders.limitBuy("K", 1, "1"), 1, 9, 90);
            long qty = 100L * (1 + random.nextInt(10_000));
            Orders.Snap s = snap().qty(qty).status(0);
            t.onSnapshot(s.build(), 1, out);
            BigDecimal value = BigDecimal.ZERO;
            long cum = 0;
            List<BigDecimal> truePrices = new java.util.ArrayList<>();
            while (cum < qty) {
                long fill = Math.min(qty - cum, 100L * (1 + random.nextInt(50)));
                BigDecimal px = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 4); // 0.0001 .. 200.0000
                value = value.add(px.multiply(BigDecimal.valueOf(fill)));
                cum += fill;
                truePrices.add(px.stripTrailingZeros());
                double avg = value.doubleValue() / cum; // the DLL's double arithmetic
                s = snap().qty(qty).status(cum == qty ? 2 : 1).fill(cum, avg);
                t.onSnapshot(s.build(), 1, out);
                if (random.nextBoolean()) t.onSnapshot(s.build(), 1, out); // a duplicate notification
            }
            List<ExecReport> trades = out.take().stream().filter(r -> r.execType() == ExecType.TRADE).toList();
            assertEquals(truePrices.size(), trades.size(), "seed " + seed);
            Set<String> ids = new HashSet<>();
            long sum = 0;
            for (int i = 0; i < trades.size(); i++) {
                assertEquals(0, truePrices.get(i).compareTo(trades.get(i).lastPx()), "seed " + seed + " fill " + i);
                assertTrue(ids.add(trades.get(i).execId()), "seed " + seed);
                sum += trades.get(i).lastQty();
            }
            assertEquals(qty, sum, "seed " + seed);
            assertEquals(0, c.invariantViolations(), "seed " + seed);
        }
    }
}
