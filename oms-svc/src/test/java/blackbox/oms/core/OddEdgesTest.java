package blackbox.oms.core;

import static blackbox.oms.core.Fixtures.PX;
import static blackbox.oms.core.Fixtures.PX2;
import static blackbox.oms.core.Fixtures.T0;
import static blackbox.oms.core.Fixtures.accepted;
import static blackbox.oms.core.Fixtures.after;
import static blackbox.oms.core.Fixtures.fill;
import static blackbox.oms.core.Fixtures.pendingNew;
import static blackbox.oms.core.Fixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The odd but legal edges and the rules the table cannot show (quantities, prices, texts, alarms). */
class OddEdgesTest {
    final Order working = after(after(pendingNew("O-1", 1000), sent("OID-1")), accepted("OID-1"));

    static OrderEvent.CancelRequested cancel() {
        return new OrderEvent.CancelRequested(T0 + 20, T0 + 21);
    }

    @Test
    void routingProgressNamingTheOrderIdWeHaveChangesNothingButAFirstOrNewIdIsRecorded() {
        Order pn = pendingNew("R-1", 1000);
        Order sentNoId = assertInstanceOf(Outcome.Applied.class, Transitions.apply(pn, new OrderEvent.Sent(null, T0, T0))).order();
        assertNull(sentNoId.orderId());
        Order named = assertInstanceOf(Outcome.Applied.class, Transitions.apply(sentNoId, sent("OID-9"))).order();
        assertEquals("OID-9", named.orderId().value());
        assertSame(IgnoreReason.ROUTING_PROGRESS,
                assertInstanceOf(Outcome.Ignored.class, Transitions.apply(named, sent("OID-9"))).reason());
    }

    /** The send's answer lost (UNKNOWN), the order filled or ended through the report stream, its id named afterwards. */
    @Test
    void theOrderIdOfAFinalOrderThatHasNoneIsRecordedByALateReportOrStatusReadAndTheStatusStays() {
        Order unknown = after(pendingNew("L-1", 1000), new OrderEvent.OutcomeUnknown("answer lost", T0, T0));
        Order filled = after(unknown, fill("E-1", 1000, PX));
        Order canceled = after(unknown, new OrderEvent.Canceled(T0 + 7, T0 + 8));
        Order expired = after(unknown, new OrderEvent.Expired(T0 + 7, T0 + 8));
        Order partly = after(unknown, fill("E-1", 300, PX));
        for (Order o : java.util.List.of(filled, canceled, expired, partly)) {
            assertNull(o.orderId(), o.status() + " without an id first");
            // an open order takes a first id from routing progress as an ordinary edge (routingProgress... test above)
            java.util.List<OrderEvent> naming = new java.util.ArrayList<>(o.status().isFinal()
                    ? java.util.List.of(sent("OID-7"), accepted("OID-7")) : java.util.List.of(accepted("OID-7")));
            if (o.status().isFinal()) {
                naming.add(new OrderEvent.StatusRead(o.status(), o.orderQty(), o.cumQty(), o.price(), o.stopPrice(),
                        new OrderId("OID-7"), "", T0 + 9, T0 + 10));
            }
            for (OrderEvent e : naming) {
                Outcome.Applied a = assertInstanceOf(Outcome.Applied.class, Transitions.apply(o, e), o.status() + " × " + e);
                assertEquals(Edge.ORDER_ID_LATE, a.edge(), o.status() + " × " + e);
                assertEquals("OID-7", a.order().orderId().value());
                assertEquals(o.status(), a.order().status(), "the status stays");
                assertEquals(o.cumQty(), a.order().cumQty());
                assertEquals(o.notional(), a.order().notional());
                assertEquals(o.execIds(), a.order().execIds());
                assertEquals(Edge.ORDER_ID_LATE.reason(), a.order().text());
                assertEquals(e.tsInit(), a.order().updatedNanos());
            }
        }
        // once it has an id, the same reports change nothing (no second id over the first)
        Order named = after(filled, sent("OID-7"));
        assertSame(IgnoreReason.ROUTING_PROGRESS, assertInstanceOf(Outcome.Ignored.class, Transitions.apply(named, sent("OID-8"))).reason());
        assertSame(IgnoreReason.LATE_REPORT, assertInstanceOf(Outcome.Ignored.class, Transitions.apply(named, accepted("OID-8"))).reason());
        assertSame(IgnoreReason.DUPLICATE_REPORT, assertInstanceOf(Outcome.Ignored.class, Transitions.apply(named,
                new OrderEvent.StatusRead(OrdStatus.FILLED, 1000, 1000, PX, 0, new OrderId("OID-7"), "", T0, T0))).reason());
        // a report without an id, or for a REJECTED order, stays what it was
        assertSame(IgnoreReason.ROUTING_PROGRESS, assertInstanceOf(Outcome.Ignored.class, Transitions.apply(filled, sent(null))).reason());
        Order rejected = after(unknown, new OrderEvent.Rejected("never seen", T0, T0));
        assertSame(IgnoreReason.ROUTING_PROGRESS, assertInstanceOf(Outcome.Ignored.class, Transitions.apply(rejected, sent("OID-7"))).reason());
    }

    @Test
    void aDuplicateExecIdIsIgnoredAndCountedOnce() {
        Order once = after(working, fill("E-1", 100, PX));
        Outcome again = Transitions.apply(once, fill("E-1", 100, PX));
        assertEquals(new Outcome.Ignored(IgnoreReason.DUPLICATE_EXEC_ID), again);
        assertEquals(100, once.cumQty());
        assertEquals(1, once.execIds().size());
    }

    @Test
    void aDuplicateExecIdIsIgnoredEvenOnAFilledOrder() {
        Order filled = after(working, fill("E-1", 1000, PX));
        assertInstanceOf(Outcome.Ignored.class, Transitions.apply(filled, fill("E-1", 1000, PX)));
    }

    @Test
    void aFillAboveLeavesQtyIsRefusedAsAnAlarmNamingTheQuantities() {
        Order partly = after(working, fill("E-1", 900, PX));
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, Transitions.apply(partly, fill("E-2", 200, PX)));
        assertEquals(RefusalCode.OVERFILL, refused.code());
        assertTrue(refused.code().alarm());
        assertTrue(refused.message().startsWith("fill above the open quantity: ClOrdID=O-1, status=PARTIALLY_FILLED,"
                + " OrderQty=1000, CumQty=900, event=Filled[execId=E-2, lastQty=200"), refused.message());
    }

    @Test
    void aLateFillAfterCancelIsCountedAndTheOrderStaysCanceledUnlessItCompletesIt() {
        Order canceled = after(after(working, fill("E-1", 300, PX)), new OrderEvent.Canceled(T0, T0));
        assertEquals(0, canceled.leavesQty());
        Outcome.Applied late = assertInstanceOf(Outcome.Applied.class, Transitions.apply(canceled, fill("E-2", 200, PX2)));
        assertEquals(OrdStatus.CANCELED, late.order().status());
        assertEquals(500, late.order().cumQty());
        assertEquals(0, late.order().leavesQty());
        assertEquals(Edge.FILL_AFTER_CANCELED.reason(), late.order().text());
        Order completed = after(late.order(), fill("E-3", 500, PX));
        assertEquals(OrdStatus.FILLED, completed.status());
    }

    @Test
    void aRefusedCancelReturnsToPartiallyFilledWhenFillsCameWhilePending() {
        Order pending = after(working, cancel());
        assertEquals(OrdStatus.NEW, pending.prior());
        Order filledMeanwhile = after(pending, fill("E-1", 400, PX));
        assertEquals(OrdStatus.PENDING_CANCEL, filledMeanwhile.status());
        Outcome.Applied back = assertInstanceOf(Outcome.Applied.class,
                Transitions.apply(filledMeanwhile, new OrderEvent.CancelRejected("002141 order not found", T0, T0)));
        assertEquals(OrdStatus.PARTIALLY_FILLED, back.order().status());
        assertEquals(Edge.CANCEL_REJECTED_RESTORED, back.edge());
        assertEquals("002141 order not found", back.order().text());
        assertNull(back.order().prior());
    }

    @Test
    void aRefusedCancelOfAnUnacknowledgedOrderReturnsToPendingNew() {
        Order pending = after(pendingNew("O-2", 100), cancel());
        Order back = after(pending, new OrderEvent.CancelRejected("no", T0, T0));
        assertEquals(OrdStatus.PENDING_NEW, back.status());
    }

    @Test
    void anAcknowledgementAfterOurCancelKeepsTheCancelPendingAndMakesTheOrderLive() {
        Order pending = after(pendingNew("O-3", 100), cancel());
        Outcome.Applied ack = assertInstanceOf(Outcome.Applied.class, Transitions.apply(pending, accepted("OID-3")));
        assertEquals(Edge.ACK_WHILE_PENDING, ack.edge());
        assertEquals(OrdStatus.PENDING_CANCEL, ack.order().status());
        assertEquals(OrdStatus.NEW, ack.order().prior());
        assertEquals(new OrderId("OID-3"), ack.order().orderId());
        assertEquals(OrdStatus.NEW, after(ack.order(), new OrderEvent.CancelRejected("no", T0, T0)).status());
    }

    @Test
    void aRejectWhileOurCancelOfAnUnacknowledgedOrderIsPendingMeansItNeverLived() {
        Order pending = after(pendingNew("O-4", 100), cancel());
        Outcome.Applied rejected = assertInstanceOf(Outcome.Applied.class,
                Transitions.apply(pending, new OrderEvent.Rejected("002138 lot", T0, T0)));
        assertEquals(Edge.REJECTED_WHILE_PENDING, rejected.edge());
        assertEquals(OrdStatus.REJECTED, rejected.order().status());
        assertEquals("002138 lot", rejected.order().text());
    }

    @Test
    void aFillThatCompletesTheOrderWhileACancelIsPendingMakesItFilled() {
        Outcome.Applied filled = assertInstanceOf(Outcome.Applied.class,
                Transitions.apply(after(working, cancel()), fill("E-1", 1000, PX)));
        assertEquals(OrdStatus.FILLED, filled.order().status());
        assertEquals(Edge.FILLED_WHILE_PENDING, filled.edge());
        assertEquals(new Outcome.Ignored(IgnoreReason.LATE_REPORT),
                Transitions.apply(filled.order(), new OrderEvent.CancelRejected("too late", T0, T0)));
    }

    @Test
    void aRefusedReplaceRestoresStatusQuantityAndPrice() {
        Order partly = after(working, fill("E-1", 100, PX));
        Order pending = after(partly, new OrderEvent.ReplaceRequested(600, PX2, 0, T0, T0));
        assertEquals(new Order.PendingReplace(600, PX2, 0), pending.pendingReplace());
        assertEquals(1000, pending.orderQty(), "the order keeps its quantity until the venue answers");
        Order back = after(pending, new OrderEvent.ReplaceRejected("no", T0, T0));
        assertEquals(OrdStatus.PARTIALLY_FILLED, back.status());
        assertEquals(1000, back.orderQty());
        assertEquals(PX, back.price());
        assertNull(back.pendingReplace());
    }

    @Test
    void aReplacedOrderTakesTheVenuesQuantityAndPriceAndIsFilledWhenNothingIsLeft() {
        Order partly = after(working, fill("E-1", 300, PX));
        Order pending = after(partly, new OrderEvent.ReplaceRequested(500, PX2, 0, T0, T0));
        Order replaced = after(pending, new OrderEvent.Replaced(500, PX2, 0, T0, T0));
        assertEquals(500, replaced.orderQty());
        assertEquals(PX2, replaced.price());
        assertEquals(200, replaced.leavesQty());
        Order shrunk = after(after(replaced, new OrderEvent.ReplaceRequested(400, PX2, 0, T0, T0)),
                fill("E-2", 100, PX2));
        assertEquals(OrdStatus.FILLED, after(shrunk, new OrderEvent.Replaced(400, PX2, 0, T0, T0)).status());
    }

    @Test
    void aReplaceToAQuantityNotAboveCumQtyIsRefused() {
        Order partly = after(working, fill("E-1", 300, PX));
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class,
                Transitions.apply(partly, new OrderEvent.ReplaceRequested(300, PX, 0, T0, T0)));
        assertEquals(RefusalCode.REPLACE_QTY_NOT_ABOVE_CUM, refused.code());
        assertFalse(refused.code().alarm());
    }

    @Test
    void avgPxIsTheExactQuantityWeightedMeanRoundedOnlyWhenFormatted() {
        Order a = after(working, fill("E-1", 100, 385_001));
        Order b = after(a, fill("E-2", 200, 385_000));
        assertEquals(100 * 385_001L + 200 * 385_000L, b.notional());
        assertEquals(new BigDecimal("38.50003333"), b.avgPx());
        assertEquals("38.50003333", Prices.formatAvgPx(b.notional(), b.cumQty()));
        assertEquals("0", Prices.formatAvgPx(0, 0));
    }

    @Test
    void aFillAlreadyCountedByReconciliationIsIgnoredByTheVenueCumQtyItCarries() {
        Order partly = after(working, fill("E-1", 100, PX));
        Order reconciled = after(partly, new OrderEvent.Filled(new ExecId("R:O-1:400"), 300, PX, 400, true, T0, T0));
        assertEquals(300, reconciled.reconciledQty());
        // the real fill the gap was made of arrives later, with the venue's CumQty after it (<= ours)
        OrderEvent.Filled real = new OrderEvent.Filled(new ExecId("E-2"), 300, PX, 400, false, T0, T0);
        assertEquals(new Outcome.Ignored(IgnoreReason.ALREADY_RECONCILED), Transitions.apply(reconciled, real));
        // a genuinely new fill (the venue's CumQty above ours) counts
        OrderEvent.Filled next = new OrderEvent.Filled(new ExecId("E-3"), 100, PX, 500, false, T0, T0);
        assertEquals(500, after(reconciled, next).cumQty());
    }

    @Test
    void aVenueWithoutAnOutcomeLeavesAnUnknownOrderUnknown() {
        Order unknown = after(working, new OrderEvent.OutcomeUnknown("dropped", T0, T0));
        OrderEvent.StatusRead undecided = new OrderEvent.StatusRead(OrdStatus.UNKNOWN, 1000, 0, PX, 0, null, "", T0, T0);
        assertEquals(new Outcome.Ignored(IgnoreReason.VENUE_UNDECIDED), Transitions.apply(unknown, undecided));
        OrderEvent.StatusRead live = new OrderEvent.StatusRead(OrdStatus.NEW, 1000, 0, PX, 0, null, "", T0, T0);
        assertEquals(OrdStatus.NEW, after(unknown, live).status());
    }

    @Test
    void aStatusReadWithAnotherCumQtyIsRefusedAsAnAlarm() {
        OrderEvent.StatusRead read = new OrderEvent.StatusRead(OrdStatus.PARTIALLY_FILLED, 1000, 200, PX, 0, null, "", T0, T0);
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, Transitions.apply(working, read));
        assertEquals(RefusalCode.CUM_QTY_MISMATCH, refused.code());
        assertTrue(refused.code().alarm());
    }

    @Test
    void ignoredOutcomesArePreallocated() {
        assertSame(Transitions.apply(working, accepted("OID-1")), Transitions.apply(working, accepted("OID-1")));
    }
}
