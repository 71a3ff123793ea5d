package blackbox.marketdata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TradeNumbersTest {
    @Test
    void consecutiveNumbersAreOneRunAndGapsStartNewOnes() {
        TradeNumbers numbers = TradeNumbers.builder().add(5).add(6).add(7).add(7).add(10).add(4294967295L).build();
        assertEquals(3, numbers.runs());
        assertEquals(5, numbers.size(), "the repeated 7 counts once");
        for (long n : new long[] {5, 6, 7, 10, 4294967295L}) assertTrue(numbers.contains(n), "contains " + n);
        for (long n : new long[] {0, 4, 8, 9, 11, 4294967294L, Long.MAX_VALUE, Long.MIN_VALUE}) assertFalse(numbers.contains(n), "not " + n);
    }

    @Test
    void theEmptySetContainsNothing() {
        TradeNumbers empty = TradeNumbers.builder().build();
        assertEquals(0, empty.size());
        assertFalse(empty.contains(0));
        assertFalse(TradeNumbers.EMPTY.contains(1));
    }

    @Test
    void numbersMustAscend() {
        TradeNumbers.Builder builder = TradeNumbers.builder().add(10);
        var e = assertThrows(IllegalArgumentException.class, () -> builder.add(9));
        assertEquals("numbers must ascend: number=9 after 10", e.getMessage());
    }

    @Test
    void agreesWithASortedSet() {
        long seed = Seeds.seed("TradeNumbersTest.agreesWithASortedSet");
        Random random = new Random(seed);
        TreeSet<Long> expected = new TreeSet<>();
        long n = random.nextInt(1000);
        for (int i = 0; i < 20_000; i++) {
            n += random.nextInt(10) == 0 ? 1 + random.nextInt(50) : 1;
            expected.add(n);
        }
        TradeNumbers.Builder builder = TradeNumbers.builder();
        expected.forEach(builder::add);
        TradeNumbers numbers = builder.build();
        assertEquals(expected.size(), numbers.size(), "seed=" + seed);
        for (long k = expected.first() - 5; k <= expected.last() + 5; k++) {
            assertEquals(expected.contains(k), numbers.contains(k), "seed=" + seed + " k=" + k);
        }
    }
}
