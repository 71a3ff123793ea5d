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

    @Test
    void aUsernameGetsItsAllowanceThenWaits() {
        LoginThrottle t = new LoginThrottle(5, 1000, time);
        for (int i = 0; i < 5; i++) assertEquals(OptionalLong.empty(), t.attempt("alice", "10.0.0." + i));
        OptionalLong wait = t.attempt("alice", "10.0.0.9");
        assertTrue(wait.isPresent());
        assertEquals(12, wait.getAsLong(), "one token refills every 60/5 s");
        assertEquals(OptionalLong.empty(), t.attempt("bob", "10.0.0.9"), "another user is not slowed");
        nanos += 12_000_000_000L;
        assertEquals(OptionalLong.empty(), t.attempt("ALICE", "10.0.0.9"), "usernames compare case-insensitively");
    }

    @Test
    void anAddressTryingManyNamesIsSlowed() {
        LoginThrottle t = new LoginThrottle(5, 3, time);
        for (int i = 0; i < 3; i++) assertEquals(OptionalLong.empty(), t.attempt("user" + i, "10.1.1.1"));
        assertTrue(t.attempt("user9", "10.1.1.1").isPresent());
        assertEquals(OptionalLong.empty(), t.attempt("user9", "10.1.1.2"));
    }
}
