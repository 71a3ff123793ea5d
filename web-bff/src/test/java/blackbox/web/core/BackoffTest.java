package blackbox.web.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        Backoff b = new Backoff(250, 5_000, () -> 0);
        assertEquals(List.of(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L),
                IntStream.range(0, 7).mapToObj(i -> b.next()).toList());
    }

    @Test
    void jitterAddsAtMostAFifthAndAResetStartsOver() {
        Backoff b = new Backoff(250, 5_000, () -> 0.999_999);
        assertEquals(300, b.next());
        assertEquals(600, b.next());
        b.reset();
        assertEquals(300, b.next());
    }

    @Test
    void manyAttemptsNeverOverflow() {
        Backoff b = new Backoff(250, 5_000, () -> 0);
        for (int i = 0; i < 100; i++) b.next();
        assertEquals(5_000, b.next());
    }

    @Test
    void refusesImpossibleBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10, () -> 0));
    }
}
