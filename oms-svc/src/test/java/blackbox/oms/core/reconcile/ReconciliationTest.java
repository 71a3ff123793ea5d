package blackbox.oms.core.reconcile;

import static blackbox.oms.core.Fixtures.PX;
import static blackbox.oms.core.Fixtures.T0;
import static blackbox.oms.core.Fixtures.TRADE_DATE;
import static blackbox.oms.core.Fixtures.accepted;
import static blackbox.oms.core.Fixtures.after;
import static blackbox.oms.core.Fixtures.fill;
import static blackbox.oms.core.Fixtures.pendingNew;
import static blackbox.oms.core.Fixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.Transitions;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    static final long NOW = T0 + 3_600_000_000_000L;

    static VenueOrder venue(String clOrdId, OrdStatus status, long qty, long cum, String avgPx) {
        return new VenueOrder(clOrdId == null ? null : new ClOrdId(clOrdId), clOrdId == null ? null : new OrderId(clOrdId.replace("O-", "OID-")), status, qty,
                cum, PX, 0, new BigDecimal(avgPx), status == OrdStatus.REJECTED ? "002138 lot" : "", T0 + 99);
    }

    static Order applyAll(Order order, Decision decision) {
        for (OrderEvent e : decision.events()) {
            Outcome outcome = Transitions.apply(order, e);
            if (outcome instanceof Outcome.Applied a) order = a.order();
        }
        return order;
    }

    final Order working = after(after(pendingNew("O-1", 1000), sent("OID-1")), accepted("OID-1"));

    @Test
    void anOrderTheVenueNeverSawIsRejectedWithTheReasonAndNotResent() {
        Decision d = Reconciliation.decideOne(pendingNew("O-2", 100), null, TRADE_DATE, NOW);
        assertEquals(Verdict.NEVER_SEEN, d.verdict());
        OrderEvent.Rejected rejected = assertInstanceOf(OrderEvent.Rejected.class, d.events().getFirst());
        assertEquals(Reconciliation.NEVER_SEEN_REASON, rejected.reason());
        assertEquals(OrdStatus.REJECTED, d.expected().status());
        assertEquals(NOW, rejected.tsInit());
    }

    @Test
    void anUnknownOrderTheVenueListsAsWorkingBecomesNew() {
        Order unknown = after(pendingNew("O-3", 100), new OrderEvent.OutcomeUnknown("dropped", T0, T0));
        Decision d = Reconciliation.decideOne(unknown, venue("O-3", OrdStatus.NEW, 100, 0, "0"), TRADE_DATE, NOW);
        assertEquals(Verdict.UPDATED, d.verdict());
        assertEquals(OrdStatus.NEW, d.expected().status());
        assertEquals(new OrderId("OID-3"), d.expected().orderId());
    }

    @Test
    void anUnknownOrderTheVenueFilledMeanwhileTakesTheVenuesOrderId() {
        // the SendOrder answer was lost (gateway killed), the order filled at the venue while nobody listened:
        // the inferred fill makes it final, so the venue's OrderID must be taken before it
        Order unknown = after(pendingNew("O-7", 100), new OrderEvent.OutcomeUnknown("dropped", T0, T0));
        Decision d = Reconciliation.decideOne(unknown, venue("O-7", OrdStatus.FILLED, 100, 100, "38.50"), TRADE_DATE, NOW);
        assertEquals(Verdict.UPDATED, d.verdict());
        assertEquals(OrdStatus.FILLED, d.expected().status());
        assertEquals(new OrderId("OID-7"), d.expected().orderId());
        assertEquals(d.expected(), applyAll(unknown, d));
    }

    @Test
    void aFinalOrderWithoutTheVenuesOrderIdTakesItFromAStateReadBackAndNothingElseChanges() {
        // the SendOrder answer was lost (gateway killed) and the order filled through the report stream after the
        // restart, whose reports did not name the OrderID; the gateway's ORDER_STATUS of it does (GatewayKillTest)
        Order unknown = after(pendingNew("O-8", 100), new OrderEvent.OutcomeUnknown("dropped", T0, T0));
        Order filled = after(unknown, fill("E-8", 100, PX));
        assertEquals(null, filled.orderId());
        // a stale read (still PARTIALLY_FILLED at the venue's last snapshot) names the id just as well
        for (VenueOrder v : List.of(venue("O-8", OrdStatus.FILLED, 100, 100, "38.50"), venue("O-8", OrdStatus.PARTIALLY_FILLED, 100, 40, "38.50"))) {
            Decision d = Reconciliation.decideOne(filled, v, TRADE_DATE, NOW);
            assertEquals(Verdict.UPDATED, d.verdict());
            assertEquals(List.of(new OrderEvent.Sent(new OrderId("OID-8"), T0 + 99, NOW)), d.events());
            assertEquals(new OrderId("OID-8"), d.expected().orderId());
            assertEquals(OrdStatus.FILLED, d.expected().status());
            assertEquals(100, d.expected().cumQty());
            assertEquals(d.expected(), applyAll(filled, d));
        }
        Order named = applyAll(filled, Reconciliation.decideOne(filled, venue("O-8", OrdStatus.FILLED, 100, 100, "38.50"), TRADE_DATE, NOW));
        assertEquals(Verdict.UNCHANGED, Reconciliation.decideOne(named, venue("O-8", OrdStatus.FILLED, 100, 100, "38.50"), TRADE_DATE, NOW).verdict());
        assertEquals(Verdict.UNCHANGED, Reconciliation.decideOne(filled, null, TRADE_DATE, NOW).verdict());
    }

    @Test
    void fillsWeMissedAreInferredAtThePriceThatMakesOurAvgPxTheVenues() {
        Order partly = after(working, fill("E-1", 100, PX)); // 100 @ 38.50
        Decision d = Reconciliation.decideOne(partly, venue("O-1", OrdStatus.PARTIALLY_FILLED, 1000, 300, "38.60"),
                TRADE_DATE, NOW);
        assertEquals(Verdict.UPDATED, d.verdict());
        OrderEvent.Filled inferred = assertInstanceOf(OrderEvent.Filled.class, d.events().getFirst());
        assertEquals("R:O-1:300", inferred.execId().value());
        assertEquals(200, inferred.lastQty());
        assertEquals(386_500, inferred.lastPx(), "(38.60 × 300 − 38.50 × 100) / 200 = 38.65");
        assertTrue(inferred.reconciled());
        assertEquals(300, d.expected().cumQty());
        assertEquals(new BigDecimal("38.60000000"), d.expected().avgPx());
        // deciding again on the reconciled order changes nothing
        Order reconciled = applyAll(partly, d);
        assertEquals(d.expected(), reconciled);
        assertEquals(Verdict.UNCHANGED, Reconciliation.decideOne(reconciled,
                venue("O-1", OrdStatus.PARTIALLY_FILLED, 1000, 300, "38.60"), TRADE_DATE, NOW).verdict());
    }

    @Test
    void aVenueCumQtyBelowOursIsADiscrepancyAndNothingIsApplied() {
        Order partly = after(working, fill("E-1", 300, PX));
        Decision d = Reconciliation.decideOne(partly, venue("O-1", OrdStatus.PARTIALLY_FILLED, 1000, 200, "38.50"),
                TRADE_DATE, NOW);
        assertEquals(Verdict.DISCREPANCY, d.verdict());
        assertTrue(d.events().isEmpty());
        assertEquals("venue CumQty below ours: venue=200, ours=300", d.reason());
    }

    @Test
    void anAcknowledgedOrderMissingAtTheVenueIsADiscrepancyToday() {
        Decision d = Reconciliation.decideOne(working, null, TRADE_DATE, NOW);
        assertEquals(Verdict.DISCREPANCY, d.verdict());
    }

    @Test
    void aDayOrderOfAnEarlierSessionMissingAtTheVenueExpired() {
        Decision d = Reconciliation.decideOne(working, null, TRADE_DATE.plusDays(1), NOW);
        assertEquals(Verdict.EXPIRED_EARLIER_SESSION, d.verdict());
        assertEquals(OrdStatus.EXPIRED, d.expected().status());
    }

    @Test
    void aPendingCancelTheVenueConfirmsIsCanceled() {
        Order pending = after(working, new OrderEvent.CancelRequested(T0, T0));
        Decision d = Reconciliation.decideOne(pending, venue("O-1", OrdStatus.CANCELED, 1000, 0, "0"), TRADE_DATE, NOW);
        assertEquals(OrdStatus.CANCELED, d.expected().status());
    }

    @Test
    void aCancelOfAnUnacknowledgedOrderTheVenueNeverSawIsRejected() {
        Order pending = after(pendingNew("O-5", 100), new OrderEvent.CancelRequested(T0, T0));
        Decision d = Reconciliation.decideOne(pending, null, TRADE_DATE, NOW);
        assertEquals(Verdict.NEVER_SEEN, d.verdict());
        assertEquals(OrdStatus.REJECTED, d.expected().status());
    }

    @Test
    void aVenueRejectKeepsTheVenuesText() {
        Decision d = Reconciliation.decideOne(pendingNew("O-6", 150), venue("O-6", OrdStatus.REJECTED, 150, 0, "0"),
                TRADE_DATE, NOW);
        assertEquals(OrdStatus.REJECTED, d.expected().status());
        assertEquals("002138 lot", d.expected().text());
    }

    @Test
    void theVenuesOtherOrdersAreReportedNotAdopted() {
        ReconciliationPlan plan = Reconciliation.decide(List.of(working, pendingNew("O-7", 100)),
                List.of(venue("O-1", OrdStatus.NEW, 1000, 0, "0"), venue(null, OrdStatus.NEW, 500, 0, "0"),
                        venue("SOMEONE-ELSE", OrdStatus.FILLED, 200, 200, "38.5")), TRADE_DATE, NOW);
        assertEquals(2, plan.decisions().size());
        assertEquals(Verdict.UNCHANGED, plan.decisions().get(0).verdict());
        assertEquals(Verdict.NEVER_SEEN, plan.decisions().get(1).verdict());
        assertEquals(2, plan.foreign().size());
        assertTrue(plan.discrepancies().isEmpty());
    }
}
