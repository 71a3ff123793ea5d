package blackbox.oms;

import blackbox.platform.db.Database;
import blackbox.platform.service.ServiceMain;
import io.grpc.ManagedChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oms-svc process ({@code bin/oms}), started by {@link ServiceMain}: configuration from the environment (a bad value
 * exits 2 naming the key), PostgreSQL, the channels to dll-gateway and (when configured) positions-svc, the service on
 * {@code BLACKBOX_OMS_HOST:PORT}; on SIGTERM the service closes first (writing what is queued), then the channels and
 * the database.
 */
public final class OmsMain {
    private static final Logger log = LoggerFactory.getLogger(OmsMain.class);

    private OmsMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("oms-svc", OmsConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            ManagedChannel gateway = startup.channel(config.gatewayTarget());
            Optional<ManagedChannel> positions = config.positionsTarget().filter(t -> !t.equals("none")).map(startup::channel);
            blackbox.oms.algo.VolumeProfiles profiles = config.candlesTarget()
                    .<blackbox.oms.algo.VolumeProfiles>map(t -> new blackbox.oms.algo.engine.CandleVolumeProfiles(
                            blackbox.candles.v1.CandlesGrpc.newBlockingStub(startup.channel(t)), config.exchangeZone(),
                            java.time.Duration.ofSeconds(5)))
                    .orElse(blackbox.oms.algo.VolumeProfiles.NONE);
            OmsApp app = startup.closeOnShutdown("oms-svc", OmsApp.start(config, database, gateway, positions, config.redisUrl(),
                    startup.server(config.host(), config.port()), startup.telemetry(), OmsApp::now, profiles));
            log.info("oms-svc listening on {}:{}; gateway {}", config.host(), app.port(), config.gatewayTarget());
            startup.logStats(config.statsInterval(), app::stats);
        });
    }
}
