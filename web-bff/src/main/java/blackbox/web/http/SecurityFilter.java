package blackbox.web.http;

import blackbox.web.auth.AuthUser;
import blackbox.web.auth.TokenService;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Set;

/**
 * Runs before every route: security headers on every answer; {@code Cache-Control: no-store} on the API; and a valid
 * bearer access token on every {@code /api/v1} call except login and refresh (401 problem otherwise). The caller is
 * registered in the request context as an {@link AuthUser}. CORS preflights pass through to the CORS handler.
 */
public final class SecurityFilter implements Filter {
    static final String API = "/api/v1";
    private static final Set<String> PUBLIC = Set.of(API + "/auth/login", API + "/auth/refresh");
    private final TokenService tokens;

    public SecurityFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header("Content-Security-Policy",
                "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'");
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "no-referrer");
        String path = req.path().path();
        if (!path.startsWith(API)) {
            chain.proceed();
            return;
        }
        res.header("Cache-Control", "no-store");
        if (req.prologue().method() == Method.OPTIONS || PUBLIC.contains(path)) {
            chain.proceed();
            return;
        }
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            res.header("WWW-Authenticate", "Bearer");
            Problems.send(res, 401, "Unauthorized", "missing bearer token: send Authorization: Bearer <access token>", null, null);
            return;
        }
        switch (tokens.verify(header.substring(7))) {
            case TokenService.Verdict.Valid v -> {
                req.context().register(v.user());
                chain.proceed();
            }
            case TokenService.Verdict.Refused r -> {
                res.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problems.send(res, 401, "Unauthorized", "access token refused: " + r.reason(), null, null);
            }
        }
    }

    /** The caller registered by the filter. */
    static AuthUser user(io.helidon.webserver.http.ServerRequest req) {
        return req.context().get(AuthUser.class).orElseThrow(() -> ApiError.unauthorized("not authenticated"));
    }
}
