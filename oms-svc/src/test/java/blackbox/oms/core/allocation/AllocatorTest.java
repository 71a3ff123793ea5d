package blackbox.oms.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.testkit.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    static Participant p(String account, String weight) {
        return new Participant(new AccountId(account), new BigDecimal(weight));
    }

    static Allocation allocated(AllocationOutcome outcome) {
        return assertInstanceOf(AllocationOutcome.Allocated.class, outcome).allocation();
    }

    static List<Long> quantities(Allocation a) {
        return a.shares().stream().map(AccountShare::quantity).toList();
    }

    @Test
    void equalWeightsGiveWholeLotsAndTheLastLotByTieBreakWithTheRestAsResidual() {
        Allocation a = allocated(Allocator.allocate(AllocationMethod.EQUITY,
                List.of(p("C", "1000"), p("A", "1000"), p("B", "1000")), 1050, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.REPORT));
        // targets 350 each: 300 each, one lot left for the largest remainder (all 50): A by account order
        assertEquals(List.of("A", "B", "C"), a.shares().stream().map(s -> s.account().value()).toList());
        assertEquals(List.of(400L, 300L, 300L), quantities(a));
        assertEquals(50, a.residualQty());
        assertEquals(1000, a.allocatedQty());
        assertEquals(new BigDecimal("350.000000"), a.shares().getFirst().target());
    }

    @Test
    void theListedOrderTieBreakGivesTheLastLotToTheFirstListed() {
        Allocation a = allocated(Allocator.allocate(AllocationMethod.EQUITY,
                List.of(p("C", "1000"), p("A", "1000"), p("B", "1000")), 1050, 100, TieBreak.LISTED_ORDER,
                ResidualRule.REPORT));
        assertEquals(List.of("C", "A", "B"), a.shares().stream().map(s -> s.account().value()).toList());
        assertEquals(List.of(400L, 300L, 300L), quantities(a));
    }

    @Test
    void theLargestRemainderWinsBeforeTheTieBreak() {
        // targets: 1000 × 0.37 = 370, 0.33 = 330, 0.30 = 300 -> 300/300/300, remainders 70/30/0 -> the lot goes to A
        Allocation a = allocated(Allocator.allocate(AllocationMethod.PERCENT,
                List.of(p("Z", "37"), p("Y", "33"), p("X", "30")), 1000, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.REPORT));
        assertEquals(List.of("X", "Y", "Z"), a.shares().stream().map(s -> s.account().value()).toList());
        assertEquals(List.of(300L, 300L, 400L), quantities(a));
        assertEquals(0, a.residualQty());
    }

    @Test
    void percentagesMustSumToAHundred() {
        AllocationOutcome.Refused r = assertInstanceOf(AllocationOutcome.Refused.class, Allocator.allocate(
                AllocationMethod.PERCENT, List.of(p("A", "50"), p("B", "49.5")), 1000, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.REPORT));
        assertEquals("accounts' percentages must sum to 100: sum=99.5", r.message());
    }

    @Test
    void fixedQuantitiesMustBeWholeLotsUnlessFractional() {
        List<Participant> ps = List.of(p("A", "200"), p("B", "150"));
        AllocationOutcome.Refused r = assertInstanceOf(AllocationOutcome.Refused.class, Allocator.allocate(
                AllocationMethod.FIXED, ps, 0, 100, TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT));
        assertEquals("accounts[1].quantity", r.field());
        assertEquals("accounts[1].quantity must be a multiple of the lot 100: accounts[1].quantity=150", r.message());
        Allocation a = allocated(Allocator.allocate(AllocationMethod.FIXED, ps, 0, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.FRACTIONAL));
        assertEquals(350, a.totalQty());
        assertEquals(100, a.shares().get(1).quantity());
        assertEquals(50, a.shares().get(1).fractionalQty());
    }

    @Test
    void aFixedTotalMustBeZeroOrTheSum() {
        AllocationOutcome.Refused r = assertInstanceOf(AllocationOutcome.Refused.class, Allocator.allocate(
                AllocationMethod.FIXED, List.of(p("A", "200")), 300, 100, TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT));
        assertEquals("total_qty must be 0 or the sum of the accounts' quantities 200 with FIXED: total_qty=300", r.message());
    }

    @Test
    void theFractionalRuleSendsEachAccountsSubLotPartToTheFractionalMarket() {
        Allocation a = allocated(Allocator.allocate(AllocationMethod.CASH,
                List.of(p("A", "1"), p("B", "1"), p("C", "1")), 1050, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.FRACTIONAL));
        assertEquals(0, a.residualQty());
        for (AccountShare s : a.shares()) {
            assertEquals(300, s.quantity());
            assertEquals(50, s.fractionalQty());
        }
    }

    @Test
    void zeroWeightsAndDuplicateAccountsAreRefused() {
        assertEquals("accounts' weights (EQUITY) must not all be zero: accounts=2",
                assertInstanceOf(AllocationOutcome.Refused.class, Allocator.allocate(AllocationMethod.EQUITY,
                        List.of(p("A", "0"), p("B", "0")), 100, 100, TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT)).message());
        assertEquals("accounts[1].account is listed twice: accounts[1].account=\"A\"",
                assertInstanceOf(AllocationOutcome.Refused.class, Allocator.allocate(AllocationMethod.EQUITY,
                        List.of(p("A", "1"), p("A", "2")), 100, 100, TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT)).message());
    }

    @Test
    void oneAccountGetsEveryWholeLot() {
        Allocation a = allocated(Allocator.allocate(AllocationMethod.EQUITY, List.of(p("A", "123.45")), 1099, 100,
                TieBreak.ACCOUNT_ASCENDING, ResidualRule.REPORT));
        assertEquals(List.of(1000L), quantities(a));
        assertEquals(99, a.residualQty());
    }

    @Test
    void fiveThousandAccountsByEquityFollowTheLargestRemainderMethodExactly() {
        long seed = Seeds.seed("AllocatorTest 5,000 accounts");
        SplittableRandom random = new SplittableRandom(seed);
        List<Participant> ps = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // equity in BRL with centavos, from R$ 0 to R$ 50 million; a few accounts empty
            long cents = random.nextInt(20) == 0 ? 0 : random.nextLong(1, 5_000_000_000L);
            ps.add(new Participant(new AccountId(String.format("ACC%05d", i)), BigDecimal.valueOf(cents, 2)));
        }
        long total = 100L * random.nextLong(1, 200_000) + random.nextInt(100);
        Allocation a = allocated(Allocator.allocate(AllocationMethod.EQUITY, ps, total, 100, TieBreak.ACCOUNT_ASCENDING,
                ResidualRule.REPORT));
        assertEquals(5_000, a.shares().size());
        assertEquals(total % 100, a.residualQty(), "every whole lot is allocated");
        BigInteger sum = BigInteger.ZERO;
        for (Participant p : ps) sum = sum.add(p.weight().movePointRight(2).toBigIntegerExact());
        long lotsGivenAboveFloor = 0;
        BigInteger smallestWinner = null;
        BigInteger largestLoser = null;
        long allocated = 0;
        for (AccountShare s : a.shares()) {
            assertEquals(0, s.quantity() % 100, "whole lots only");
            allocated += s.quantity();
            BigInteger numerator = BigInteger.valueOf(total).multiply(s.weight().movePointRight(2).toBigIntegerExact());
            BigInteger[] lotsAndRest = numerator.divideAndRemainder(sum.multiply(BigInteger.valueOf(100)));
            long floor = lotsAndRest[0].longValueExact() * 100;
            assertTrue(s.quantity() == floor || s.quantity() == floor + 100, "floor or floor + 1 lot: " + s);
            if (s.quantity() > floor) {
                lotsGivenAboveFloor++;
                if (smallestWinner == null || lotsAndRest[1].compareTo(smallestWinner) < 0) smallestWinner = lotsAndRest[1];
            } else if (largestLoser == null || lotsAndRest[1].compareTo(largestLoser) > 0) {
                largestLoser = lotsAndRest[1];
            }
        }
        assertEquals(total - total % 100, allocated);
        if (smallestWinner != null && largestLoser != null) {
            assertTrue(smallestWinner.compareTo(largestLoser) >= 0, "extra lots go to the largest remainders");
        }
        assertTrue(lotsGivenAboveFloor < 5_000);
    }
}
