package blackbox.e2e;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.OmsPart;
import blackbox.platform.config.Config;
import blackbox.positions.testing.PositionsPart;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * oms-svc as the desk runs it beside risk-svc and positions-svc: following risk-svc's Redis broadcast (not polling
 * PostgreSQL, as {@link OmsPart} does alone) and taking positions from positions-svc's part. Same name and readiness
 * as {@link OmsPart}, so {@code OmsPart.on(stack)}'s stubs and risk-svc's and positions-svc's parts reach it.
 */
final class OmsOnRedisPart extends Part<OmsApp> {
    OmsOnRedisPart(TestStack stack) {
        super(stack, OmsPart.NAME, OmsApp.class);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                OmsConfig.ACCOUNTS, OmsPart.DEMO_ROSTER.toString(),
                OmsConfig.RECONCILE_GRACE, "200ms",
                OmsConfig.RECONCILE_QUIET, "100ms",
                OmsConfig.GATE_WAIT, "10s",
                OmsConfig.STATS_INTERVAL, "PT0S");
    }

    @Override
    protected OmsApp launch(Config config) throws Exception {
        return OmsApp.start(OmsConfig.from(config), stack().database(), stack().channel(GatewayPart.NAME),
                Optional.of(stack().channel(PositionsPart.NAME)), Optional.of(stack().redis().url()),
                stack().serverBuilder(OmsPart.NAME), stack().telemetry());
    }

    @Override
    protected void awaitReady(OmsApp app) throws Exception {
        TestStack.await(() -> app.accountCheck().checked(), Duration.ofSeconds(20), "oms-svc's accounts checked at the gateway");
        if (!app.gates().awaitReconciled(Duration.ofSeconds(30))) {
            throw new AssertionError("oms-svc did not reconcile its accounts in doubt: " + app.gates().closed());
        }
        TestStack.await(() -> app.risk().view().snapshot().known(), Duration.ofSeconds(20), "oms-svc's risk state known");
    }
}
