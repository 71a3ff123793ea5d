package blackbox.gateway.testing;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.TestPaths;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * dll-gateway as a part of a {@link TestStack}: the real gateway on the ProfitDLL simulator (through the FFM
 * binding), replaying {@link #SAMPLE} at full speed with the tape held ({@code replay.start=manual}) until
 * {@link #startReplay()}, so a test starts the tape only once its consumers listen: trades replayed before a
 * stream exists are not a gap anyone can see. A start returns once the DLL session is CONNECTED.
 *
 * <p>Needs the simulator library the build makes ({@code profitdll.library}, set by each module's surefire).
 * Overrides are {@link GatewayConfig} keys, e.g. {@code SPEED=10x} or another {@code REPLAY}.
 */
public final class GatewayPart extends Part<Gateway> {
    public static final String NAME = "dll-gateway";
    /** The project's replay sample (MIT Binance slice): 6,000 trades, 3,000 each of BTCUSDT and ETHUSDT on SPOT. */
    public static final Path SAMPLE = TestStack.repoFile("samples/replay/binance-spot-sample.replay.csv");
    public static final int SAMPLE_TRADES = 6000;
    public static final InstrumentId BTC = instrument("BTCUSDT", "SPOT");
    public static final InstrumentId ETH = instrument("ETHUSDT", "SPOT");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private GatewayPart(TestStack stack) {
        super(stack, NAME, Gateway.class);
    }

    /** The gateway part of {@code stack} (a handle: nothing starts until {@link #start()}). */
    public static GatewayPart on(TestStack stack) {
        return new GatewayPart(stack);
    }

    /** Overrides replaying another file at another speed ({@code max}, {@code realtime}, {@code 10x}...). */
    public static Map<String, String> replaying(Path file, String speed) {
        return Map.of(GatewayConfig.REPLAY, file.toString(), GatewayConfig.SPEED, speed);
    }

    public static InstrumentId instrument(String ticker, String exchange) {
        return InstrumentId.newBuilder().setTicker(ticker).setExchange(exchange).build();
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                GatewayConfig.LIBRARY, TestPaths.simulatorLibrary().toString(),
                GatewayConfig.REPLAY, SAMPLE.toString(),
                GatewayConfig.SPEED, "max",
                GatewayConfig.SIM_OPTIONS, "replay.start=manual",
                GatewayConfig.STATS_INTERVAL, "PT0S");
    }

    @Override
    protected Gateway launch(Config config) throws Exception {
        return Gateway.start(GatewayConfig.from(config), stack().serverBuilder(NAME), stack().telemetry());
    }

    @Override
    protected void awaitReady(Gateway gateway) throws InterruptedException {
        TestStack.await(() -> gateway.engine().status().state() == SessionStatus.State.CONNECTED, CONNECT_TIMEOUT,
                () -> "the gateway's DLL session to connect (" + gateway.engine().status() + ")");
    }

    /** The running gateway. */
    public Gateway gateway() {
        return instance();
    }

    public MarketDataGatewayGrpc.MarketDataGatewayBlockingStub blocking() {
        return MarketDataGatewayGrpc.newBlockingStub(channel());
    }

    public MarketDataGatewayGrpc.MarketDataGatewayStub async() {
        return MarketDataGatewayGrpc.newStub(channel());
    }

    /** Waits for the DLL session to reach {@code state}. */
    public void awaitState(SessionStatus.State state, Duration timeout) throws InterruptedException {
        TestStack.await(() -> gateway().engine().status().state() == state, timeout,
                () -> "session state " + state + ", is " + gateway().engine().status());
    }

    /** Starts the simulator's tape, held since the start by {@code replay.start=manual}. */
    public void startReplay() {
        int rc = ProfitDLL.load(gateway().library()).simulator().orElseThrow().SimStartReplay();
        if (rc != 0) throw new AssertionError("SimStartReplay -> " + rc);
    }
}
