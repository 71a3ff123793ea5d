package blackbox.oms.algo;

import static blackbox.oms.algo.AlgoFixtures.SEC;
import static blackbox.oms.algo.AlgoFixtures.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VwapTest {
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final long DAY = 86_400L * SEC;
    static final long MIN = 60L * SEC;

    static List<Action.Send> sends(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Send).map(a -> (Action.Send) a).toList();
    }

    static List<Action.Cancel> cancels(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Cancel).map(a -> (Action.Cancel) a).toList();
    }

    static List<Long> qtys(Decision d) {
        return sends(d).stream().map(Action.Send::qty).toList();
    }

    static ChildState child(ParentOrder p, int slice, int account, long qty, long cum, boolean open) {
        return new ChildState(p.childId(slice, p.accounts().get(account - 1)), account, slice, qty, cum, open, false);
    }

    @Test
    void theProfileIsEachSliceWindowsVolumeOverTheSessionsAtTheStartsLocalTime() {
        // START is 2025-04-07 10:00 in São Paulo; the sessions are 04-03 and 04-04 (04-02 is history, not asked for)
        long d3 = START - 4 * DAY;
        long d4 = START - 3 * DAY;
        List<VolumeProfile.MinuteVolume> candles = List.of(
                new VolumeProfile.MinuteVolume(d3 - MIN, 999), // 09:59: before the window
                new VolumeProfile.MinuteVolume(d3, 100),
                new VolumeProfile.MinuteVolume(d3 + MIN, 300),
                new VolumeProfile.MinuteVolume(d3 + 2 * MIN, 0),
                new VolumeProfile.MinuteVolume(d3 + 3 * MIN, 777), // 10:03: after the horizon
                new VolumeProfile.MinuteVolume(d4, 100),
                new VolumeProfile.MinuteVolume(d4 + 2 * MIN, 200),
                new VolumeProfile.MinuteVolume(START - 5 * DAY, 5_000)); // 04-02: not a session asked for
        List<LocalDate> sessions = List.of(LocalDate.of(2025, 4, 3), LocalDate.of(2025, 4, 4));
        VolumeProfile p = VolumeProfile.of(candles, sessions, START, 180, 60, SAO_PAULO, "test");
        // shares × ms: (100 + 100) × 60 000, 300 × 60 000, 200 × 60 000
        assertEquals(List.of(12_000_000L, 18_000_000L, 12_000_000L), p.weights());
        assertEquals(2, p.sessions());
        assertFalse(p.isEmpty());
        // 30 s slices: a minute's volume is shared by the two half-minutes it covers
        VolumeProfile half = VolumeProfile.of(List.of(new VolumeProfile.MinuteVolume(d3, 100)), sessions, START, 90, 30, SAO_PAULO, "t");
        assertEquals(List.of(3_000_000L, 3_000_000L, 0L), half.weights());
        // a start at 10:00:30 shifts the windows: 10:00:30-10:01:30 takes half of 10:00 and half of 10:01
        VolumeProfile shifted = VolumeProfile.of(candles, sessions, START + 30 * SEC, 60, 60, SAO_PAULO, "t");
        assertEquals(List.of(100L * 30_000 + 300L * 30_000 + 100L * 30_000), shifted.weights());
        assertTrue(VolumeProfile.of(List.of(), sessions, START, 180, 60, SAO_PAULO, "t").isEmpty());
    }

    @Test
    void plannedQuantitiesFollowTheCumulativeWeightInWholeLotsAndTheLastSliceCompletes() {
        ParentOrder p = AlgoFixtures.vwap("v1", 180, 60, "1", new long[] {2, 3, 2}, 1_000, 300);
        VwapSchedule s = VwapSchedule.of(p);
        assertFalse(s.equalWeights());
        assertEquals(3, s.slices());
        assertEquals(START + 120 * SEC, s.dueAt(3));
        assertEquals(START + 180 * SEC, s.endNanos());
        // 10 lots: floor(10 × 2/7) = 2, floor(10 × 5/7) = 7, then all 10
        assertEquals(List.of(200L, 700L, 1_000L), List.of(s.plannedCum(1_000, 1), s.plannedCum(1_000, 2), s.plannedCum(1_000, 3)));
        assertEquals(List.of(200L, 500L, 300L), List.of(s.plannedSlice(1_000, 1), s.plannedSlice(1_000, 2), s.plannedSlice(1_000, 3)));
        // 3 lots: floor(6/7) = 0, floor(15/7) = 2, then 3
        assertEquals(List.of(0L, 200L, 100L), List.of(s.plannedSlice(300, 1), s.plannedSlice(300, 2), s.plannedSlice(300, 3)));
        List<PlannedSlice> preview = PlannedSlice.vwap(p);
        assertEquals(3, preview.size());
        assertEquals(200, preview.get(0).qty(), "account 2 is planned nothing in slice 1");
        assertEquals(1, preview.get(0).quantities().size());
        assertEquals(700, preview.get(1).qty());
        assertEquals(400, preview.get(2).qty());
        assertThrows(IllegalArgumentException.class, () -> VwapSchedule.of(AlgoFixtures.vwap("v", 180, 60, "1", new long[] {1, 1}, 100)),
                "a profile of another number of slices");
    }

    @Test
    void withoutHistoryTheWeightsAreEqualAndTheParentSaysSo() {
        ParentOrder p = AlgoFixtures.vwap("v2", 180, 60, "1", new long[] {0, 0, 0}, 900);
        VwapSchedule s = VwapSchedule.of(p);
        assertTrue(s.equalWeights());
        assertEquals(List.of(300L, 300L, 300L), List.of(s.plannedSlice(900, 1), s.plannedSlice(900, 2), s.plannedSlice(900, 3)));
        List<ChildState> kids = List.of(child(p, 3, 1, 300, 0, false));
        Decision end = Vwap.decide(p, s, 3, kids, START + 180 * SEC, 1_000_000);
        assertEquals(ParentStatus.EXPIRED, end.finished().orElseThrow().status());
        assertTrue(end.finished().get().text().contains("equal weights"), end.finished().get().text());
    }

    @Test
    void slicesGoAtTheirTimesWithDeterministicIdsAtTheLimitAndNothingBeforeTheStart() {
        ParentOrder p = AlgoFixtures.vwap("v3", 180, 60, "0.5", new long[] {2, 3, 2}, 1_000, 300);
        VwapSchedule s = VwapSchedule.of(p);
        Decision before = Vwap.decide(p, s, 0, List.of(), START - 1, 1_000_000);
        assertEquals(List.of(), before.actions());
        assertEquals(START, before.wakeAtNanos());
        Decision first = Vwap.decide(p, s, 0, List.of(), START, 1_000_000);
        assertEquals(1, first.releasedSlice());
        assertEquals(List.of(200L), qtys(first), "account 2 is planned 0 in slice 1: no child");
        assertEquals("v3/1/1", sends(first).getFirst().childId().value());
        assertEquals(AlgoFixtures.LIMIT, sends(first).getFirst().price());
        assertEquals(START + 60 * SEC, first.wakeAtNanos());
        Decision again = Vwap.decide(p, s, 1, List.of(child(p, 1, 1, 200, 0, true)), START + 59 * SEC, 1_000_000);
        assertEquals(List.of(), again.actions(), "one child per slice and account");
    }

    @Test
    void theParticipationCapScalesTheSliceDownWhenItBindsAndNotWhenItDoesNot() {
        // slice 1 wants 200, 200 and 500 (20 lots × 2/7 = 5); rate 10%
        ParentOrder p = AlgoFixtures.vwap("v4", 180, 60, "0.10", new long[] {2, 3, 2}, 1_000, 1_000, 2_000);
        VwapSchedule s = VwapSchedule.of(p);
        assertEquals(List.of(200L, 200L, 500L), qtys(Vwap.decide(p, s, 0, List.of(), START, 9_000)),
                "not binding: 10% of 9 000 = 900 covers the 900 the slice wants");
        // 10% of 6 000 = 600 < 900: each account gets its share of 600, down to the lot: 133 → 100, 133 → 100, 333 → 300
        List<Long> capped = qtys(Vwap.decide(p, s, 0, List.of(), START, 6_000));
        assertEquals(List.of(100L, 100L, 300L), capped);
        assertTrue(capped.stream().mapToLong(Long::longValue).sum() <= 600);
        // slice 2 after slice 1 filled 500: planned 700, 700, 1 400 → wants 600, 600, 1 100
        List<ChildState> kids = List.of(child(p, 1, 1, 100, 100, false), child(p, 1, 2, 100, 100, false),
                child(p, 1, 3, 300, 300, false));
        assertEquals(List.of(600L, 600L, 1_100L), qtys(Vwap.decide(p, s, 1, kids, START + 60 * SEC, 60_000)),
                "not binding: 6 000 - 500 filled left");
        // 10% of 6 000 - 500 filled = 100 left: the floor of one lot per account behind plan (documented: 300 > 100)
        assertEquals(List.of(100L, 100L, 100L), qtys(Vwap.decide(p, s, 1, kids, START + 60 * SEC, 6_000)));
        // no volume at all: one lot each
        assertEquals(List.of(100L, 100L, 100L), qtys(Vwap.decide(p, s, 0, List.of(), START, 0)));
    }

    @Test
    void workingChildrenCountAgainstTheCap() {
        ParentOrder p = AlgoFixtures.vwap("v5", 180, 60, "0.5", new long[] {1, 1, 1}, 900, 900);
        VwapSchedule s = VwapSchedule.of(p);
        // slice 2: account 1 still waits for its slice-1 cancel (200 working), account 2's slice 1 filled 300
        List<ChildState> kids = List.of(new ChildState(p.childId(1, p.accounts().get(0)), 1, 1, 300, 100, true, true),
                child(p, 1, 2, 300, 300, false));
        // 50% of 1 400 = 700 - 400 filled - 200 working = 100 left; account 2 wants 600 - 300 = 300: cut to 100
        Decision d = Vwap.decide(p, s, 1, kids, START + 60 * SEC, 1_400);
        assertEquals(List.of(100L), qtys(d));
        assertEquals("v5/2/2", sends(d).getFirst().childId().value());
        assertEquals(List.of(), cancels(d), "account 1's cancel is already on its way");
    }

    @Test
    void anUnfilledSliceIsCancelledAndRollsIntoTheNext() {
        ParentOrder p = AlgoFixtures.vwap("v6", 180, 60, "1", new long[] {2, 3, 2}, 1_000);
        VwapSchedule s = VwapSchedule.of(p);
        List<ChildState> kids = new ArrayList<>(List.of(child(p, 1, 1, 200, 100, true)));
        Decision d = Vwap.decide(p, s, 1, kids, START + 60 * SEC, 1_000_000);
        assertEquals(1, cancels(d).size());
        assertEquals(List.of(), sends(d), "no second working child for the account");
        assertEquals(2, d.releasedSlice());
        kids.set(0, child(p, 1, 1, 200, 100, false));
        d = Vwap.decide(p, s, 2, kids, START + 61 * SEC, 1_000_000);
        assertEquals(List.of(600L), qtys(d), "slice 2 carries its 500 and the 100 slice 1 left: 700 planned - 100 filled");
        assertEquals("v6/2", sends(d).getFirst().childId().value(), "a single order's child: <id>/<slice>");
    }

    @Test
    void atTheHorizonWorkingChildrenAreCancelledThenTheParentExpiresOrIsFilled() {
        ParentOrder p = AlgoFixtures.vwap("v7", 180, 60, "1", new long[] {2, 3, 2}, 1_000);
        VwapSchedule s = VwapSchedule.of(p);
        List<ChildState> open = List.of(child(p, 1, 1, 200, 200, false), child(p, 3, 1, 800, 300, true));
        Decision d = Vwap.decide(p, s, 3, open, START + 180 * SEC, 1_000_000);
        assertEquals(1, cancels(d).size());
        assertEquals(List.of(), sends(d));
        assertTrue(d.finished().isEmpty(), "waits for the cancel to be final");
        List<ChildState> done = List.of(child(p, 1, 1, 200, 200, false), child(p, 3, 1, 800, 300, false));
        Decision end = Vwap.decide(p, s, 3, done, START + 181 * SEC, 1_000_000);
        assertEquals(ParentStatus.EXPIRED, end.finished().orElseThrow().status());
        assertEquals("horizon over: 500 of 1000 filled", end.finished().get().text());
        List<ChildState> filled = List.of(child(p, 1, 1, 200, 200, false), child(p, 2, 1, 800, 800, false));
        assertEquals(ParentStatus.FILLED, Vwap.decide(p, s, 2, filled, START + 70 * SEC, 0).finished().orElseThrow().status());
    }

    @Test
    void aCappedParentNeverExceedsTheCapByMoreThanOneLotPerAccountAndSlice() {
        // a walk over every slice with fills of everything sent: filled + sent stays within the cap or the lot floor
        ParentOrder p = AlgoFixtures.vwap("v8", 600, 60, "0.2", new long[] {5, 1, 1, 8, 3, 2, 9, 1, 4, 6}, 3_000, 1_500, 700);
        VwapSchedule s = VwapSchedule.of(p);
        List<ChildState> kids = new ArrayList<>();
        long filled = 0;
        for (int k = 1; k <= 10; k++) {
            long volume = 2_000L * k;
            Decision d = Vwap.decide(p, s, k - 1, kids, s.dueAt(k), volume);
            long sent = 0;
            for (Action.Send a : sends(d)) {
                assertEquals(0, a.qty() % 100, "whole lots");
                sent += a.qty();
                kids.add(new ChildState(a.childId(), a.account().index(), k, a.qty(), a.qty(), false, false));
            }
            long floor = (long) sends(d).size() * 100; // at most one lot per account over the cap
            assertTrue(filled + sent <= Math.max(s.participationLimit(volume), filled) + floor,
                    "slice " + k + ": " + filled + " filled + " + sent + " sent > 20% of " + volume);
            filled += sent;
        }
        for (AccountTarget a : p.accounts()) {
            long f = kids.stream().filter(c -> c.accountIndex() == a.index()).mapToLong(ChildState::cumQty).sum();
            assertTrue(f <= a.quantity(), "account " + a.index() + " filled " + f + " of " + a.quantity());
        }
    }
}
