package blackbox.positions.testing;

import blackbox.platform.config.Config;
import blackbox.positions.PositionsApp;
import blackbox.positions.PositionsConfig;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Map;

/**
 * positions-svc as a part of a {@link TestStack}: on the stack's database and Redis, reading the parts named
 * {@value #OMS} (order events), {@value #MARKETDATA} (marks) and {@value #GATEWAY} (Reconcile) — real ones or a
 * test's fakes served on {@code stack.serverBuilder(name)}. Test defaults: no stats line, marks flushed every 20 ms,
 * Redis checked every 100 ms. A start returns once the book is rebuilt (the engine starts before serving).
 */
public final class PositionsPart extends Part<PositionsApp> {
    public static final String NAME = "positions-svc";
    public static final String OMS = "oms-svc";
    public static final String MARKETDATA = "marketdata-svc";
    public static final String GATEWAY = "dll-gateway";

    private PositionsPart(TestStack stack) {
        super(stack, NAME, PositionsApp.class);
    }

    public static PositionsPart on(TestStack stack) {
        return new PositionsPart(stack);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(PositionsConfig.STATS_INTERVAL, "PT0S", PositionsConfig.MARK_INTERVAL, "20ms",
                PositionsConfig.RESYNC_INTERVAL, "100ms");
    }

    @Override
    protected PositionsApp launch(Config config) throws Exception {
        PositionsConfig c = PositionsConfig.from(config);
        return PositionsApp.start(c, stack().database(), stack().redis().url(), stack().channel(OMS),
                c.marketDataTarget().isPresent() ? stack().channel(MARKETDATA) : null, stack().channel(GATEWAY),
                stack().serverBuilder(NAME), stack().telemetry());
    }

    /** Waits until every oms-svc order event up to {@code sequence} is reflected. */
    public void awaitFeed(long sequence, Duration timeout) throws InterruptedException {
        TestStack.await(() -> instance().engine().feedSequence() >= sequence, timeout,
                () -> "positions-svc to reflect oms-svc's events through " + sequence + " (at " + instance().engine().feedSequence()
                        + ", " + instance().fills().state() + ")");
    }
}
