package blackbox.positions;

import blackbox.platform.db.Database;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.platform.service.ServiceMain;
import io.grpc.ManagedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The positions-svc process ({@code bin/positions}), started by {@link ServiceMain}: configuration from the
 * environment (a bad value exits 2 naming the key), PostgreSQL, Redis ({@code BLACKBOX_REDIS_URL}, else an embedded
 * server of this process under {@code BLACKBOX_DATA_DIR/positions-svc}), the channels to oms-svc, marketdata-svc
 * (unless {@code off}) and the gateway, the service on {@code BLACKBOX_POSITIONS_HOST:PORT}; on SIGTERM the service
 * closes first, then the channels, Redis and the database.
 */
public final class PositionsMain {
    private static final Logger LOG = LoggerFactory.getLogger(PositionsMain.class);

    private PositionsMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("positions-svc", PositionsConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            String redisUrl = config.redisUrl().isPresent() ? config.redisUrl().get()
                    : startup.closeOnShutdown("embedded Redis", EmbeddedRedisServer.start(
                            config.database().dataDir().resolve("positions-svc"), 0, 256)).url();
            ManagedChannel oms = startup.channel(config.omsTarget());
            ManagedChannel marketData = config.marketDataTarget().map(startup::channel).orElse(null);
            ManagedChannel gateway = startup.channel(config.gatewayTarget());
            PositionsApp app = startup.closeOnShutdown("positions-svc", PositionsApp.start(config, database, redisUrl, oms,
                    marketData, gateway, startup.server(config.host(), config.port()), startup.telemetry()));
            LOG.info("positions-svc listening on {}:{}; Redis {}; oms-svc {}, marketdata-svc {}, gateway {}", config.host(),
                    app.port(), redisUrl, config.omsTarget(), config.marketDataTarget().orElse("off (no marks)"),
                    config.gatewayTarget());
            startup.logStats(config.statsInterval(), app::stats);
        });
    }
}
