package blackbox.oms.algo;

import static blackbox.oms.algo.CoverUpToTest.cancels;
import static blackbox.oms.algo.CoverUpToTest.ended;
import static blackbox.oms.algo.CoverUpToTest.sends;
import static blackbox.oms.algo.CoverUpToTest.working;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.OrdType;
import blackbox.platform.domain.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OCO bracket's core on hand-built children. A SELL bracket protects a long in PETR4: take profit R$ 40,00, stop
 * R$ 36,00 touched at or below, stop leg limit R$ 35,90 (scaled by 10,000).
 */
class OcoBracketTest {
    static final long TP = 400_000;
    static final long STOP = 360_000;
    static final long STOP_LIMIT = 359_000;

    static ParentOrder bracket(Side side, long tp, long stop, long stopLimit, long... quantities) {
        ParentOrder t = AlgoFixtures.twap("oco", 60, 60, quantities);
        return new ParentOrder(t.id(), t.block(), t.user(), t.strategy(), t.instrument(), side, OrdType.LIMIT, 0,
                new Algorithm.Oco(tp, stop, stopLimit), t.lot(), t.accounts(), t.startNanos(), t.createdNanos(), t.tradeDate());
    }

    static ParentOrder sell(long... quantities) {
        return bracket(Side.SELL, TP, STOP, STOP_LIMIT, quantities);
    }

    @Test
    void theTakeProfitsGoOutAtOnceForEachAccountsWholeQuantityAndTheStopIsHeld() {
        ParentOrder p = sell(300, 200);
        Decision d = OcoBracket.decide(p, 0, List.of(), false);
        assertEquals(OcoBracket.TAKE_PROFIT, d.releasedSlice());
        assertEquals(List.of(300L, 200L), sends(d).stream().map(Action.Send::qty).toList());
        assertEquals(List.of(TP, TP), sends(d).stream().map(Action.Send::price).toList());
        assertEquals(List.of("oco/1/1", "oco/1/2"), sends(d).stream().map(s -> s.childId().value()).toList());

        Decision untouched = OcoBracket.decide(p, 1, List.of(working(p, 1, 1, 300, 0, TP), working(p, 1, 2, 200, 0, TP)), false);
        assertEquals(List.of(), untouched.actions(), "nothing while the stop is not touched");
        assertEquals(1, untouched.releasedSlice());
        assertTrue(untouched.finished().isEmpty());
    }

    @Test
    void theTouchIsATradeAtOrThroughTheStopOnTheProtectingSide() {
        ParentOrder sell = sell(100);
        assertTrue(OcoBracket.touches(sell, STOP, 370_000), "a print at the stop");
        assertTrue(OcoBracket.touches(sell, 350_000, 350_000), "a gap through it");
        assertFalse(OcoBracket.touches(sell, STOP + 100, 390_000), "a tick above");
        ParentOrder buy = bracket(Side.BUY, 340_000, 370_000, 371_000, 100);
        assertTrue(OcoBracket.touches(buy, 360_000, 370_000));
        assertFalse(OcoBracket.touches(buy, 360_000, 369_900));
        assertFalse(OcoBracket.touches(sell, Long.MAX_VALUE, 0), "no trade");
    }

    @Test
    void aTouchReleasesTheStopAndCancelsTheTakeProfitsBeforeAnyStopLegGoesOut() {
        ParentOrder p = sell(300, 200);
        List<ChildState> live = List.of(working(p, 1, 1, 300, 0, TP), working(p, 1, 2, 200, 0, TP));
        Decision d = OcoBracket.decide(p, 1, live, true);
        assertEquals(OcoBracket.STOP, d.releasedSlice(), "the trigger is recorded first");
        assertEquals(List.of("oco/1/1", "oco/1/2"), cancels(d).stream().map(c -> c.childId().value()).toList());
        assertEquals(List.of(), sends(d), "never two live legs of one account");

        // cancels on their way: nothing new
        Decision waiting = OcoBracket.decide(p, 2, List.of(live.get(0).cancelling(), live.get(1).cancelling()), true);
        assertEquals(List.of(), waiting.actions());
    }

    @Test
    void oncePersistedTheTriggerHoldsWithoutTheTouchAfterARestartAndEachStopGoesOutOnceForWhatIsLeft() {
        ParentOrder p = sell(300, 200);
        // restarted: touched is forgotten, released = 2 is not; account 1's take profit filled 100 then was cancelled
        List<ChildState> children = List.of(ended(p, 1, 1, 300, 100, TP, true), working(p, 1, 2, 200, 0, TP).cancelling());
        Decision d = OcoBracket.decide(p, 2, children, false);
        assertEquals(1, sends(d).size(), "account 2's take profit is still out");
        Action.Send stop = sends(d).getFirst();
        assertEquals("oco/2/1", stop.childId().value());
        assertEquals(200, stop.qty(), "300 less the 100 the take profit filled");
        assertEquals(STOP_LIMIT, stop.price());

        List<ChildState> after = List.of(children.get(0), working(p, 2, 1, 200, 0, STOP_LIMIT), ended(p, 1, 2, 200, 0, TP, true));
        Decision next = OcoBracket.decide(p, 2, after, false);
        assertEquals(List.of("oco/2/2"), sends(next).stream().map(s -> s.childId().value()).toList(), "account 1's stop is not re-sent");
    }

    @Test
    void aStopTheVenueNeverHadGoesOutAgainUnderTheAccountsNextSliceOnce() {
        ParentOrder p = sell(300, 200);
        // killed after persisting both stops, before sending account 1's: the reconciliation withdrew it (never seen)
        List<ChildState> children = List.of(ended(p, 1, 1, 300, 0, TP, true), ended(p, 2, 1, 300, 0, STOP_LIMIT, true),
                ended(p, 1, 2, 200, 0, TP, true), working(p, 2, 2, 200, 0, STOP_LIMIT));
        Decision d = OcoBracket.decide(p, 2, children, false);
        assertEquals(List.of("oco/3/1"), sends(d).stream().map(s -> s.childId().value()).toList(), "account 1's stop again, account 2's stands");
        assertEquals(300, sends(d).getFirst().qty());
        assertEquals(3, d.releasedSlice(), "the new slice is recorded before it goes out");
        assertTrue(d.finished().isEmpty(), "a withdrawn stop is no verdict of the venue's: the bracket works on");

        List<ChildState> resent = new java.util.ArrayList<>(children);
        resent.add(working(p, 3, 1, 300, 0, STOP_LIMIT));
        assertEquals(List.of(), sends(OcoBracket.decide(p, 3, resent, false)), "once");

        // a stop the venue had and ended unfilled is the venue's verdict: EXPIRED, not re-sent
        List<ChildState> expired = List.of(ended(p, 1, 1, 300, 0, TP, true), ended(p, 2, 1, 300, 0, STOP_LIMIT, false),
                ended(p, 1, 2, 200, 0, TP, true), working(p, 2, 2, 200, 0, STOP_LIMIT));
        Decision over = OcoBracket.decide(p, 2, expired, false);
        assertEquals(ParentStatus.EXPIRED, over.finished().orElseThrow().status());
        assertEquals(List.of(), over.actions());
    }

    @Test
    void aFullyFilledTakeProfitEndsTheBracketAndTheStopIsNeverSent() {
        ParentOrder p = sell(300);
        Decision d = OcoBracket.decide(p, 1, List.of(ended(p, 1, 1, 300, 300, TP, false)), true);
        assertEquals(ParentStatus.FILLED, d.finished().orElseThrow().status());
        assertEquals("every account filled", d.finished().orElseThrow().text());
        assertEquals(List.of(), d.actions());
    }

    @Test
    void theTakeProfitAndTheStopTogetherFillTheAccount() {
        ParentOrder p = sell(300);
        List<ChildState> children = List.of(ended(p, 1, 1, 300, 100, TP, true), ended(p, 2, 1, 200, 200, STOP_LIMIT, false));
        assertEquals(ParentStatus.FILLED, OcoBracket.decide(p, 2, children, false).finished().orElseThrow().status());
    }

    @Test
    void aFillAfterTheCancelWasConfirmedIsReportedAsTheExcessOfItsAccount() {
        ParentOrder p = sell(300, 200);
        // account 1: the take profit was CANCELED with 0, its stop went out for 300, then a late fill of 100 on the take
        // profit (a fill after CANCELED) and the stop filled too
        List<ChildState> children = List.of(ended(p, 1, 1, 300, 100, TP, true), ended(p, 2, 1, 300, 300, STOP_LIMIT, false),
                ended(p, 1, 2, 200, 200, TP, false));
        Decision.Finished end = OcoBracket.decide(p, 2, children, false).finished().orElseThrow();
        assertEquals(ParentStatus.FILLED, end.status());
        assertEquals(OcoBracket.EXCESS + p.accounts().getFirst().account().value() + " +100", end.text());
    }

    @Test
    void aLegTheVenueEndsUnfilledEndsTheBracketExpiredAndTheHeldStopIsNotReleased() {
        ParentOrder p = sell(300);
        Decision d = OcoBracket.decide(p, 1, List.of(ended(p, 1, 1, 300, 0, TP, false)), true);
        assertEquals(ParentStatus.EXPIRED, d.finished().orElseThrow().status());
        assertTrue(d.finished().orElseThrow().text().startsWith("leg oco/1 ended with 0 of 300 filled without a cancel"),
                d.finished().orElseThrow().text());
        assertEquals(List.of(), d.actions(), "no stop after the venue ended the bracket");
    }

    @Test
    void aBuyBracketMirrorsIt() {
        ParentOrder p = bracket(Side.BUY, 340_000, 370_000, 371_000, 100);
        Decision first = OcoBracket.decide(p, 0, List.of(), false);
        assertEquals(340_000L, sends(first).getFirst().price());
        Decision stop = OcoBracket.decide(p, 2, List.of(ended(p, 1, 1, 100, 0, 340_000, true)), false);
        assertEquals(371_000L, sends(stop).getFirst().price());
        assertEquals(100L, sends(stop).getFirst().qty());
    }

    @Test
    void thePreviewShowsTheTakeProfitsAtTheStartAndTheStopsOnTouch() {
        ParentOrder p = sell(300, 200);
        List<PlannedSlice> legs = OcoBracket.preview(p);
        assertEquals(2, legs.size());
        assertEquals(p.startNanos(), legs.get(0).atNanos());
        assertEquals(0, legs.get(1).atNanos(), "0: on touch");
        assertEquals(500, legs.get(0).qty());
        assertEquals(500, legs.get(1).qty());
    }
}
