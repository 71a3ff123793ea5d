package blackbox.web.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.testkit.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private static final long MS = 1_000_000L;

    @Test
    void firstUpdateGoesOutAtOnceAndLaterOnesWaitForTheInterval() {
        Coalescer<String> c = new Coalescer<>(10, (a, b) -> b);
        assertEquals(Optional.of("a"), c.offer("a", 0));
        assertEquals(Optional.empty(), c.offer("b", 30 * MS));
        assertEquals(Optional.empty(), c.offer("c", 60 * MS));
        assertEquals(100 * MS, c.dueAtNanos());
        assertEquals(Optional.empty(), c.flush(99 * MS));
        assertEquals(Optional.of("c"), c.flush(100 * MS), "the latest forming value wins");
        assertEquals(Long.MAX_VALUE, c.dueAtNanos());
    }

    @Test
    void tradesAreConcatenatedNeverDropped() {
        Coalescer<List<Integer>> c = new Coalescer<>(10, (a, b) -> {
            List<Integer> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
        List<Integer> sent = new ArrayList<>();
        c.offer(List.of(1), 0).ifPresent(sent::addAll);
        c.offer(List.of(2, 3), 10 * MS).ifPresent(sent::addAll);
        c.offer(List.of(4), 20 * MS).ifPresent(sent::addAll);
        c.flush(100 * MS).ifPresent(sent::addAll);
        assertEquals(List.of(1, 2, 3, 4), sent);
    }

    @Test
    void aCloseDiscardsTheFormingValueItMadeObsoleteButKeepsANewerOne() {
        Coalescer<long[]> c = new Coalescer<>(10, (a, b) -> b);
        c.offer(new long[] {60}, 0);
        c.offer(new long[] {60}, 10 * MS);
        c.discardPendingIf(p -> p[0] <= 60);
        assertFalse(c.hasPending());
        c.offer(new long[] {120}, 20 * MS);
        c.discardPendingIf(p -> p[0] <= 60);
        assertTrue(c.hasPending());
        assertEquals(120, c.flush(100 * MS).orElseThrow()[0]);
    }

    @Test
    void neverMoreThanRateTimesElapsedPlusOneUpdates() {
        long seed = Seeds.seed("CoalescerTest");
        Random random = new Random(seed);
        for (int rate : new int[] {1, 5, 10, 60}) {
            Coalescer<Integer> c = new Coalescer<>(rate, (a, b) -> b);
            long now = 0;
            int sent = 0;
            long firstSent = -1;
            long lastSent = 0;
            for (int i = 0; i < 20_000; i++) {
                now += random.nextInt(5) * MS; // a burst: up to 250 updates a second
                Optional<Integer> out = random.nextBoolean() ? c.offer(i, now) : c.flush(now);
                if (out.isPresent()) {
                    sent++;
                    if (firstSent < 0) firstSent = now;
                    lastSent = now;
                }
            }
            double elapsed = (lastSent - firstSent) / 1e9;
            assertTrue(sent <= rate * elapsed + 1, "rate " + rate + ": " + sent + " updates in " + elapsed + " s (seed " + seed + ")");
            assertTrue(sent >= rate * elapsed * 0.5, "rate " + rate + ": coalescing should not starve: " + sent + " in " + elapsed + " s");
        }
    }

    @Test
    void theLastHeldValueIsDeliveredByFlush() {
        Coalescer<Integer> c = new Coalescer<>(10, (a, b) -> b);
        c.offer(1, 0);
        c.offer(2, 1 * MS);
        assertTrue(c.hasPending());
        assertEquals(Optional.of(2), c.flush(c.dueAtNanos()));
        assertFalse(c.hasPending());
    }
}
