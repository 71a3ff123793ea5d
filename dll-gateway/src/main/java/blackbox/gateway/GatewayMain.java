package blackbox.gateway;

import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dll-gateway process: configuration from the environment (or {@code BLACKBOX_CONFIG_FILE}), validated
 * once; a bad value stops it with exit code 2 and a line naming the key. Runs until SIGINT/SIGTERM.
 */
public final class GatewayMain {
    private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Config raw = Config.fromEnvironment();
        GatewayConfig config;
        try {
            Logging.configure(raw);
            config = GatewayConfig.from(raw);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Telemetry telemetry = Telemetry.create("dll-gateway", raw);
        Gateway gateway = Gateway.start(config,
                NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port())), telemetry);
        log.info("dll-gateway listening on {}:{}; library {}{}", config.host(), gateway.port(), gateway.library(),
                config.simulator() ? " (ProfitDLL simulator" + (config.usesSampleReplay() ? ", bundled Binance sample" : ", " + config.replayFiles())
                        + ", speed " + config.session().simulatorOptions().get("replay.speed") + ")" : "");
        if (!config.subscribeAtStart().isEmpty()) log.info("subscribing at start: {}", config.subscribeAtStart());
        if (config.session().marketOnly()) {
            log.info("trading: off (market-data-only login; {}=false for order routing)", GatewayConfig.MARKET_ONLY);
        } else {
            // the passwords' toString names how many and where from, never a password
            log.info("trading: full login with order routing; {}; order journal {}; {} execution reports kept for resumption",
                    gateway.trading().passwords(), config.trading().journalDir(), config.trading().reportBuffer());
        }

        ScheduledExecutorService stats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats");
            t.setDaemon(true);
            return t;
        });
        if (!config.statsInterval().isZero()) {
            long every = config.statsInterval().toMillis();
            long[] last = {0};
            stats.scheduleAtFixedRate(() -> {
                long trades = gateway.service().tradesIn();
                var status = gateway.engine().status();
                var trading = gateway.trading().engine();
                log.info("state {} | trades {} (+{}/s) | streams {} | ring backlog {} | overflows {} | reconnects {} | routing {} | "
                                + "execution reports {} | orders in doubt {}", status.state(), trades, (trades - last[0]) * 1000 / every,
                        gateway.service().openTradeStreams(), gateway.engine().backlog(), status.overflows(), status.reconnects(),
                        trading.routingReady() ? "connected" : "down (1," + trading.routingResult() + ")", trading.reportsOut(),
                        trading.ordersInDoubt());
                last[0] = trades;
            }, every, every, TimeUnit.MILLISECONDS);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            stats.shutdownNow();
            gateway.close();
            telemetry.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
