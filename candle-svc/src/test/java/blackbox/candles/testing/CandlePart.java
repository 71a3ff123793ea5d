package blackbox.candles.testing;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.gateway.Gateway;
import blackbox.gateway.testing.GatewayPart;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Map;

/**
 * candle-svc as a part of a {@link TestStack}: on the stack's database (schema {@code candles}), fed by the
 * marketdata-svc part ({@link MarketDataPart}) over in-process gRPC, exchange {@code SPOT} (the sample's) in UTC,
 * a 20 ms engine cycle and a 100 ms reprocess interval. A start returns once its trade stream from marketdata-svc
 * is open, so marketdata-svc must be running. Overrides are {@link CandleConfig} keys.
 */
public final class CandlePart extends Part<CandleApp> {
    public static final String NAME = "candle-svc";
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration APPLIED_TIMEOUT = Duration.ofSeconds(30);

    private CandlePart(TestStack stack) {
        super(stack, NAME, CandleApp.class);
    }

    /** The candle-svc part of {@code stack} (a handle: nothing starts until {@link #start()}). */
    public static CandlePart on(TestStack stack) {
        return new CandlePart(stack);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                CandleConfig.TIMEZONES, "SPOT=UTC",
                CandleConfig.CYCLE, "20ms",
                CandleConfig.REPROCESS_INTERVAL, "100ms");
    }

    @Override
    protected CandleApp launch(Config config) throws Exception {
        return CandleApp.start(CandleConfig.from(config), stack().database(), stack().channel(MarketDataPart.NAME),
                stack().serverBuilder(NAME), stack().telemetry());
    }

    @Override
    protected void awaitReady(CandleApp app) throws InterruptedException {
        TestStack.await(() -> app.feed().connected(), FEED_TIMEOUT, "candle-svc's trade stream from marketdata-svc");
    }

    /**
     * The chain candle-svc needs, each part on its test defaults: the gateway (tape held) with
     * {@code gatewayOverrides}, marketdata-svc, then candle-svc with {@code candleOverrides}.
     *
     * @return the running candle-svc
     */
    public CandleApp startWithUpstream(Map<String, String> gatewayOverrides, Map<String, String> candleOverrides)
            throws Exception {
        GatewayPart.on(stack()).start(gatewayOverrides);
        MarketDataPart.on(stack()).start();
        return start(candleOverrides);
    }

    /** The running service. */
    public CandleApp app() {
        return instance();
    }

    public CandlesGrpc.CandlesBlockingStub blocking() {
        return CandlesGrpc.newBlockingStub(channel());
    }

    public CandlesGrpc.CandlesStub async() {
        return CandlesGrpc.newStub(channel());
    }

    /**
     * Waits until ingestion is live end to end for {@code instruments} subscribed instruments: marketdata-svc's
     * stream open at the gateway with the subscriptions, marketdata-svc ingesting them, candle-svc's trade stream
     * open. Someone must have subscribed them at marketdata-svc.
     */
    public void awaitLive(int instruments) throws InterruptedException {
        TestStack.await(() -> {
            Gateway gateway = stack().instance(GatewayPart.NAME, Gateway.class);
            MarketDataApp marketdata = stack().instance(MarketDataPart.NAME, MarketDataApp.class);
            return gateway.service().openTradeStreams() >= 1 && gateway.engine().subscriptions().size() >= instruments
                    && marketdata.ingesting().size() == instruments && app().feed().connected();
        }, LIVE_TIMEOUT, () -> "ingestion of " + instruments + " instruments live end to end");
    }

    /**
     * Waits until {@code trades} trades are stored by marketdata-svc and applied by candle-svc, then until the
     * engine has written their candles.
     */
    public void awaitApplied(long trades) throws InterruptedException {
        MarketDataPart marketdata = MarketDataPart.on(stack());
        TestStack.await(() -> marketdata.storedTrades() == trades && app().engine().tradesApplied() == trades, APPLIED_TIMEOUT,
                () -> trades + " trades stored and applied (stored " + marketdata.storedTrades() + ", applied "
                        + app().engine().tradesApplied() + ")");
        app().engine().barrier().join();
    }

    /** Reprocess requests not yet done. */
    public long pendingReprocess() {
        return stack().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM candles.reprocess_requests WHERE done_at IS NULL").mapTo(Long.class).one());
    }
}
