package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.testing.CandlePart;
import blackbox.candles.v1.Candle;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.gateway.testing.GatewayPart;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.testkit.TestStack;
import blackbox.web.auth.AuthUser;
import blackbox.web.auth.Role;
import blackbox.web.auth.TokenService;
import blackbox.web.core.Json;
import blackbox.web.testing.WebPart;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** web-bff's REST API over real HTTP against the real stack: authentication, security, market data, errors. */
@Timeout(120)
class WebApiComponentTest {
    /** Every API route (method, path) but login/refresh: none may answer without a valid token. */
    static final List<String[]> PROTECTED = List.of(
            new String[] {"POST", "/api/v1/auth/logout"},
            new String[] {"GET", "/api/v1/me"},
            new String[] {"GET", "/api/v1/admin/users"},
            new String[] {"GET", "/api/v1/market/instruments?q=B"},
            new String[] {"GET", "/api/v1/market/subscriptions"},
            new String[] {"PUT", "/api/v1/market/subscriptions/BTCUSDT:SPOT"},
            new String[] {"DELETE", "/api/v1/market/subscriptions/BTCUSDT:SPOT"},
            new String[] {"GET", "/api/v1/market/session"},
            new String[] {"GET", "/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=1m"},
            new String[] {"GET", "/api/v1/indicators?symbol=BTCUSDT:SPOT&timeframe=1m&spec=ema(9)"},
            new String[] {"GET", "/api/v1/indicators/catalog"});

    static TestStack stack;
    static WebPart web;
    static Http http;
    // logged in once: each user has only WebPart.LOGINS_PER_USER logins a minute
    static String aliceToken;
    static String bobToken;
    static String rootToken;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("web-test");
        web = WebPart.on(stack);
        web.startWithUpstream(Map.of(), Map.of());
        http = new Http(web.base());
        aliceToken = http.token("alice", WebPart.PASSWORD);
        bobToken = http.token("bob", WebPart.PASSWORD);
        rootToken = http.token("root", WebPart.PASSWORD);
        String alice = aliceToken;
        for (String s : new String[] {"BTCUSDT:SPOT", "ETHUSDT:SPOT"}) {
            assertEquals(200, http.send("PUT", "/api/v1/market/subscriptions/" + s, alice, null).status());
        }
        CandlePart.on(stack).awaitLive(2);
        GatewayPart.on(stack).startReplay();
        long lines = java.nio.file.Files.lines(GatewayPart.SAMPLE).filter(l -> l.contains(",T,")).count();
        TestStack.await(() -> storedTrades() >= lines, Duration.ofSeconds(30), () -> "sample stored: " + storedTrades());
    }

    static long storedTrades() {
        return MarketDataPart.on(stack).storedTrades();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) stack.close();
    }

    @Test
    void loginAnswersTokensAndTheUser() throws Exception {
        JsonNode s = http.login("alice", WebPart.PASSWORD);
        assertEquals("Bearer", s.get("token_type").asText());
        assertEquals(900, s.get("expires_in").asInt());
        assertFalse(s.get("refresh_token").asText().isEmpty());
        assertEquals("alice", s.at("/user/username").asText());
        assertEquals("[\"trader\"]", s.at("/user/roles").toString());
        JsonNode me = http.get("/api/v1/me", s.get("access_token").asText()).json();
        assertEquals("alice", me.get("username").asText());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        Http.Answer wrong = http.post("/api/v1/auth/login", null, "{\"username\":\"bob\",\"password\":\"nope-nope\"}");
        Http.Answer unknown = http.post("/api/v1/auth/login", null, "{\"username\":\"nobody\",\"password\":\"nope-nope\"}");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals("application/problem+json", wrong.header("Content-Type"));
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
    }

    @Test
    void refreshRotatesTheTokenAndLogoutRevokesIt() throws Exception {
        JsonNode first = http.login("bob", WebPart.PASSWORD);
        String r1 = first.get("refresh_token").asText();
        Http.Answer a = http.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}");
        assertEquals(200, a.status(), a.body());
        String r2 = a.json().get("refresh_token").asText();
        assertNotEquals(r1, r2);
        assertEquals("bob", a.json().at("/user/username").asText());
        assertEquals(200, http.get("/api/v1/me", a.json().get("access_token").asText()).status());
        assertEquals(401, http.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r1 + "\"}").status(),
                "a used refresh token is refused");
        // replaying r1 revoked the whole family, r2 included (a stolen token was used)
        assertEquals(401, http.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r2 + "\"}").status());

        JsonNode second = http.login("bob", WebPart.PASSWORD);
        String r3 = second.get("refresh_token").asText();
        assertEquals(204, http.post("/api/v1/auth/logout", second.get("access_token").asText(),
                "{\"refresh_token\":\"" + r3 + "\"}").status());
        assertEquals(401, http.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + r3 + "\"}").status());
    }

    @Test
    void noRouteAnswersWithoutAValidToken() throws Exception {
        String expired = new TokenService(WebPart.SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(15),
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC))
                .issue(new AuthUser("root", Set.of(Role.ADMIN)));
        String valid = rootToken;
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");
        String otherKey = new TokenService("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), Clock.systemUTC()).issue(new AuthUser("root", Set.of(Role.ADMIN)));
        for (String[] route : PROTECTED) {
            String body = route[0].equals("POST") ? "{\"refresh_token\":\"x\"}" : null;
            for (String token : new String[] {null, "", expired, tampered, otherKey, "garbage"}) {
                Http.Answer a = http.send(route[0], route[1], token, body);
                assertEquals(401, a.status(), route[0] + " " + route[1] + " with " + describe(token) + ": " + a.body());
                assertEquals("application/problem+json", a.header("Content-Type"));
            }
        }
        assertEquals(200, http.get("/api/v1/me", valid).status(), "the same request with the valid token passes");
    }

    private static String describe(String token) {
        return token == null ? "no token" : token.isEmpty() ? "empty token" : "token " + token.substring(0, Math.min(12, token.length()));
    }

    @Test
    void oneUserNeitherSeesNorChangesAnothersSubscriptions() throws Exception {
        String alice = aliceToken;
        String bob = bobToken;
        assertEquals(200, http.send("PUT", "/api/v1/market/subscriptions/ETHUSDT:SPOT", bob, null).status());
        JsonNode bobs = http.get("/api/v1/market/subscriptions", bob).json().get("subscriptions");
        assertEquals(List.of("ETHUSDT:SPOT"), symbols(bobs));
        JsonNode alices = http.get("/api/v1/market/subscriptions", alice).json().get("subscriptions");
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), symbols(alices), "alphabetical, alice's own");

        Http.Answer notHis = http.send("DELETE", "/api/v1/market/subscriptions/BTCUSDT:SPOT", bob, null);
        assertEquals(404, notHis.status());
        assertTrue(notHis.json().get("detail").asText().contains("BTCUSDT:SPOT"));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"),
                symbols(http.get("/api/v1/market/subscriptions", alice).json().get("subscriptions")), "alice's untouched");

        assertEquals(204, http.send("DELETE", "/api/v1/market/subscriptions/ETHUSDT:SPOT", bob, null).status());
        assertEquals(List.of(), symbols(http.get("/api/v1/market/subscriptions", bob).json().get("subscriptions")));
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"),
                symbols(http.get("/api/v1/market/subscriptions", alice).json().get("subscriptions")));
        JsonNode again = http.send("PUT", "/api/v1/market/subscriptions/btcusdt:spot", alice, null).json();
        assertFalse(again.get("newly_subscribed").asBoolean());
        assertEquals("BTCUSDT", again.get("ticker").asText());
        assertEquals("SPOT", again.get("exchange").asText());
    }

    private static List<String> symbols(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("symbol").asText()));
        return out;
    }

    @Test
    void bruteForceLoginsAreSlowed() throws Exception {
        web.app().users().ensure("carol", WebPart.PASSWORD, Set.of(Role.VIEWER));
        int refused = 0;
        for (int i = 0; i < WebPart.LOGINS_PER_USER; i++) {
            refused += http.post("/api/v1/auth/login", null, "{\"username\":\"carol\",\"password\":\"guess" + i + "xx\"}").status() == 401 ? 1 : 0;
        }
        assertEquals(WebPart.LOGINS_PER_USER, refused);
        Http.Answer slowed = http.post("/api/v1/auth/login", null, "{\"username\":\"carol\",\"password\":\"guess6xx\"}");
        assertEquals(429, slowed.status());
        assertTrue(Integer.parseInt(slowed.header("Retry-After")) >= 1);
        assertEquals(429, http.post("/api/v1/auth/login", null,
                "{\"username\":\"carol\",\"password\":\"" + WebPart.PASSWORD + "\"}").status(), "even the right password waits");
        assertEquals(200, http.post("/api/v1/auth/login", null,
                "{\"username\":\"alice\",\"password\":\"" + WebPart.PASSWORD + "\"}").status(), "other users are not locked out");
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() throws Exception {
        Http.Answer evil = http.send("OPTIONS", "/api/v1/me", null, null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertEquals(403, evil.status(), evil.body());
        assertNull(evil.header("Access-Control-Allow-Origin"));
        Http.Answer good = http.send("OPTIONS", "/api/v1/me", null, null, "Origin", "http://app.example:5173",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertEquals(200, good.status(), good.body());
        assertEquals("http://app.example:5173", good.header("Access-Control-Allow-Origin"));
        String token = aliceToken;
        Http.Answer evilGet = http.send("GET", "/api/v1/me", token, null, "Origin", "http://evil.example");
        assertEquals(403, evilGet.status(), "an unknown origin's actual request is refused too");
        Http.Answer sameOrigin = http.send("POST", "/api/v1/auth/login", null,
                "{\"username\":\"alice\",\"password\":\"" + WebPart.PASSWORD + "\"}", "Origin", web.base());
        assertEquals(200, sameOrigin.status(), "the page web-bff serves may call it: " + sameOrigin.body());
    }

    @Test
    void securityHeadersOnApiAndApp() throws Exception {
        for (Http.Answer a : List.of(http.get("/api/v1/me", aliceToken), http.get("/", null),
                http.get("/api/v1/me", null))) {
            assertTrue(a.header("Content-Security-Policy").startsWith("default-src 'self'"));
            assertEquals("nosniff", a.header("X-Content-Type-Options"));
            assertEquals("DENY", a.header("X-Frame-Options"));
            assertEquals("no-referrer", a.header("Referrer-Policy"));
        }
        assertEquals("no-store", http.get("/api/v1/me", null).header("Cache-Control"));
    }

    @Test
    void servesTheAppWithTypesAndCacheHeaders() throws Exception {
        Http.Answer index = http.get("/", null);
        assertEquals(200, index.status());
        assertEquals("text/html; charset=UTF-8", index.header("Content-Type"));
        assertEquals("no-cache", index.header("Cache-Control"));
        assertTrue(index.body().contains("BlackBox test page"));
        assertTrue(http.get("/mercado", null).body().contains("BlackBox test page"), "client-side routes get index.html");
        Http.Answer js = http.get("/assets/app.js", null);
        assertEquals("text/javascript; charset=UTF-8", js.header("Content-Type"));
        assertEquals("public, max-age=300", js.header("Cache-Control"));
        assertEquals("text/css; charset=UTF-8", http.get("/assets/app.css", null).header("Content-Type"));
        assertEquals(404, http.get("/assets/missing.js", null).status());
        assertEquals(200, http.get("/health", null).status());
        Http.Answer openapi = http.get("/openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().startsWith("openapi: 3"));
    }

    @Test
    void candlesEqualCandleSvcs() throws Exception {
        String token = bobToken;
        for (String tf : List.of("1m", "5m", "1d")) {
            Http.Answer a = http.get("/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=" + tf
                    + "&from=2024-08-08T00:00:00Z&to=2024-08-10T00:00:00Z", token);
            assertEquals(200, a.status(), a.body());
            JsonNode body = a.json();
            List<Candle> want = CandlePart.on(stack).blocking().getCandles(GetCandlesRequest.newBuilder()
                    .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT"))
                    .setTimeframe(tf).setFromNanos(1723075200_000_000_000L).setToNanos(1723248000_000_000_000L).build())
                    .getCandlesList();
            assertFalse(want.isEmpty());
            assertEquals(want.size(), body.get("candles").size(), tf);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(Json.write(Json.candle(want.get(i))), Http.MAPPER.writeValueAsString(body.get("candles").get(i)),
                        tf + " candle " + i);
            }
            assertFalse(body.get("truncated").asBoolean());
        }
        JsonNode limited = http.get("/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=1m&from=2024-08-08T00:00:00Z"
                + "&to=2024-08-10T00:00:00Z&limit=2", token).json();
        assertEquals(2, limited.get("candles").size());
        assertTrue(limited.get("truncated").asBoolean());
        JsonNode first = limited.get("candles").get(0);
        assertEquals("2024-08-08T23:58:00Z", first.get("time").asText());
        assertEquals(1723161480_000_000_000L, first.get("time_nanos").asLong());

        // without from: the newest limit candles before to, in time order
        List<Candle> all1m = CandlePart.on(stack).blocking().getCandles(GetCandlesRequest.newBuilder()
                .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT"))
                .setTimeframe("1m").setFromNanos(0).setToNanos(1723248000_000_000_000L).setLimit(50_000).build()).getCandlesList();
        assertEquals(3, all1m.size(), "the sample's BTCUSDT minutes");
        JsonNode newest = http.get("/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=1m&to=2024-08-10T00:00:00Z&limit=2", token).json();
        assertEquals(2, newest.get("candles").size(), newest.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals(Json.write(Json.candle(all1m.get(all1m.size() - 2 + i))),
                    Http.MAPPER.writeValueAsString(newest.get("candles").get(i)), "newest candle " + i);
        }
        assertTrue(newest.get("truncated").asBoolean(), "older candles precede them");
    }

    @Test
    void badInputIsAProblemNamingFieldAndValue() throws Exception {
        String token = bobToken;
        String[][] cases = {
                {"/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=7m", "timeframe", "7m"},
                {"/api/v1/candles?symbol=PE%20TR4&timeframe=1m", "symbol", "PE TR4"},
                {"/api/v1/candles?symbol=PETR4&timeframe=1m&limit=0", "limit", "0"},
                {"/api/v1/candles?symbol=PETR4&timeframe=1m&from=yesterday", "from", "yesterday"},
                {"/api/v1/candles?symbol=PETR4&timeframe=1m&from=2025-04-08T00:00:00Z&to=2025-04-07T00:00:00Z", "from", "2025-04-08T00:00:00Z"},
                {"/api/v1/indicators?symbol=PETR4&timeframe=1m", "spec", null},
        };
        for (String[] c : cases) {
            Http.Answer a = http.get(c[0], token);
            assertEquals(400, a.status(), c[0] + ": " + a.body());
            assertEquals("application/problem+json", a.header("Content-Type"));
            JsonNode p = a.json();
            assertEquals(c[1], p.get("field").asText(), c[0]);
            assertEquals(400, p.get("status").asInt());
            if (c[2] != null) {
                assertEquals(c[2], p.get("value").asText());
                assertTrue(p.get("detail").asText().contains(c[2]), p.get("detail").asText());
            }
        }
        Http.Answer body = http.post("/api/v1/auth/login", null, "{\"username\":");
        assertEquals(400, body.status());
        assertEquals("body", body.json().get("field").asText());
        Http.Answer missing = http.post("/api/v1/auth/login", null, "{\"username\":\"x\"}");
        assertEquals("password", missing.json().get("field").asText());
    }

    @Test
    void onlyAdminsListUsers() throws Exception {
        Http.Answer viewer = http.get("/api/v1/admin/users", bobToken);
        assertEquals(403, viewer.status());
        assertEquals("application/problem+json", viewer.header("Content-Type"));
        JsonNode users = http.get("/api/v1/admin/users", rootToken).json().get("users");
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.get("username").asText()));
        assertTrue(names.containsAll(List.of("alice", "bob", "root")), names.toString());
        users.forEach(u -> assertNull(u.get("password_hash")));
    }

    @Test
    void instrumentsSessionAndIndicators() throws Exception {
        String token = bobToken;
        JsonNode all = http.get("/api/v1/market/instruments", token).json().get("instruments");
        assertEquals(List.of("BTCUSDT:SPOT", "ETHUSDT:SPOT"), symbols(all));
        assertEquals(List.of("ETHUSDT:SPOT"), symbols(http.get("/api/v1/market/instruments?q=eth", token).json().get("instruments")));
        TestStack.await(() -> {
            try {
                return "connected".equals(http.get("/api/v1/market/session", token).json().get("state").asText());
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(10), () -> "session connected");
        JsonNode session = http.get("/api/v1/market/session", token).json();
        assertNotNull(Instant.parse(session.get("since").asText()));
        Http.Answer catalog = http.get("/api/v1/indicators/catalog", token);
        assertEquals(200, catalog.status(), catalog.body());
        assertEquals(10, catalog.json().get("indicators").size(), catalog.body());
        Http.Answer ema = http.get("/api/v1/indicators?symbol=BTCUSDT:SPOT&timeframe=1m&spec=ema(2)"
                + "&from=2024-08-08T00:00:00Z&to=2024-08-10T00:00:00Z", token);
        assertEquals(200, ema.status(), ema.body());
        assertEquals("ema(2)", ema.json().get("spec").asText());
        assertTrue(ema.json().get("values").size() > 0);
    }
}
