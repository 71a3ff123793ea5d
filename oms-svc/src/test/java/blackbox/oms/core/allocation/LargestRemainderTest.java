package blackbox.oms.core.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import blackbox.testkit.Seeds;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path (whole units at once, then one each to the largest remainders) is the rule itself (the unit-by-unit
 * greedy), including with negative deficits (earlier over-allocation) and more units than deficits.
 * Seed printed; {@code -Dblackbox.seed=...} re-runs one.
 */
class LargestRemainderTest {
    @Test
    void theFastPathGivesExactlyWhatTheUnitByUnitRuleGives() {
        long seed = Seeds.seed("LargestRemainderTest");
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 2_000; round++) {
            int n = random.nextInt(1, 40);
            BigInteger denominator = BigInteger.valueOf(random.nextLong(1, 1_000));
            long unitSize = random.nextBoolean() ? 1 : 100;
            BigInteger[] deficits = new BigInteger[n];
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                deficits[i] = BigInteger.valueOf(random.nextLong(-3 * unitSize, 8 * unitSize)).multiply(denominator)
                        .add(BigInteger.valueOf(random.nextInt(3) == 0 ? 0 : random.nextLong(denominator.longValueExact())));
                rank[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // shuffled ranks
                int j = random.nextInt(i + 1);
                int t = rank[i];
                rank[i] = rank[j];
                rank[j] = t;
            }
            long units = random.nextLong(0, 10L * n);
            long[] fast = LargestRemainder.distribute(deficits, denominator, unitSize, units, rank);
            long[] rule = LargestRemainder.greedy(deficits, denominator.multiply(BigInteger.valueOf(unitSize)), units, rank);
            assertArrayEquals(rule, fast, "seed=" + seed + ", round " + round);
            long sum = 0;
            for (long f : fast) sum += f;
            assertEquals(units, sum);
        }
    }
}
