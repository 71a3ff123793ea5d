package blackbox.marketdata;

import blackbox.platform.config.Config;
import blackbox.platform.db.DatabaseConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * marketdata-svc's settings, read and validated once at start (keys in {@code marketdata-svc/README.md}).
 */
public record MarketDataConfig(String host, int port, String gatewayTarget, Duration grace, int spoolCapacity, int batchRows,
                               Duration batchDelay, int streamBuffer, ZoneId exchangeZone, int partitionsAhead,
                               Duration statsInterval, DatabaseConfig database) {
    public static final String HOST = "BLACKBOX_MARKETDATA_HOST";
    public static final String PORT = "BLACKBOX_MARKETDATA_PORT";
    public static final String GATEWAY = "BLACKBOX_GATEWAY_TARGET";
    public static final String GRACE = "BLACKBOX_MARKETDATA_GRACE";
    public static final String SPOOL = "BLACKBOX_MARKETDATA_SPOOL";
    public static final String BATCH_ROWS = "BLACKBOX_MARKETDATA_BATCH_ROWS";
    public static final String BATCH_DELAY = "BLACKBOX_MARKETDATA_BATCH_DELAY";
    public static final String STREAM_BUFFER = "BLACKBOX_MARKETDATA_STREAM_BUFFER";
    public static final String TIMEZONE = "BLACKBOX_EXCHANGE_TIMEZONE";
    public static final String PARTITIONS_AHEAD = "BLACKBOX_MARKETDATA_PARTITIONS_AHEAD";
    public static final String STATS_INTERVAL = "BLACKBOX_MARKETDATA_STATS_INTERVAL";

    public static MarketDataConfig from(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(TIMEZONE, "America/Sao_Paulo"));
        } catch (DateTimeException e) {
            throw Config.invalid(TIMEZONE, config.string(TIMEZONE, ""), "must be a tzdb zone such as America/Sao_Paulo");
        }
        String gateway = config.string(GATEWAY, "127.0.0.1:50051");
        if (!gateway.matches("[^:\\s]+:\\d{1,5}")) throw Config.invalid(GATEWAY, gateway, "must be host:port");
        Duration grace = config.duration(GRACE, Duration.ofSeconds(30));
        if (grace.isNegative()) throw Config.invalid(GRACE, config.string(GRACE, ""), "must be >= 0");
        Duration delay = config.duration(BATCH_DELAY, Duration.ofMillis(50));
        if (delay.isNegative() || delay.isZero()) throw Config.invalid(BATCH_DELAY, config.string(BATCH_DELAY, ""), "must be > 0");
        return new MarketDataConfig(
                config.string(HOST, "127.0.0.1"),
                config.integer(PORT, 50052, 0, 65535),
                gateway,
                grace,
                config.integer(SPOOL, 2_000_000, 1_000, 100_000_000),
                config.integer(BATCH_ROWS, 50_000, 1, 1_000_000),
                delay,
                config.integer(STREAM_BUFFER, 100_000, 1_000, 10_000_000),
                zone,
                config.integer(PARTITIONS_AHEAD, 7, 0, 366),
                config.duration(STATS_INTERVAL, Duration.ofSeconds(10)),
                DatabaseConfig.from(config));
    }
}
