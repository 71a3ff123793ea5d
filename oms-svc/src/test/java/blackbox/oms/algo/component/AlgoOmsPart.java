package blackbox.oms.algo.component;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * oms-svc as {@link OmsPart} runs it, with the execution algorithms on a clock the test moves ({@link #clock}): the
 * tape's time, so schedules are deterministic against {@code SimAdvanceReplay}. Move the clock, then {@link #wake}.
 */
final class AlgoOmsPart extends Part<OmsApp> {
    /** UTC epoch ns the algorithms see. */
    final AtomicLong clock = new AtomicLong();

    AlgoOmsPart(TestStack stack) {
        super(stack, OmsPart.NAME, OmsApp.class);
    }

    @Override
    protected Map<String, String> defaults() {
        Map<String, String> m = new HashMap<>(Map.of(
                OmsConfig.ACCOUNTS, OmsPart.DEMO_ROSTER.toString(),
                OmsConfig.POSITIONS, "none",
                OmsConfig.RISK_POLL, "100ms",
                OmsConfig.RECONCILE_GRACE, "200ms",
                OmsConfig.RECONCILE_QUIET, "100ms",
                OmsConfig.GATE_WAIT, "10s",
                OmsConfig.STATS_INTERVAL, "PT0S"));
        return m;
    }

    @Override
    protected OmsApp launch(Config config) throws Exception {
        return OmsApp.start(OmsConfig.from(config), stack().database(), stack().channel(GatewayPart.NAME), Optional.empty(),
                Optional.empty(), stack().serverBuilder(OmsPart.NAME), stack().telemetry(), clock::get);
    }

    @Override
    protected void awaitReady(OmsApp app) throws Exception {
        TestStack.await(() -> app.accountCheck().checked(), Duration.ofSeconds(20), "oms-svc's accounts checked at the gateway");
        if (!app.gates().awaitReconciled(Duration.ofSeconds(30))) {
            throw new AssertionError("oms-svc did not reconcile its accounts in doubt: " + app.gates().closed());
        }
        TestStack.await(() -> app.risk().view().snapshot().known(), Duration.ofSeconds(10), "risk state known");
    }

    /** Sets the algorithms' clock and has the engine decide. */
    void at(long nanos) {
        clock.set(nanos);
        instance().algos().wake();
    }

    OrderManagementGrpc.OrderManagementBlockingStub blocking() {
        return OrderManagementGrpc.newBlockingStub(channel()).withInterceptors(OmsPart.as(OmsPart.USER));
    }

    OrderManagementGrpc.OrderManagementStub async() {
        return OrderManagementGrpc.newStub(channel()).withInterceptors(OmsPart.as(OmsPart.USER));
    }
}
