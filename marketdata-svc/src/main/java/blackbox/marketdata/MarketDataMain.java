package blackbox.marketdata;

import blackbox.platform.db.Database;
import blackbox.platform.service.ServiceMain;
import io.grpc.ManagedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketdata-svc process ({@code bin/marketdata}), started by {@link ServiceMain}: configuration from the
 * environment (a bad value exits 2 naming the key), PostgreSQL, the channel to dll-gateway, the service on
 * {@code BLACKBOX_MARKETDATA_HOST:PORT}; on SIGTERM the service closes first (writing what is spooled), then the
 * channel and the database.
 */
public final class MarketDataMain {
    private static final Logger log = LoggerFactory.getLogger(MarketDataMain.class);

    private MarketDataMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("marketdata-svc", MarketDataConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            ManagedChannel gateway = startup.channel(config.gatewayTarget());
            MarketDataApp app = startup.closeOnShutdown("marketdata-svc", MarketDataApp.start(config, database, gateway,
                    startup.server(config.host(), config.port()), startup.telemetry()));
            log.info("marketdata-svc listening on {}:{}; gateway {}", config.host(), app.port(), config.gatewayTarget());
            startup.logStats(config.statsInterval(), app::stats);
        });
    }
}
