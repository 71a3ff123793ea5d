package blackbox.candles;

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

/** The candle-svc process. Configuration from the environment; a bad value exits 2 naming the key. */
public final class CandleMain {
    private static final Logger log = LoggerFactory.getLogger(CandleMain.class);

    private CandleMain() {
    }

    public static void main(String[] args) throws Exception {
        Config raw = Config.fromEnvironment();
        CandleConfig config;
        try {
            Logging.configure(raw);
            config = CandleConfig.from(raw);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Telemetry telemetry = Telemetry.create("candle-svc", raw);
        Database database = Database.connect(config.database());
        // our hook below closes the database after the last candles are written; no other hook may race it
        database.embeddedServer().ifPresent(server -> server.handOverShutdown());
        ManagedChannel marketData = NettyChannelBuilder.forTarget(config.marketDataTarget()).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        CandleApp app = CandleApp.start(config, database, marketData,
                NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port())), telemetry);
        log.info("candle-svc listening on {}:{}; marketdata-svc {}; rectification window {}", config.host(), app.port(),
                config.marketDataTarget(), config.rectificationWindow());
        var stats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats");
            t.setDaemon(true);
            return t;
        });
        stats.scheduleAtFixedRate(() -> log.info(app.stats()), 10, 10, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stats.shutdownNow();
            app.close();
            marketData.shutdownNow();
            database.close();
            telemetry.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
