package blackbox.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens: HS256 JWTs (nimbus-jose-jwt) carrying the username ({@code sub}) and roles, valid for a short
 * TTL. Only HS256 with this service's secret and issuer is accepted; expiry is checked against the injected clock,
 * without leeway. Thread-safe.
 */
public final class TokenService {
    static final String ISSUER = "blackbox-web-bff";
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    /** @throws IllegalArgumentException when the secret is shorter than 32 bytes (HS256 needs 256 bits) */
    public TokenService(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 32) throw new IllegalArgumentException("JWT secret must be >= 32 bytes: " + secret.length);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT secret rejected: " + e.getMessage(), e);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A signed access token for {@code user}, expiring {@link #ttl()} from now. */
    public String issue(AuthUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.username())
                .claim("roles", user.roleIds())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
        return jwt.serialize();
    }

    /** The outcome of checking a token: the user, or why it was refused. */
    public sealed interface Verdict {
        record Valid(AuthUser user) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    /** Checks signature, algorithm, issuer and expiry. Never throws for bad input. */
    public Verdict verify(String token) {
        if (token == null || token.isBlank()) return new Verdict.Refused("missing token");
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return new Verdict.Refused("algorithm not HS256");
            if (!jwt.verify(verifier)) return new Verdict.Refused("bad signature");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer())) return new Verdict.Refused("wrong issuer");
            Date exp = claims.getExpirationTime();
            if (exp == null || !clock.instant().isBefore(exp.toInstant())) return new Verdict.Refused("expired");
            String sub = claims.getSubject();
            if (sub == null || sub.isBlank()) return new Verdict.Refused("no subject");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<String> ids = claims.getStringListClaim("roles");
            if (ids != null) for (String id : ids) roles.add(Role.parse(id));
            return new Verdict.Valid(new AuthUser(sub, roles));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return new Verdict.Refused("malformed token");
        }
    }
}
