package blackbox.oms.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.testkit.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Average-price allocation of partial fills: cumulative, so no account's total ever decreases; every whole lot of
 * the CumQty is allocated; nobody gets more than a lot above its exact share; one AvgPx for every account.
 */
class CumulativeAllocationTest {
    @Test
    void partialFillsAreAllocatedCumulativelyAndEveryAccountHasTheSameAvgPx() {
        List<Participant> ps = List.of(new Participant(new AccountId("A"), BigDecimal.ONE),
                new Participant(new AccountId("B"), BigDecimal.ONE), new Participant(new AccountId("C"), BigDecimal.ONE));
        CumulativeAllocation a = CumulativeAllocation.start(ps, 100, TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT);
        a = a.allocate(100);
        assertEquals(List.of(100L, 0L, 0L), lines(a));
        a = a.allocate(200);
        assertEquals(List.of(100L, 100L, 0L), lines(a), "B's deficit (2/3 lot) is now the largest; A keeps its lot");
        a = a.allocate(250);
        assertEquals(List.of(100L, 100L, 0L), lines(a));
        assertEquals(50, a.unallocatedQty());
        a = a.allocate(300);
        assertEquals(List.of(100L, 100L, 100L), lines(a));
        // 100 @ 38.50, 200 @ 38.60: AvgPx 38.56666667 for everyone
        List<CumulativeAllocation.Line> report = a.report(100 * 385_000L + 200 * 386_000L);
        for (CumulativeAllocation.Line line : report) assertEquals(new BigDecimal("38.56666667"), line.avgPx());
        CumulativeAllocation last = a;
        assertThrows(IllegalArgumentException.class, () -> last.allocate(299));
    }

    static List<Long> lines(CumulativeAllocation a) {
        return a.report(a.cumQty() == 0 ? 0 : a.cumQty()).stream().map(CumulativeAllocation.Line::allocatedQty).toList();
    }

    @Test
    void fiveThousandAccountsOverRandomPartialFillsNeverLoseQuantity() {
        long seed = Seeds.seed("CumulativeAllocationTest");
        SplittableRandom random = new SplittableRandom(seed);
        List<Participant> ps = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ps.add(new Participant(new AccountId(String.format("ACC%05d", i)), BigDecimal.valueOf(random.nextLong(0, 1_000_000_000L), 2)));
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (Participant p : ps) weightSum = weightSum.add(p.weight().movePointRight(2).toBigIntegerExact());
        for (ResidualRule rule : ResidualRule.values()) {
            CumulativeAllocation a = CumulativeAllocation.start(ps, 100, TieBreak.LISTED_ORDER, rule);
            long unit = rule == ResidualRule.FRACTIONAL ? 1 : 100;
            long cum = 0;
            long[] before = new long[ps.size()];
            for (int fill = 0; fill < 60; fill++) {
                cum += 100L * random.nextInt(1, 5_000);
                a = a.allocate(cum);
                assertEquals(cum - cum % unit, a.allocatedQty(), "every whole unit of CumQty is allocated");
                for (int i = 0; i < ps.size(); i++) {
                    long now = a.allocatedTo(ps.get(i).account());
                    assertTrue(now >= before[i], "an account's total never decreases");
                    // never more than one unit above its exact share: allocated × Σw < (cum × w + unit × Σw)
                    BigInteger w = ps.get(i).weight().movePointRight(2).toBigIntegerExact();
                    assertTrue(BigInteger.valueOf(now).multiply(weightSum)
                            .compareTo(BigInteger.valueOf(cum).multiply(w).add(BigInteger.valueOf(unit).multiply(weightSum))) < 0,
                            "at most a unit above the exact share");
                    before[i] = now;
                }
            }
        }
    }
}
