package blackbox.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private long nanos;
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    /** Issue 15: wrong passwords for "risk" from anywhere must not keep the risk officer out. */
    @Test
    void guessesFromOneAddressDoNotLockTheUserOutAtAnother() {
        LoginThrottle t = new LoginThrottle(5, 1000, time);
        for (int i = 0; i < 50; i++) {
            if (t.attempt("risk", "10.6.6.6").isEmpty()) t.failed("risk", "10.6.6.6");
        }
        assertTrue(t.attempt("risk", "10.6.6.6").isPresent(), "the guessing address waits");
        assertEquals(OptionalLong.empty(), t.attempt("risk", "10.0.0.7"), "the risk officer's own address is not slowed");
        t.succeeded("risk", "10.0.0.7");
        assertTrue(t.attempt("RISK", "10.6.6.6").isPresent(), "usernames compare case-insensitively");
    }

    @Test
    void failuresBeyondTheFreeOnesBackOffDoublingUpToFifteenMinutes() {
        LoginThrottle t = new LoginThrottle(5, 1000, time);
        for (int i = 0; i < 5; i++) {
            assertEquals(OptionalLong.empty(), t.attempt("alice", "10.0.0.1"), "free failure " + i);
            t.failed("alice", "10.0.0.1");
        }
        assertEquals(OptionalLong.of(30), t.attempt("alice", "10.0.0.1"), "five failures without waiting, then 30 s");
        nanos += 29_000_000_000L;
        assertEquals(OptionalLong.of(1), t.attempt("alice", "10.0.0.1"));
        nanos += 1_000_000_000L;
        assertEquals(OptionalLong.empty(), t.attempt("alice", "10.0.0.1"));
        t.failed("alice", "10.0.0.1");
        assertEquals(OptionalLong.of(60), t.attempt("alice", "10.0.0.1"), "the sixth failure blocks 60 s");
        for (int i = 0; i < 10; i++) {
            nanos += LoginThrottle.MAX_BLOCK_NANOS;
            t.failed("alice", "10.0.0.1");
        }
        assertEquals(OptionalLong.of(900), t.attempt("alice", "10.0.0.1"), "at most 15 minutes");
        nanos += LoginThrottle.MAX_BLOCK_NANOS;
        assertEquals(OptionalLong.empty(), t.attempt("alice", "10.0.0.1"));
        t.succeeded("alice", "10.0.0.1");
        t.failed("alice", "10.0.0.1");
        assertEquals(OptionalLong.empty(), t.attempt("alice", "10.0.0.1"), "a success clears the pair's failures");
        for (int i = 0; i < 4; i++) t.failed("alice", "10.0.0.1");
        assertEquals(OptionalLong.of(30), t.attempt("alice", "10.0.0.1"), "and the back-off starts over");
        assertEquals(OptionalLong.empty(), t.attempt("bob", "10.0.0.1"), "another user at the same address is not slowed");
    }

    @Test
    void anAddressTryingManyNamesIsSlowed() {
        LoginThrottle t = new LoginThrottle(5, 3, time);
        for (int i = 0; i < 3; i++) assertEquals(OptionalLong.empty(), t.attempt("user" + i, "10.1.1.1"));
        OptionalLong wait = t.attempt("user9", "10.1.1.1");
        assertEquals(OptionalLong.of(20), wait, "one token refills every 60/3 s");
        assertEquals(OptionalLong.empty(), t.attempt("user9", "10.1.1.2"));
    }
}
