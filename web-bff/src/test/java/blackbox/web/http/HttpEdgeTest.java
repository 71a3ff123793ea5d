package blackbox.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.web.auth.AuthUser;
import blackbox.web.auth.LoginThrottle;
import blackbox.web.auth.RefreshTokens;
import blackbox.web.auth.Role;
import blackbox.web.auth.TokenService;
import blackbox.web.auth.Users;
import blackbox.web.upstream.SessionWatch;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.bucket4j.TimeMeter;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.helidon.webserver.WebServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge of web-bff with its real routing (filter, CORS, API routes, error handlers, app) and nothing behind
 * it: wrong methods, HEAD, unknown paths and malformed requests get a 4xx problem (405 with {@code Allow} on a known
 * path), never a 500, and nothing a client sends makes web-bff log a stack trace.
 */
class HttpEdgeTest {
    private static final byte[] SECRET = "edge-test-secret-edge-test-secret!!".getBytes(StandardCharsets.UTF_8);
    private static WebServer server;
    private static ManagedChannel nowhere;
    private static ScheduledExecutorService scheduler;
    private static ListAppender<ILoggingEvent> logged;
    private static String token;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        token = tokens.issue(new AuthUser("alice", Set.of(Role.TRADER)));
        Jdbi unused = Jdbi.create("jdbc:postgresql://127.0.0.1:1/none"); // never reached by these requests
        nowhere = InProcessChannelBuilder.forName("http-edge-test-nowhere").build();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        SessionWatch session = new SessionWatch(nowhere, scheduler);
        server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> WebRouting.setup(r, List.of(), new SecurityFilter(tokens),
                        new AuthRoutes(new Users(unused), tokens, new RefreshTokens(unused, Duration.ofHours(1), Clock.systemUTC()),
                                new LoginThrottle(5, 30, TimeMeter.SYSTEM_NANOTIME)),
                        new MarketRoutes(nowhere, nowhere, nowhere, session, Clock.systemUTC()),
                        new AppContent("blackbox/web/testapp/", () -> true)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (nowhere != null) nowhere.shutdownNow();
        if (scheduler != null) scheduler.shutdownNow();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    private static HttpResponse<String> send(String method, String path, boolean authorized) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorized) b.header("Authorization", "Bearer " + token);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} -> 405, Allow: {2}")
    @CsvSource({
            "POST, /api/v1/market/subscriptions, GET",
            "DELETE, /api/v1/market/subscriptions, GET",
            "POST, /api/v1/market/subscriptions/PETR4, 'PUT, DELETE'",
            "GET, /api/v1/market/subscriptions/PETR4, 'PUT, DELETE'",
            "PUT, /api/v1/candles, GET",
            "POST, /api/v1/me, GET",
            "GET, /api/v1/auth/login, POST",
            "PATCH, /api/v1/indicators/catalog, GET",
            "DELETE, /health, 'GET, HEAD'",
            "POST, /openapi.json, 'GET, HEAD'",
    })
    void aKnownPathWithTheWrongMethodIs405WithAllow(String method, String path, String allow) throws Exception {
        HttpResponse<String> r = send(method, path, true);
        assertEquals(405, r.statusCode(), method + " " + path + ": " + r.body());
        assertEquals(allow, r.headers().firstValue("Allow").orElse(null), method + " " + path);
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(null));
        assertTrue(r.body().contains("\"status\":405") && r.body().contains(method), r.body());
    }

    @Test
    void anUnknownApiPathIs404WhateverTheMethod() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(method, "/api/v1/no/such/thing", true);
            assertEquals(404, r.statusCode(), method + ": " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(null));
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String path : List.of("/", "/health", "/openapi", "/openapi.json", "/assets/app.js")) {
            HttpResponse<String> get = send("GET", path, false);
            HttpResponse<String> head = send("HEAD", path, false);
            assertEquals(200, get.statusCode(), path);
            assertEquals(200, head.statusCode(), "HEAD " + path + ": " + head.body());
            assertEquals("", head.body(), "HEAD " + path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
        }
        assertEquals(404, send("HEAD", "/assets/missing.js", false).statusCode());
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonBesideTheYaml() throws Exception {
        HttpResponse<String> yaml = send("GET", "/openapi", false);
        HttpResponse<String> json = send("GET", "/openapi.json", false);
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(null));
        var fromYaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(yaml.body());
        var fromJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
        assertEquals(fromYaml, fromJson, "the same document");
        assertTrue(fromJson.path("paths").has("/candles"), "the API's paths");
        assertEquals(200, send("GET", "/openapi.yaml", false).statusCode(), "the YAML under its own name too");
    }

    /** Requests a client could send; none may be answered 500 or make web-bff log a stack trace. */
    @Test
    void noClientInputMakesWebBffLogAStackTrace() throws Exception {
        logged.list.clear();
        String[][] requests = {
                {"POST", "/api/v1/market/subscriptions"}, {"HEAD", "/"}, {"HEAD", "/api/v1/me"},
                {"HEAD", "/api/v1/market/subscriptions"}, {"OPTIONS", "/"}, {"TRACE", "/"},
                {"GET", "/%2e%2e/%2e%2e/etc/passwd"},
                {"GET", "/api/v1/market/subscriptions/%00"}, {"PUT", "/api/v1/market/subscriptions/..%2F"},
                {"GET", "/api/v1/candles?symbol=PETR4&timeframe=1m&limit=99999999999999999999"},
                {"GET", "/api/v1/candles?symbol=PETR4&timeframe=1m&from=9999999-01-01T00:00:00Z"},
                {"POST", "/api/v1/auth/login"}, {"POST", "/api/v1/auth/refresh"},
        };
        for (String[] q : requests) {
            HttpResponse<String> r = send(q[0], q[1], true);
            assertNotEquals(500, r.statusCode(), q[0] + " " + q[1] + ": " + r.body());
            assertTrue(r.statusCode() >= 200 && r.statusCode() < 600, q[0] + " " + q[1]);
        }
        for (String raw : List.of("GET /%%% HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/candles?symbol=%ZZ&timeframe=1m HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\"")) {
            String status = raw(raw);
            assertTrue(!status.contains(" 500 "), "raw " + raw.lines().findFirst().orElse("") + " -> " + status);
        }
        List<ILoggingEvent> traces = logged.list.stream().filter(e -> e.getThrowableProxy() != null).toList();
        assertEquals(List.of(), traces.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": "
                + e.getFormattedMessage() + " / " + e.getThrowableProxy().getClassName()).toList(), "stack traces logged");
        assertEquals(List.of(), logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList(), "errors logged");
    }

    /** Sends raw bytes and returns the status line (or what came back, if anything). */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            byte[] buf = in.readNBytes(200);
            String text = new String(buf, StandardCharsets.ISO_8859_1);
            return text.lines().findFirst().orElse("(closed without an answer)");
        } catch (java.net.SocketTimeoutException e) {
            return "(no answer in 5 s)";
        }
    }
}
