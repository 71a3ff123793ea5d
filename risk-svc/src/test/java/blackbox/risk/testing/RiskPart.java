package blackbox.risk.testing;

import blackbox.platform.config.Config;
import blackbox.risk.RiskApp;
import blackbox.risk.RiskConfig;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Map;

/**
 * risk-svc as a part of a {@link TestStack}: on the stack's database and Redis, talking to the parts named
 * {@value #OMS}, {@value #POSITIONS} and {@value #GATEWAY} (real ones, or a test's fakes served on
 * {@code stack.serverBuilder(name)}). A start returns once the risk state is known (Redis subscribed, PostgreSQL
 * read). Test defaults: no stats line, cancels unconfirmed after 2 s, breakers as configured by the test (rejects
 * and routing on, drawdown off: the defaults of the service).
 */
public final class RiskPart extends Part<RiskApp> {
    public static final String NAME = "risk-svc";
    /** The part names risk-svc's clients connect to (oms-svc's, positions-svc's and the gateway's parts). */
    public static final String OMS = "oms-svc";
    public static final String POSITIONS = "positions-svc";
    public static final String GATEWAY = "dll-gateway";
    private static final Duration READY = Duration.ofSeconds(20);

    private RiskPart(TestStack stack) {
        super(stack, NAME, RiskApp.class);
    }

    public static RiskPart on(TestStack stack) {
        return new RiskPart(stack);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(RiskConfig.STATS_INTERVAL, "PT0S", RiskConfig.CANCEL_TIMEOUT, "2s");
    }

    @Override
    protected RiskApp launch(Config config) throws Exception {
        return RiskApp.start(RiskConfig.from(config), stack().database(), stack().redis().url(), stack().channel(OMS),
                stack().channel(POSITIONS), stack().channel(GATEWAY), stack().serverBuilder(NAME), stack().telemetry());
    }

    @Override
    protected void awaitReady(RiskApp app) throws InterruptedException {
        TestStack.await(() -> app.view().snapshot().known(), READY,
                () -> "risk-svc's state to be known (" + app.view().snapshot().unknownBecause() + ")");
    }
}
