package blackbox.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Refresh tokens: 256 random bits, handed to the client once, stored only as their SHA-256 with an expiry.
 * {@link #rotate} revokes the presented token and issues a new one in one transaction, so a token works once;
 * presenting a token that was already revoked revokes every token of that user (a stolen token was replayed).
 * Thread-safe.
 */
public final class RefreshTokens {
    private final Jdbi jdbi;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(Jdbi jdbi, Duration ttl, Clock clock) {
        this.jdbi = jdbi;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token for {@code username}. */
    public String issue(String username) {
        String token = newToken();
        jdbi.useHandle(h -> insert(h, username, token));
        return token;
    }

    /** A new token and the user it belongs to; empty when the presented one is unknown, expired or revoked. */
    public record Rotation(String username, String token) {
    }

    public Optional<Rotation> rotate(String presented) {
        if (presented == null || presented.isBlank()) return Optional.empty();
        byte[] hash = hash(presented.trim());
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> {
            Optional<String> user = h.createQuery("""
                    UPDATE web.refresh_tokens SET revoked_at = :now
                    WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :now RETURNING username""")
                    .bind("h", hash).bind("now", now).mapTo(String.class).findOne();
            if (user.isEmpty()) {
                // replay of a revoked token: treat the family as stolen
                h.createUpdate("""
                        UPDATE web.refresh_tokens SET revoked_at = :now WHERE revoked_at IS NULL AND username =
                          (SELECT username FROM web.refresh_tokens WHERE token_hash = :h AND revoked_at IS NOT NULL)""")
                        .bind("h", hash).bind("now", now).execute();
                return Optional.<Rotation>empty();
            }
            String token = newToken();
            insert(h, user.get(), token);
            return Optional.of(new Rotation(user.get(), token));
        });
    }

    /** @return true when the token existed and was live */
    public boolean revoke(String presented) {
        if (presented == null || presented.isBlank()) return false;
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE web.refresh_tokens SET revoked_at = :now WHERE token_hash = :h AND revoked_at IS NULL")
                .bind("h", hash(presented.trim())).bind("now", now()).execute()) == 1;
    }

    private void insert(org.jdbi.v3.core.Handle h, String username, String token) {
        h.createUpdate("INSERT INTO web.refresh_tokens (token_hash, username, expires_at) VALUES (:h, :u, :e)")
                .bind("h", hash(token)).bind("u", username).bind("e", now().plus(ttl)).execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
