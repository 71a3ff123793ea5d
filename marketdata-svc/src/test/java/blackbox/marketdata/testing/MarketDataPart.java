package blackbox.marketdata.testing;

import blackbox.gateway.Gateway;
import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.Map;

/**
 * marketdata-svc as a part of a {@link TestStack}: on the stack's database (schema {@code marketdata}), reading the
 * gateway part ({@link GatewayPart}) over in-process gRPC, with a short grace period (300 ms) and write delay
 * (20 ms). Overrides are {@link MarketDataConfig} keys.
 */
public final class MarketDataPart extends Part<MarketDataApp> {
    public static final String NAME = "marketdata-svc";
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(20);

    private MarketDataPart(TestStack stack) {
        super(stack, NAME, MarketDataApp.class);
    }

    /** The marketdata-svc part of {@code stack} (a handle: nothing starts until {@link #start()}). */
    public static MarketDataPart on(TestStack stack) {
        return new MarketDataPart(stack);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                MarketDataConfig.GRACE, "300ms",
                MarketDataConfig.BATCH_DELAY, "20ms",
                MarketDataConfig.STATS_INTERVAL, "PT0S");
    }

    @Override
    protected MarketDataApp launch(Config config) throws Exception {
        return MarketDataApp.start(MarketDataConfig.from(config), stack().database(), stack().channel(GatewayPart.NAME),
                stack().serverBuilder(NAME), stack().telemetry());
    }

    /** The running service. */
    public MarketDataApp app() {
        return instance();
    }

    public MarketDataGrpc.MarketDataBlockingStub blocking() {
        return MarketDataGrpc.newBlockingStub(channel());
    }

    public MarketDataGrpc.MarketDataStub async() {
        return MarketDataGrpc.newStub(channel());
    }

    /** Subscribes {@code user} to each instrument, one call each. */
    public void subscribe(String user, InstrumentId... instruments) {
        for (InstrumentId id : instruments) {
            blocking().subscribe(SubscribeRequest.newBuilder().setUserId(user).setInstrument(id).build());
        }
    }

    /**
     * Waits until ingestion is live end to end: the gateway itself counts marketdata's trade stream and holds
     * {@code instruments} subscriptions, and marketdata-svc ingests that many. Starting the tape earlier would send
     * trades to nobody.
     */
    public void awaitLive(int instruments) throws InterruptedException {
        TestStack.await(() -> {
            Gateway gateway = stack().instance(GatewayPart.NAME, Gateway.class);
            return gateway.service().openTradeStreams() >= 1 && gateway.engine().subscriptions().size() >= instruments
                    && app().ingesting().size() == instruments;
        }, LIVE_TIMEOUT, () -> "marketdata's stream at the gateway and " + instruments + " subscriptions (ingesting "
                + app().ingesting() + ")");
    }

    /** Trades stored in PostgreSQL, edits not counted. */
    public long storedTrades() {
        return stack().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marketdata.trades")
                .mapTo(Long.class).one());
    }

    /** Empties marketdata's tables (migrating the schema first if needed), so a test starts clean. */
    public void truncate() {
        var database = stack().database();
        database.migrate(MarketDataApp.SCHEMA, "classpath:db/migration/marketdata");
        database.jdbi().useHandle(h -> h.execute(
                "TRUNCATE marketdata.trades, marketdata.trade_edits, marketdata.subscriptions, marketdata.repairs"));
    }
}
