package blackbox.positions.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.testkit.Seeds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Invariants over random sessions (the seed is printed; re-run one with -Dblackbox.seed=N): the order of a
 * day's fills does not matter; a cancelled trade is as if never applied; the desk view is the sum of the
 * accounts.
 */
class PositionBookPropertyTest {
    static final List<AccountId> ACCOUNTS = List.of(Books.A1, Books.A2, Books.A3, new AccountId("1004"));
    static final List<InstrumentId> INSTRUMENTS = List.of(Books.PETR4, Books.VALE3, Books.WINM25);
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 4, 16), LocalDate.of(2025, 4, 17),
            LocalDate.of(2025, 4, 22));

    static long seed() {
        return Seeds.seed("PositionBookPropertyTest");
    }

    static List<List<Fill>> session(Random random) {
        List<List<Fill>> days = new ArrayList<>();
        int n = 0;
        for (LocalDate day : DAYS) {
            List<Fill> fills = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                InstrumentId instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
                boolean future = instrument.equals(Books.WINM25);
                long qty = future ? 1 + random.nextInt(5) : 100L * (1 + random.nextInt(9));
                long price = future ? (125_000 + 5L * random.nextInt(2000)) * 10_000 : 90_000 + 100L * random.nextInt(3000);
                fills.add(Fill.trade("P" + (++n), ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), instrument,
                        random.nextBoolean() ? Side.BUY : Side.SELL, qty, price, n, day, "O" + random.nextInt(40)));
            }
            days.add(fills);
        }
        return days;
    }

    static PositionBook run(List<List<Fill>> days, List<Fill> cancels) {
        PositionBook book = Books.book();
        for (int d = 0; d < days.size(); d++) {
            book.openDay(DAYS.get(d));
            for (Fill f : days.get(d)) book.apply(f);
            for (Fill c : cancels) if (c.tradeDate().equals(DAYS.get(d))) book.apply(c);
            book.settle(Books.WINM25, DAYS.get(d), (126_000 + 5L * d) * 10_000);
        }
        book.mark(Books.PETR4, 100_000);
        book.mark(Books.VALE3, 95_000);
        book.mark(Books.WINM25, 1_300_000_000L);
        return book;
    }

    static void assertSameState(PositionBook expected, PositionBook actual) {
        for (AccountId a : ACCOUNTS) {
            assertEquals(expected.positions(a), actual.positions(a), "positions of " + a);
            assertEquals(expected.balances(a), actual.balances(a), "balances of " + a);
        }
        assertEquals(expected.consolidated(), actual.consolidated());
    }

    @RepeatedTest(20)
    void theOrderOfADaysFillsDoesNotMatter() {
        Random random = new Random(seed());
        List<List<Fill>> days = session(random);
        List<List<Fill>> shuffled = new ArrayList<>();
        for (List<Fill> day : days) {
            List<Fill> copy = new ArrayList<>(day);
            Collections.shuffle(copy, random);
            shuffled.add(copy);
        }
        assertSameState(run(days, List.of()), run(shuffled, List.of()));
    }

    @RepeatedTest(20)
    void aCancelledTradeIsAsIfItNeverHappened() {
        Random random = new Random(seed());
        List<List<Fill>> days = session(random);
        List<List<Fill>> kept = new ArrayList<>();
        List<Fill> cancels = new ArrayList<>();
        for (List<Fill> day : days) {
            List<Fill> k = new ArrayList<>();
            for (Fill f : day) {
                if (random.nextInt(5) == 0) cancels.add(Fill.cancelOf("X" + f.execId(), f, 0));
                else k.add(f);
            }
            kept.add(k);
        }
        assertSameState(run(kept, List.of()), run(days, cancels));
    }

    @RepeatedTest(20)
    void theDeskViewIsTheSumOfTheAccounts() {
        Random random = new Random(seed());
        PositionBook book = run(session(random), List.of());
        for (ConsolidatedView desk : book.consolidated()) {
            long qty = 0, realized = 0, costs = 0, unrealized = 0, buys = 0, sells = 0;
            int accounts = 0;
            for (AccountId a : ACCOUNTS) {
                var p = book.position(a, desk.instrument());
                if (p.isEmpty()) continue;
                accounts++;
                qty += p.get().quantity();
                realized += p.get().realized();
                costs += p.get().costs();
                unrealized += p.get().unrealized();
                buys += p.get().dayBuyQuantity();
                sells += p.get().daySellQuantity();
            }
            assertEquals(accounts, desk.accounts());
            assertEquals(qty, desk.quantity());
            assertEquals(realized, desk.realized());
            assertEquals(costs, desk.costs());
            assertEquals(unrealized, desk.unrealized());
            assertEquals(buys, desk.dayBuyQuantity());
            assertEquals(sells, desk.daySellQuantity());
        }
        long groupQty = 0;
        for (String g : book.groups()) for (ConsolidatedView v : book.consolidated(g)) groupQty += v.quantity();
        long allQty = 0;
        for (ConsolidatedView v : book.consolidated()) allQty += v.quantity();
        assertEquals(allQty, groupQty);
    }
}
