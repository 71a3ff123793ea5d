package blackbox.marketdata;

import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.Database;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The marketdata-svc process. Configuration from the environment; a bad value exits 2 naming the key. */
public final class MarketDataMain {
    private static final Logger log = LoggerFactory.getLogger(MarketDataMain.class);

    private MarketDataMain() {
    }

    public static void main(String[] args) throws Exception {
        Config raw = Config.fromEnvironment();
        MarketDataConfig config;
        try {
            Logging.configure(raw);
            config = MarketDataConfig.from(raw);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Telemetry telemetry = Telemetry.create("marketdata-svc", raw);
        Database database = Database.connect(config.database());
        // our hook below closes the database after the last trade is written; no other hook may race it
        database.embeddedServer().ifPresent(server -> server.handOverShutdown());
        ManagedChannel gateway = NettyChannelBuilder.forTarget(config.gatewayTarget()).usePlaintext().build();
        MarketDataApp app = MarketDataApp.start(config, database, gateway,
                NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port())), telemetry);
        log.info("marketdata-svc listening on {}:{}; gateway {}", config.host(), app.port(), config.gatewayTarget());
        var stats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats");
            t.setDaemon(true);
            return t;
        });
        if (!config.statsInterval().isZero()) {
            stats.scheduleAtFixedRate(() -> log.info(app.stats()), config.statsInterval().toMillis(),
                    config.statsInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stats.shutdownNow();
            app.close();
            gateway.shutdownNow();
            database.close();
            telemetry.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
