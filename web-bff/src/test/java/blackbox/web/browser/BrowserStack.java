package blackbox.web.browser;

import blackbox.web.WebBffConfig;
import blackbox.web.component.WebStack;
import blackbox.web.http.AppContent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The component tests' {@link WebStack} (embedded PostgreSQL, the simulator through FFM, dll-gateway, marketdata-svc,
 * candle-svc, web-bff) on a PETR4 tape, serving the real web app (module web-app), with short-lived access tokens so
 * the app must refresh them while the tests run. The user is alice (trader).
 */
final class BrowserStack implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = WebStack.PASSWORD;
    static final Duration ACCESS_TTL = Duration.ofSeconds(12);

    private final WebStack stack;

    BrowserStack() throws Exception {
        stack = new WebStack();
    }

    static Path repoRoot() {
        return WebStack.repoRoot();
    }

    /** Starts everything on {@code replay} at the simulator speed {@code speed} (e.g. 60x), the tape held. */
    void start(Path replay, String speed) throws Exception {
        stack.start(replay, speed, Map.of(WebBffConfig.ACCESS_TTL, ACCESS_TTL.toSeconds() + "s"), AppContent.ROOT);
    }

    /** Waits until someone's subscription made ingestion of one instrument live end to end. */
    void awaitIngestion() throws InterruptedException {
        stack.awaitIngestion(1);
    }

    void startReplay() {
        stack.startReplay();
    }

    String base() {
        return stack.base();
    }

    @Override
    public void close() throws Exception {
        stack.close();
    }
}
