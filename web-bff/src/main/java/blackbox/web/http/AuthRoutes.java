package blackbox.web.http;

import blackbox.web.auth.AuthUser;
import blackbox.web.auth.LoginThrottle;
import blackbox.web.auth.RefreshTokens;
import blackbox.web.auth.Role;
import blackbox.web.auth.TokenService;
import blackbox.web.auth.Users;
import blackbox.web.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.OptionalLong;

/** {@code /api/v1/auth/*}, {@code /api/v1/me} and {@code /api/v1/admin/users}. */
public final class AuthRoutes {
    private final Users users;
    private final TokenService tokens;
    private final RefreshTokens refresh;
    private final LoginThrottle throttle;

    public AuthRoutes(Users users, TokenService tokens, RefreshTokens refresh, LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.refresh = refresh;
        this.throttle = throttle;
    }

    /** Registers the routes below {@code /api/v1}. */
    void routes(Routes rules) {
        rules.post("/auth/login", this::login)
                .post("/auth/refresh", this::refresh)
                .post("/auth/logout", this::logout)
                .get("/me", this::me)
                .get("/admin/users", this::listUsers);
    }

    private void login(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req);
        String username = Json.requiredText(body, "username").trim().toLowerCase(java.util.Locale.ROOT);
        String password = Json.requiredText(body, "password");
        String address = req.remotePeer().host();
        OptionalLong wait = throttle.attempt(username, address);
        if (wait.isPresent()) {
            throw new ApiError(429, "Too Many Requests",
                    "too many login attempts; retry in " + wait.getAsLong() + " s", wait.getAsLong());
        }
        AuthUser user = users.authenticate(username, password).orElse(null);
        if (user == null) {
            throttle.failed(username, address);
            throw ApiError.unauthorized("wrong username or password");
        }
        throttle.succeeded(username, address);
        Responses.ok(res, session(user, refresh.issue(user.username())));
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req);
        String presented = Json.requiredText(body, "refresh_token");
        RefreshTokens.Rotation r = refresh.rotate(presented)
                .orElseThrow(() -> ApiError.unauthorized("refresh token unknown, expired or already used"));
        AuthUser user = users.find(r.username()).orElseThrow(() -> ApiError.unauthorized("user no longer exists"));
        Responses.ok(res, session(user, r.token()));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req);
        refresh.revoke(Json.requiredText(body, "refresh_token"));
        Responses.noContent(res);
    }

    private void me(ServerRequest req, ServerResponse res) {
        Responses.ok(res, userJson(SecurityFilter.user(req)));
    }

    private void listUsers(ServerRequest req, ServerResponse res) {
        AuthUser caller = SecurityFilter.user(req);
        if (!caller.has(Role.ADMIN)) throw new ApiError(403, "Forbidden", "role admin required; " + caller.username() + " has " + caller.roleIds());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("users");
        for (Users.UserInfo u : users.list()) {
            ObjectNode n = list.addObject();
            n.put("username", u.username());
            ArrayNode roles = n.putArray("roles");
            u.roles().forEach(roles::add);
            n.put("created", u.created().toString());
        }
        Responses.ok(res, out);
    }

    /** The request's JSON object; a missing or malformed body is an {@link blackbox.web.core.InvalidInput} on {@code body}. */
    private static JsonNode body(ServerRequest req) {
        String text;
        try {
            text = req.content().hasEntity() ? req.content().as(String.class) : "";
        } catch (io.helidon.common.buffers.DataReader.InsufficientDataAvailableException | java.io.UncheckedIOException e) {
            // the client sent less than its Content-Length and went away
            throw new blackbox.web.core.InvalidInput("body", null, "ended before its Content-Length");
        }
        return Json.parse(text);
    }

    private ObjectNode session(AuthUser user, String refreshToken) {
        ObjectNode n = Json.object();
        n.put("access_token", tokens.issue(user));
        n.put("token_type", "Bearer");
        n.put("expires_in", tokens.ttl().toSeconds());
        n.put("refresh_token", refreshToken);
        n.set("user", userJson(user));
        return n;
    }

    private static ObjectNode userJson(AuthUser user) {
        ObjectNode n = Json.object();
        n.put("username", user.username());
        ArrayNode roles = n.putArray("roles");
        user.roleIds().forEach(roles::add);
        return n;
    }
}
