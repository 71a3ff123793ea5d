package blackbox.oms.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcebergTest {
    static ParentOrder iceberg(long maxFloor, long... quantities) {
        ParentOrder t = AlgoFixtures.twap("ice", 60, 60, quantities);
        return new ParentOrder(t.id(), t.block(), t.user(), t.strategy(), t.instrument(), t.side(), t.ordType(), t.price(),
                new Algorithm.Iceberg(maxFloor), t.lot(), t.accounts(), t.startNanos(), t.createdNanos(), t.tradeDate());
    }

    static List<Action.Send> sends(Decision d) {
        return d.actions().stream().map(a -> (Action.Send) a).toList();
    }

    @Test
    void eachAccountShowsItsShareOfTheDisplayInWholeLotsAtLeastOne() {
        ParentOrder p = iceberg(1_000, 3_000, 1_000, 100);  // total 4,100
        assertEquals(700, Iceberg.display(p, p.accounts().get(0)), "1,000 × 3,000 / 4,100 = 731 → 700");
        assertEquals(200, Iceberg.display(p, p.accounts().get(1)), "243 → 200");
        assertEquals(100, Iceberg.display(p, p.accounts().get(2)), "24 → at least a lot");
        Decision d = Iceberg.decide(p, List.of());
        assertEquals(List.of(700L, 200L, 100L), sends(d).stream().map(Action.Send::qty).toList());
        assertEquals("ice/1/1", sends(d).get(0).childId().value());
    }

    @Test
    void theNextSliceGoesWhenTheShownOneFillsAndTheLastIsWhatRemains() {
        ParentOrder p = iceberg(400, 1_000);
        List<ChildState> kids = new ArrayList<>(List.of(new ChildState(p.childId(1, p.accounts().get(0)), 1, 1, 400, 300, true, false)));
        assertEquals(List.of(), Iceberg.decide(p, kids).actions(), "nothing while the shown slice works");
        kids.set(0, new ChildState(kids.get(0).id(), 1, 1, 400, 400, false, false));
        Decision d = Iceberg.decide(p, kids);
        assertEquals("ice/2", sends(d).get(0).childId().value());
        assertEquals(400, sends(d).get(0).qty());
        kids.add(new ChildState(sends(d).get(0).childId(), 1, 2, 400, 400, false, false));
        d = Iceberg.decide(p, kids);
        assertEquals(200, sends(d).get(0).qty(), "the last slice is what remains");
        kids.add(new ChildState(sends(d).get(0).childId(), 1, 3, 200, 200, false, false));
        assertEquals(ParentStatus.FILLED, Iceberg.decide(p, kids).finished().orElseThrow().status());
    }

    @Test
    void aSliceEndingUnfilledEndsTheParentInsteadOfResending() {
        ParentOrder p = iceberg(400, 1_000);
        Decision d = Iceberg.decide(p, List.of(new ChildState(p.childId(1, p.accounts().get(0)), 1, 1, 400, 100, false, false)));
        assertEquals(ParentStatus.EXPIRED, d.finished().orElseThrow().status());
        assertTrue(d.actions().isEmpty());
    }
}
