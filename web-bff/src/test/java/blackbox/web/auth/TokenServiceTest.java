package blackbox.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-04-07T13:00:00Z"));
    private final TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(15), clock);
    private final AuthUser alice = new AuthUser("alice", Set.of(Role.TRADER, Role.VIEWER));

    @Test
    void aFreshTokenCarriesUserAndRoles() {
        var v = assertInstanceOf(TokenService.Verdict.Valid.class, tokens.verify(tokens.issue(alice)));
        assertEquals(alice, v.user());
    }

    @Test
    void expiresAfterTheTtlWithoutLeeway() {
        String token = tokens.issue(alice);
        clock.now = clock.now.plus(Duration.ofMinutes(15)).minusSeconds(1);
        assertInstanceOf(TokenService.Verdict.Valid.class, tokens.verify(token));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(new TokenService.Verdict.Refused("expired"), tokens.verify(token));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = tokens.issue(alice).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"alice\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(new TokenService.Verdict.Refused("bad signature"), tokens.verify(forged));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        TokenService other = new TokenService("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), clock);
        assertEquals(new TokenService.Verdict.Refused("bad signature"), tokens.verify(other.issue(alice)));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = tokens.issue(alice).split("\\.")[1];
        assertInstanceOf(TokenService.Verdict.Refused.class, tokens.verify(header + "." + payload + "."));
    }

    @Test
    void garbageAndEmptyAreRefusedWithoutThrowing() {
        assertInstanceOf(TokenService.Verdict.Refused.class, tokens.verify("not-a-jwt"));
        assertInstanceOf(TokenService.Verdict.Refused.class, tokens.verify(""));
        assertInstanceOf(TokenService.Verdict.Refused.class, tokens.verify(null));
    }

    @Test
    void aShortSecretIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new TokenService(new byte[31], Duration.ofMinutes(1), clock));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
