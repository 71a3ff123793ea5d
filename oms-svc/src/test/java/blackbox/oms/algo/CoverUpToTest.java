package blackbox.oms.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.OrdType;
import blackbox.platform.domain.Side;
import blackbox.testkit.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** "Cobrir até X" on PETR4 (tick R$ 0,01 = 100 scaled), X = R$ 38,50 unless said. */
class CoverUpToTest {
    static final long TICK = 100;

    static ParentOrder cover(Side side, long limit, int offsetTicks, long orderPrice, long... quantities) {
        ParentOrder t = AlgoFixtures.twap("cov", 60, 60, quantities);
        return new ParentOrder(t.id(), t.block(), t.user(), t.strategy(), t.instrument(), side, OrdType.LIMIT, orderPrice,
                new Algorithm.CoverUpTo(limit, offsetTicks, TICK), t.lot(), t.accounts(), t.startNanos(), t.createdNanos(),
                t.tradeDate());
    }

    static Optional<Quote> book(long bid, long ask) {
        return Optional.of(new Quote(bid, ask));
    }

    static ChildState working(ParentOrder p, int slice, int account, long qty, long cum, long price) {
        return new ChildState(p.childId(slice, p.accounts().get(account - 1)), account, slice, qty, cum, true, false, price, false);
    }

    static ChildState ended(ParentOrder p, int slice, int account, long qty, long cum, long price, boolean canceled) {
        return new ChildState(p.childId(slice, p.accounts().get(account - 1)), account, slice, qty, cum, false, false, price, canceled);
    }

    static List<Action.Send> sends(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Send).map(a -> (Action.Send) a).toList();
    }

    static List<Action.Cancel> cancels(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Cancel).map(a -> (Action.Cancel) a).toList();
    }

    @Test
    void aBuyBidsTheOffsetAboveTheBestBidForEachAccountsWholeQuantity() {
        ParentOrder p = cover(Side.BUY, 385_000, 1, 385_000, 300, 200);
        Decision d = CoverUpTo.decide(p, List.of(), book(380_000, 381_000));
        assertEquals(List.of(380_100L, 380_100L), sends(d).stream().map(Action.Send::price).toList(), "R$ 38,00 + 1 tick");
        assertEquals(List.of(300L, 200L), sends(d).stream().map(Action.Send::qty).toList());
        assertEquals("cov/1/1", sends(d).getFirst().childId().value());
    }

    @Test
    void offsetZeroJoinsTheBestPriceAndASellOffersBelowTheBestOffer() {
        assertEquals(380_000L, CoverUpTo.target(cover(Side.BUY, 385_000, 0, 385_000, 100), new Quote(380_000, 381_000)).orElseThrow());
        assertEquals(380_800L, CoverUpTo.target(cover(Side.SELL, 370_000, 2, 370_000, 100), new Quote(380_000, 381_000)).orElseThrow());
    }

    @Test
    void neverBeyondXNorTheOrdersOwnLimitWhenThatIsStricter() {
        ParentOrder buy = cover(Side.BUY, 385_000, 3, 0, 100);
        assertEquals(385_000L, CoverUpTo.target(buy, new Quote(384_900, 386_000)).orElseThrow(), "38,49 + 3 ticks capped at X");
        assertEquals(385_000L, CoverUpTo.target(buy, new Quote(390_000, 391_000)).orElseThrow(), "a bid above X: rest at X");
        ParentOrder stricter = cover(Side.BUY, 385_000, 3, 384_000, 100);
        assertEquals(384_000L, CoverUpTo.target(stricter, new Quote(384_900, 386_000)).orElseThrow(), "the order's own 38,40");
        ParentOrder sell = cover(Side.SELL, 375_000, 3, 0, 100);
        assertEquals(375_000L, CoverUpTo.target(sell, new Quote(370_000, 375_100)).orElseThrow(), "38,51 - 3 ticks floored at X");
    }

    @Test
    void itStaysPassiveOneTickInsideTheSpreadAndJoinsWhenThereIsNoRoom() {
        ParentOrder buy = cover(Side.BUY, 385_000, 5, 385_000, 100);
        assertEquals(380_200L, CoverUpTo.target(buy, new Quote(380_000, 380_300)).orElseThrow(), "bid+5 would take the offer");
        assertEquals(380_000L, CoverUpTo.target(buy, new Quote(380_000, 380_100)).orElseThrow(), "a one-tick spread: join");
        ParentOrder sell = cover(Side.SELL, 370_000, 5, 370_000, 100);
        assertEquals(380_100L, CoverUpTo.target(sell, new Quote(380_000, 380_300)).orElseThrow());
    }

    @Test
    void withoutItsSideOfTheBookNothingIsSentAndAWorkingChildStays() {
        ParentOrder p = cover(Side.BUY, 385_000, 1, 385_000, 100);
        assertEquals(List.of(), CoverUpTo.decide(p, List.of(), Optional.empty()).actions());
        assertEquals(List.of(), CoverUpTo.decide(p, List.of(), book(0, 381_000)).actions(), "no bid");
        assertEquals(List.of(), CoverUpTo.decide(p, List.of(working(p, 1, 1, 100, 0, 380_100)), book(0, 381_000)).actions());
    }

    @Test
    void aMoveOfTheBookCancelsTheWorkingChildAndTheNextSliceGoesAtTheNewPriceForWhatIsLeft() {
        ParentOrder p = cover(Side.BUY, 385_000, 1, 385_000, 500);
        List<ChildState> kids = new ArrayList<>(List.of(working(p, 1, 1, 500, 0, 380_100)));
        assertEquals(List.of(), CoverUpTo.decide(p, kids, book(380_000, 381_000)).actions(), "still the best: kept");
        Decision moved = CoverUpTo.decide(p, kids, book(380_300, 381_000));
        assertEquals(List.of("cov/1"), cancels(moved).stream().map(c -> c.childId().value()).toList());
        assertTrue(sends(moved).isEmpty(), "never two working children of one account");
        kids.set(0, new ChildState(kids.getFirst().id(), 1, 1, 500, 0, true, true, 380_100, false));
        assertEquals(List.of(), CoverUpTo.decide(p, kids, book(380_300, 381_000)).actions(), "waits for the cancel");
        kids.set(0, ended(p, 1, 1, 500, 200, 380_100, true)); // 200 filled before the cancel
        Decision next = CoverUpTo.decide(p, kids, book(380_300, 381_000));
        assertEquals("cov/2", sends(next).getFirst().childId().value());
        assertEquals(300, sends(next).getFirst().qty());
        assertEquals(380_400, sends(next).getFirst().price());
        kids.add(ended(p, 2, 1, 300, 300, 380_400, false));
        assertEquals(ParentStatus.FILLED, CoverUpTo.decide(p, kids, book(380_300, 381_000)).finished().orElseThrow().status());
    }

    @Test
    void aChildEndingUnfilledWithoutACancelEndsTheParentExpired() {
        ParentOrder p = cover(Side.BUY, 385_000, 1, 385_000, 100, 100);
        Decision d = CoverUpTo.decide(p, List.of(ended(p, 1, 1, 100, 0, 380_100, false), working(p, 1, 2, 100, 0, 380_100)),
                book(380_000, 381_000));
        assertEquals(ParentStatus.EXPIRED, d.finished().orElseThrow().status());
        assertTrue(d.actions().isEmpty());
    }

    /** Over random books: no child price beyond the cap, none crossing the offer, always on the tick grid. */
    @Test
    void overRandomBooksNoPriceIsBeyondTheCapOrTakesTheOffer() {
        long seed = Seeds.seed("CoverUpToTest");
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long bid = 370_000 + random.nextInt(300) * TICK;
            long ask = bid + (1 + random.nextInt(10)) * TICK;
            int offset = random.nextInt(6);
            ParentOrder buy = cover(Side.BUY, 385_000, offset, random.nextBoolean() ? 0 : 383_000, 100);
            long p = CoverUpTo.target(buy, new Quote(bid, ask)).orElseThrow();
            long cap = buy.price() > 0 ? 383_000 : 385_000;
            assertTrue(p <= cap, "seed " + seed + ": " + p + " beyond " + cap);
            assertTrue(p < ask || p == bid, "seed " + seed + ": " + p + " takes the offer " + ask + " (bid " + bid + ")");
            assertTrue(p >= Math.min(bid, cap), "seed " + seed + ": " + p + " below the bid " + bid + " under the cap");
            assertEquals(0, p % TICK, "seed " + seed + ": off the grid " + p);
        }
    }
}
