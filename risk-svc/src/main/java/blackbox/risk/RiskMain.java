package blackbox.risk;

import blackbox.platform.db.Database;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.platform.service.ServiceMain;
import io.grpc.ManagedChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk-svc process ({@code bin/risk}), started by {@link ServiceMain}: configuration from the environment (a bad
 * value exits 2 naming the key), PostgreSQL, Redis ({@code BLACKBOX_REDIS_URL}, else an embedded server of this
 * process under {@code BLACKBOX_DATA_DIR/risk-svc}), the channels to oms-svc, positions-svc and the gateway, the
 * service on {@code BLACKBOX_RISK_HOST:PORT}; on SIGTERM the service closes first, then the channels, Redis and the
 * database.
 */
public final class RiskMain {
    private static final Logger LOG = LoggerFactory.getLogger(RiskMain.class);

    private RiskMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("risk-svc", RiskConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            String redisUrl = config.redisUrl().isPresent() ? config.redisUrl().get()
                    : startup.closeOnShutdown("embedded Redis", EmbeddedRedisServer.start(
                            config.database().dataDir().resolve("risk-svc"), 0, 64)).url();
            ManagedChannel oms = startup.channel(config.omsTarget());
            ManagedChannel positions = startup.channel(config.positionsTarget());
            ManagedChannel gateway = startup.channel(config.gatewayTarget());
            RiskApp app = startup.closeOnShutdown("risk-svc", RiskApp.start(config, database, redisUrl, oms, positions,
                    gateway, startup.server(config.host(), config.port()), startup.telemetry()));
            LOG.info("risk-svc listening on {}:{}; Redis {}; oms-svc {}, positions-svc {}, gateway {}", config.host(),
                    app.port(), redisUrl, config.omsTarget(), config.positionsTarget(), config.gatewayTarget());
            startup.logStats(config.statsInterval(), app::stats);
        });
    }
}
