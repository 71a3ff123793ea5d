package blackbox.web.browser;

import blackbox.candles.testing.CandlePart;
import blackbox.gateway.testing.GatewayPart;
import blackbox.testkit.TestStack;
import blackbox.web.WebBffConfig;
import blackbox.web.http.AppContent;
import blackbox.web.testing.WebPart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The component tests' parts on one {@link TestStack} (embedded PostgreSQL, the simulator through FFM, dll-gateway,
 * marketdata-svc, candle-svc, web-bff) on a PETR4 tape, serving the real web app (module web-app), with
 * short-lived access tokens so the app must refresh them while the tests run. The user is alice (trader).
 */
final class BrowserStack implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = WebPart.PASSWORD;
    static final Duration ACCESS_TTL = Duration.ofSeconds(12);

    private final TestStack stack;
    private final WebPart web;

    BrowserStack() throws IOException {
        stack = new TestStack("browser-test");
        web = WebPart.on(stack, AppContent.ROOT);
    }

    /** The stack's own directory, for the tape (deleted with the stack). */
    Path dataDir() {
        return stack.dataDir();
    }

    /** Starts everything on {@code replay} at the simulator speed {@code speed} (e.g. 60x), the tape held. */
    void start(Path replay, String speed) throws Exception {
        web.startWithUpstream(GatewayPart.replaying(replay, speed),
                Map.of(WebBffConfig.ACCESS_TTL, ACCESS_TTL.toSeconds() + "s"));
    }

    /** Waits until someone's subscription made ingestion of one instrument live end to end. */
    void awaitIngestion() throws InterruptedException {
        CandlePart.on(stack).awaitLive(1);
    }

    void startReplay() {
        GatewayPart.on(stack).startReplay();
    }

    String base() {
        return web.base();
    }

    @Override
    public void close() {
        stack.close();
    }
}
