package blackbox.oms.algo;

import static blackbox.oms.algo.AlgoFixtures.SEC;
import static blackbox.oms.algo.AlgoFixtures.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwapTest {
    static List<Action.Send> sends(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Send).map(a -> (Action.Send) a).toList();
    }

    static List<Action.Cancel> cancels(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Cancel).map(a -> (Action.Cancel) a).toList();
    }

    @Test
    void equalSlicesInWholeLotsTheFirstAtOnceTheLastTakesTheRest() {
        ParentOrder p = AlgoFixtures.twap("t1", 600, 60, 1_000); // 10 lots over 10 slices
        TwapSchedule s = TwapSchedule.of(p);
        assertEquals(10, s.slices());
        assertEquals(START, s.dueAt(1), "the first slice at once");
        assertEquals(START + 540 * SEC, s.dueAt(10));
        assertEquals(START + 600 * SEC, s.endNanos());
        for (int k = 1; k <= 10; k++) assertEquals(100, s.plannedSlice(1_000, k), "slice " + k);
        // 7 lots over 10 slices: whole lots, cumulative floor, the last slice completes
        long sum = 0;
        for (int k = 1; k <= 10; k++) {
            long q = s.plannedSlice(700, k);
            assertEquals(0, q % 100, "whole lots");
            assertTrue(q == 0 || q == 100, "slices differ by at most a lot: " + q);
            sum += q;
        }
        assertEquals(700, sum);
        assertEquals(700, s.plannedCum(700, 10));
        assertEquals(0, s.plannedCum(700, 0));
        // 1 lot over 10 slices: only the last slice carries it
        assertEquals(0, s.plannedCum(100, 9));
        assertEquals(100, s.plannedSlice(100, 10));
        assertThrows(IllegalArgumentException.class, () -> new TwapSchedule(START, 60, 7, 100));
    }

    @Test
    void slicesAreSentAtTheirTimesNotBefore() {
        ParentOrder p = AlgoFixtures.twap("t2", 300, 60, 500, 1_000);
        TwapSchedule s = TwapSchedule.of(p);
        Decision before = Twap.decide(p, s, 0, List.of(), START - 1);
        assertEquals(List.of(), before.actions());
        assertEquals(START, before.wakeAtNanos(), "wakes at the start");
        Decision first = Twap.decide(p, s, 0, List.of(), START);
        assertEquals(1, first.releasedSlice());
        assertEquals(List.of(100L, 200L), sends(first).stream().map(Action.Send::qty).toList());
        assertEquals("t2/1/1", sends(first).get(0).childId().value());
        assertEquals("t2/1/2", sends(first).get(1).childId().value());
        assertEquals(AlgoFixtures.LIMIT, sends(first).get(0).price(), "children at the parent's limit");
        assertEquals(START + 60 * SEC, first.wakeAtNanos());
        // the same moment again with the children known: nothing new (one child per slice and account)
        List<ChildState> kids = List.of(child(p, 1, 1, 100, 0, true), child(p, 1, 2, 200, 0, true));
        Decision again = Twap.decide(p, s, 1, kids, START + 59 * SEC);
        assertEquals(List.of(), again.actions());
    }

    @Test
    void anUnfilledSliceIsCancelledAndRollsIntoTheNextWithinTheCap() {
        ParentOrder p = AlgoFixtures.twap("t3", 300, 60, 1_000); // 200 a slice, cap 2 × 200 = 400
        TwapSchedule s = TwapSchedule.of(p);
        // slice 1 filled 100 of 200 and still works at slice 2: cancel first, nothing new yet
        List<ChildState> kids = new ArrayList<>(List.of(child(p, 1, 1, 200, 100, true)));
        Decision d = Twap.decide(p, s, 1, kids, START + 60 * SEC);
        assertEquals(1, cancels(d).size());
        assertEquals(List.of(), sends(d), "no second working child for the account");
        // once cancelled: slice 2 carries its 200 and the 100 slice 1 left
        kids.set(0, child(p, 1, 1, 200, 100, false));
        d = Twap.decide(p, s, 2, kids, START + 61 * SEC);
        assertEquals(List.of(300L), sends(d).stream().map(Action.Send::qty).toList());
        // nothing filled by slice 4 (600 planned): the catch-up is capped at 400
        List<ChildState> none = List.of(child(p, 1, 1, 200, 0, false), child(p, 2, 1, 200, 0, false), child(p, 3, 1, 200, 0, false));
        d = Twap.decide(p, s, 3, none, START + 180 * SEC);
        assertEquals(List.of(400L), sends(d).stream().map(Action.Send::qty).toList());
    }

    @Test
    void aCancelAlreadyAskedIsNotAskedAgain() {
        ParentOrder p = AlgoFixtures.twap("t4", 120, 60, 400);
        TwapSchedule s = TwapSchedule.of(p);
        Decision d = Twap.decide(p, s, 1, List.of(new ChildState(p.childId(1, p.accounts().get(0)), 1, 1, 200, 0, true, true)),
                START + 60 * SEC);
        assertEquals(List.of(), d.actions());
    }

    @Test
    void theHorizonsEndCancelsWhatWorksThenExpiresAndAFilledParentIsFilled() {
        ParentOrder p = AlgoFixtures.twap("t5", 120, 60, 400);
        TwapSchedule s = TwapSchedule.of(p);
        List<ChildState> working = List.of(child(p, 1, 1, 200, 200, false), child(p, 2, 1, 200, 50, true));
        Decision d = Twap.decide(p, s, 2, working, START + 120 * SEC);
        assertEquals(1, cancels(d).size());
        assertTrue(d.finished().isEmpty());
        List<ChildState> done = List.of(child(p, 1, 1, 200, 200, false), child(p, 2, 1, 200, 50, false));
        d = Twap.decide(p, s, 2, done, START + 121 * SEC);
        assertEquals(ParentStatus.EXPIRED, d.finished().orElseThrow().status());
        assertEquals("horizon over: 250 of 400 filled", d.finished().get().text());
        List<ChildState> all = List.of(child(p, 1, 1, 200, 200, false), child(p, 2, 1, 200, 200, false));
        assertEquals(ParentStatus.FILLED, Twap.decide(p, s, 2, all, START + 61 * SEC).finished().orElseThrow().status());
    }

    @Test
    void zeroRemainingMakesNoChild() {
        ParentOrder p = AlgoFixtures.twap("t6", 180, 60, 300, 300);
        TwapSchedule s = TwapSchedule.of(p);
        // account 1 filled everything in slice 1 (a fat fill cannot happen, but a full fill of the planned qty can)
        List<ChildState> kids = List.of(child(p, 1, 1, 300, 300, false), child(p, 1, 2, 100, 100, false));
        Decision d = Twap.decide(p, s, 1, kids, START + 60 * SEC);
        assertEquals(List.of("t6/2/2"), sends(d).stream().map(a -> a.childId().value()).toList());
    }

    @Test
    void missedSlicesAfterARestartAreCarriedByTheDueOneWithinTheCap() {
        ParentOrder p = AlgoFixtures.twap("t7", 600, 60, 1_000);
        TwapSchedule s = TwapSchedule.of(p);
        // down from slice 2 to slice 6: one child for slice 6, at most 2 slices' worth
        Decision d = Twap.decide(p, s, 1, List.of(child(p, 1, 1, 100, 100, false)), START + 5 * 60 * SEC + 1);
        assertEquals(6, d.releasedSlice());
        assertEquals(List.of(200L), sends(d).stream().map(Action.Send::qty).toList());
        assertEquals("t7/6", sends(d).get(0).childId().value());
    }

    /** Random fills: no account ever gets more than its quantity, never two children working, every child whole lots. */
    @Test
    void propertyNeverOverAllocatedNeverTwoWorking() {
        long seed = Seeds.seed("TwapTest.property");
        Random rnd = new Random(seed);
        for (int run = 0; run < 300; run++) {
            int n = 1 + rnd.nextInt(5);
            long[] q = new long[n];
            for (int i = 0; i < n; i++) q[i] = 100L * (1 + rnd.nextInt(30));
            int interval = 10 * (1 + rnd.nextInt(6));
            int slices = 1 + rnd.nextInt(12);
            ParentOrder p = AlgoFixtures.twap("p" + run, (long) interval * slices, interval, q);
            TwapSchedule s = TwapSchedule.of(p);
            List<ChildState> kids = new ArrayList<>();
            int released = 0;
            for (long t = START - SEC; t <= s.endNanos() + 5 * SEC; t += SEC * (1 + rnd.nextInt(15))) {
                // the market fills some of what works, cancels confirm
                for (int i = 0; i < kids.size(); i++) {
                    ChildState c = kids.get(i);
                    if (!c.open()) continue;
                    long fill = rnd.nextInt(3) == 0 ? (c.orderQty() - c.cumQty()) / 100 * rnd.nextInt(2) * 100 : 0;
                    boolean close = c.cancelPending() || c.cumQty() + fill == c.orderQty();
                    kids.set(i, new ChildState(c.id(), c.accountIndex(), c.slice(), c.orderQty(), c.cumQty() + fill, !close, false));
                }
                Decision d = Twap.decide(p, s, released, kids, t);
                released = d.releasedSlice();
                for (Action a : d.actions()) {
                    switch (a) {
                        case Action.Send send -> {
                            assertTrue(send.qty() > 0 && send.qty() % 100 == 0, "whole lots: " + send);
                            assertTrue(kids.stream().noneMatch(c -> c.id().equals(send.childId())), "one child per slice: " + send);
                            assertTrue(kids.stream().noneMatch(c -> c.open() && c.accountIndex() == send.account().index()),
                                    "never two working children of one account: " + send);
                            kids.add(new ChildState(send.childId(), send.account().index(), send.slice(), send.qty(), 0, true, false));
                        }
                        case Action.Cancel cancel -> {
                            for (int i = 0; i < kids.size(); i++) {
                                ChildState c = kids.get(i);
                                if (c.id().equals(cancel.childId())) {
                                    kids.set(i, new ChildState(c.id(), c.accountIndex(), c.slice(), c.orderQty(), c.cumQty(), true, true));
                                }
                            }
                        }
                    }
                }
                for (AccountTarget a : p.accounts()) {
                    long released_ = 0;
                    for (ChildState c : kids) if (c.accountIndex() == a.index()) released_ += c.open() ? c.orderQty() : c.cumQty();
                    assertTrue(released_ <= a.quantity(), "seed " + seed + ": account " + a.index() + " over-released " + released_);
                }
            }
        }
    }

    static ChildState child(ParentOrder p, int slice, int account, long qty, long cum, boolean open) {
        return new ChildState(p.childId(slice, p.accounts().get(account - 1)), account, slice, qty, cum, open, false);
    }
}
