package blackbox.gateway;

import blackbox.platform.service.ServiceMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dll-gateway process ({@code bin/gateway}), started by {@link ServiceMain} as every service is: configuration from
 * the environment (or {@code BLACKBOX_CONFIG_FILE}), validated once (a bad value exits 2 naming the key); the DLL
 * session and the gRPC service on {@code BLACKBOX_GATEWAY_HOST:PORT}; the stats line every
 * {@code BLACKBOX_GATEWAY_STATS_INTERVAL}; on SIGINT/SIGTERM the gateway closes (the DLL finalized, the order journal
 * flushed), then telemetry.
 */
public final class GatewayMain {
    private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceMain.run("dll-gateway", GatewayConfig::from, (config, startup) -> {
            Gateway gateway = startup.closeOnShutdown("dll-gateway",
                    Gateway.start(config, startup.server(config.host(), config.port()), startup.telemetry()));
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
            startup.logStats(config.statsInterval(), new StatsLine(gateway, config.statsInterval().toMillis())::next);
        });
    }

    /** The periodic stats line: state, trades and their rate since the last line, streams, routing, reports. */
    private static final class StatsLine {
        private final Gateway gateway;
        private final long everyMillis;
        private long lastTrades;

        StatsLine(Gateway gateway, long everyMillis) {
            this.gateway = gateway;
            this.everyMillis = Math.max(1, everyMillis);
        }

        String next() {
            long trades = gateway.service().tradesIn();
            var status = gateway.engine().status();
            var trading = gateway.trading().engine();
            String line = String.format("state %s | trades %d (+%d/s) | streams %d | ring backlog %d | overflows %d | reconnects %d"
                            + " | routing %s | execution reports %d | orders in doubt %d", status.state(), trades,
                    (trades - lastTrades) * 1000 / everyMillis, gateway.service().openTradeStreams(), gateway.engine().backlog(),
                    status.overflows(), status.reconnects(),
                    trading.routingReady() ? "connected" : "down (1," + trading.routingResult() + ")", trading.reportsOut(),
                    trading.ordersInDoubt());
            lastTrades = trades;
            return line;
        }
    }
}
