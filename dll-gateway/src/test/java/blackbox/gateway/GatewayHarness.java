package blackbox.gateway;

import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.config.Config;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A gateway on the simulator, served in-process, with client stubs. Close it after each test. */
public final class GatewayHarness implements AutoCloseable {
    public final Gateway gateway;
    public final ManagedChannel channel;
    public final MarketDataGatewayGrpc.MarketDataGatewayBlockingStub blocking;
    public final MarketDataGatewayGrpc.MarketDataGatewayStub async;
    public final TradingGrpc.TradingBlockingStub trading;
    public final TradingGrpc.TradingStub tradingAsync;
    private final Telemetry telemetry;

    private GatewayHarness(Gateway gateway, ManagedChannel channel, Telemetry telemetry) {
        this.gateway = gateway;
        this.channel = channel;
        this.telemetry = telemetry;
        this.blocking = MarketDataGatewayGrpc.newBlockingStub(channel);
        this.async = MarketDataGatewayGrpc.newStub(channel);
        this.trading = TradingGrpc.newBlockingStub(channel);
        this.tradingAsync = TradingGrpc.newStub(channel);
    }

    /**
     * Starts a gateway replaying the project's sample at full speed, the tape held until {@link #startReplay()}.
     * {@code overrides} are gateway configuration keys (e.g. {@code BLACKBOX_SIM_OPTIONS}).
     */
    public static GatewayHarness start(Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put(GatewayConfig.LIBRARY, TestPaths.simulatorLibrary().toString());
        values.put(GatewayConfig.REPLAY, TestPaths.sampleReplay().toString());
        values.put(GatewayConfig.SPEED, "max");
        values.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        values.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        values.put(GatewayConfig.RECONNECT_TIMEOUT, "5s");
        values.putAll(overrides);
        GatewayConfig config = GatewayConfig.from(Config.of(values));
        Telemetry telemetry = Telemetry.create("dll-gateway-test", Config.of(Map.of()));
        String name = InProcessServerBuilder.generateName();
        Gateway gateway = Gateway.start(config, InProcessServerBuilder.forName(name), telemetry);
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        return new GatewayHarness(gateway, channel, telemetry);
    }

    public static InstrumentId instrument(String ticker, String exchange) {
        return InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    /** Waits for the DLL session to reach {@code state}. */
    public void awaitState(SessionStatus.State state, Duration timeout) throws InterruptedException {
        await(() -> gateway.engine().status().state() == state, timeout,
                () -> "session state " + state + ", is " + gateway.engine().status());
    }

    /**
     * Runs the simulator's tape up to and including every event at or before {@code tsNanos} and pauses it there
     * (replay.speed=max): a request made afterwards sees exactly that tape position.
     */
    public void advanceTo(long tsNanos) {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimAdvanceReplay(tsNanos);
        if (rc != 0) throw new AssertionError("SimAdvanceReplay(" + tsNanos + ") -> " + rc);
    }

    /** Starts the simulator's tape (the harness holds it with replay.start=manual). */
    public void startReplay() {
        int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }

    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
        gateway.close();
        telemetry.close();
    }
}
