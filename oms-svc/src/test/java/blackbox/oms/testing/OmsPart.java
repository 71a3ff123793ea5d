package blackbox.oms.testing;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.oms.grpc.Callers;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * oms-svc as a part of a {@link TestStack}: on the stack's database, trading through the {@link GatewayPart} (start it
 * with routing: {@link TradingGateway}), accounts from the simulator's demo roster unless overridden
 * ({@link OmsConfig#ACCOUNTS}), flat positions ({@code none}), risk followed by polling PostgreSQL every 100 ms, a
 * 200 ms start grace and 100 ms quiet before reconciliation. A start returns once the accounts were checked at the
 * gateway and every account in doubt is reconciled.
 */
public final class OmsPart extends Part<OmsApp> {
    public static final String NAME = "oms-svc";
    /** The user the stubs act as. */
    public static final String USER = "trader";
    public static final java.nio.file.Path DEMO_ROSTER = TestStack.repoFile("dll-gateway/native/sim/demo-roster.csv");

    private final java.util.function.Supplier<io.grpc.ManagedChannel> gatewayChannel;

    private OmsPart(TestStack stack, java.util.function.Supplier<io.grpc.ManagedChannel> gatewayChannel) {
        super(stack, NAME, OmsApp.class);
        this.gatewayChannel = gatewayChannel;
    }

    public static OmsPart on(TestStack stack) {
        return new OmsPart(stack, () -> stack.channel(GatewayPart.NAME));
    }

    /** oms-svc trading through another gateway (one in a child JVM, over TCP). */
    public static OmsPart on(TestStack stack, java.util.function.Supplier<io.grpc.ManagedChannel> gatewayChannel) {
        return new OmsPart(stack, gatewayChannel);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                OmsConfig.ACCOUNTS, DEMO_ROSTER.toString(),
                OmsConfig.POSITIONS, "none",
                OmsConfig.RISK_POLL, "100ms",
                OmsConfig.RECONCILE_GRACE, "200ms",
                OmsConfig.RECONCILE_QUIET, "100ms",
                OmsConfig.GATE_WAIT, "10s",
                OmsConfig.STATS_INTERVAL, "PT0S");
    }

    @Override
    protected OmsApp launch(Config config) throws Exception {
        return OmsApp.start(OmsConfig.from(config), stack().database(), gatewayChannel.get(), Optional.empty(),
                Optional.empty(), stack().serverBuilder(NAME), stack().telemetry());
    }

    @Override
    protected void awaitReady(OmsApp app) throws Exception {
        TestStack.await(() -> app.accountCheck().checked(), Duration.ofSeconds(20), "oms-svc's accounts checked at the gateway");
        if (!app.gates().awaitReconciled(Duration.ofSeconds(30))) {
            throw new AssertionError("oms-svc did not reconcile its accounts in doubt: " + app.gates().closed());
        }
        TestStack.await(() -> app.risk().view().snapshot().known(), Duration.ofSeconds(10), "risk state known");
    }

    /** A blocking stub acting as {@value #USER}. */
    public OrderManagementGrpc.OrderManagementBlockingStub blocking() {
        return OrderManagementGrpc.newBlockingStub(channel()).withInterceptors(as(USER));
    }

    /** An async stub acting as {@value #USER}. */
    public OrderManagementGrpc.OrderManagementStub async() {
        return OrderManagementGrpc.newStub(channel()).withInterceptors(as(USER));
    }

    /** The interceptor that sets the acting user. */
    public static io.grpc.ClientInterceptor as(String user) {
        Metadata m = new Metadata();
        m.put(Callers.USER, user);
        return MetadataUtils.newAttachHeadersInterceptor(m);
    }
}
