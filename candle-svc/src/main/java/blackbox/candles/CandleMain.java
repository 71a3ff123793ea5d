package blackbox.candles;

import blackbox.platform.db.Database;
import blackbox.platform.service.ServiceMain;
import io.grpc.ManagedChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candle-svc process ({@code bin/candles}), started by {@link ServiceMain}: configuration from the environment
 * (a bad value exits 2 naming the key), PostgreSQL, the channel to marketdata-svc, the service on
 * {@code BLACKBOX_CANDLES_HOST:PORT}; on SIGTERM the service closes first (writing its last candles), then the
 * channel and the database.
 */
public final class CandleMain {
    private static final Logger log = LoggerFactory.getLogger(CandleMain.class);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(10);

    private CandleMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("candle-svc", CandleConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            ManagedChannel marketData = startup.channel(config.marketDataTarget());
            CandleApp app = startup.closeOnShutdown("candle-svc", CandleApp.start(config, database, marketData,
                    startup.server(config.host(), config.port()), startup.telemetry()));
            log.info("candle-svc listening on {}:{}; marketdata-svc {}; rectification window {}", config.host(), app.port(),
                    config.marketDataTarget(), config.rectificationWindow());
            startup.logStats(STATS_INTERVAL, app::stats);
        });
    }
}
