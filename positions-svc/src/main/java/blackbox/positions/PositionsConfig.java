package blackbox.positions;

import blackbox.platform.config.Config;
import blackbox.platform.db.DatabaseConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * positions-svc's settings, read and validated once at start (keys and defaults in {@code positions-svc/README.md});
 * a bad value throws {@link blackbox.platform.config.ConfigException} naming the key. The instrument master, fee
 * table and client groups files are read (and validated, naming file, line, field and value) by {@link PositionsApp}.
 *
 * @param redisUrl {@code redis://host:port}; empty: an embedded server of this process
 * @param marketDataTarget marketdata-svc for the marks; empty ({@code off}): no marks (unrealized P&amp;L unknown)
 * @param batch the most oms-svc order events one transaction takes
 * @param markInterval how often the latest trade prices are handed to the engine
 * @param resyncInterval how often Redis is checked and rewritten when it lost the state
 */
public record PositionsConfig(String host, int port, Optional<String> redisUrl, String omsTarget,
                              Optional<String> marketDataTarget, String gatewayTarget, Optional<Path> instrumentsFile,
                              Optional<Path> feesFile, Optional<Path> groupsFile, Optional<Path> accountsFile,
                              int batch, int queue,
                              Duration markInterval, Duration resyncInterval, Duration statsInterval,
                              DatabaseConfig database) {
    public static final String HOST = "BLACKBOX_POSITIONS_HOST";
    public static final String PORT = "BLACKBOX_POSITIONS_PORT";
    public static final String REDIS_URL = "BLACKBOX_REDIS_URL";
    public static final String OMS = "BLACKBOX_OMS_TARGET";
    public static final String MARKETDATA = "BLACKBOX_MARKETDATA_TARGET";
    public static final String GATEWAY = "BLACKBOX_GATEWAY_TARGET";
    public static final String INSTRUMENTS = "BLACKBOX_POSITIONS_INSTRUMENTS";
    public static final String FEES = "BLACKBOX_POSITIONS_FEES";
    public static final String GROUPS = "BLACKBOX_POSITIONS_GROUPS";
    public static final String ACCOUNTS = "BLACKBOX_POSITIONS_ACCOUNTS";
    public static final String BATCH = "BLACKBOX_POSITIONS_BATCH";
    public static final String QUEUE = "BLACKBOX_POSITIONS_QUEUE";
    public static final String MARK_INTERVAL = "BLACKBOX_POSITIONS_MARK_INTERVAL";
    public static final String RESYNC_INTERVAL = "BLACKBOX_POSITIONS_RESYNC_INTERVAL";
    public static final String STATS_INTERVAL = "BLACKBOX_POSITIONS_STATS_INTERVAL";

    public static PositionsConfig from(Config config) {
        Optional<String> redis = config.find(REDIS_URL);
        redis.ifPresent(url -> {
            if (!url.matches("rediss?://[^\\s/]+:\\d{1,5}")) throw Config.invalid(REDIS_URL, url, "must be redis://host:port");
        });
        String md = config.string(MARKETDATA, "127.0.0.1:50052");
        Optional<String> marketData = md.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(target(MARKETDATA, md));
        return new PositionsConfig(
                config.string(HOST, "127.0.0.1"),
                config.integer(PORT, 50056, 0, 65535),
                redis,
                target(OMS, config.string(OMS, "127.0.0.1:50054")),
                marketData,
                target(GATEWAY, config.string(GATEWAY, "127.0.0.1:50051")),
                file(config, INSTRUMENTS),
                file(config, FEES),
                file(config, GROUPS),
                file(config, ACCOUNTS),
                config.integer(BATCH, 4_096, 1, 100_000),
                config.integer(QUEUE, 100_000, 1_000, 10_000_000),
                positive(config, MARK_INTERVAL, Duration.ofMillis(200)),
                positive(config, RESYNC_INTERVAL, Duration.ofSeconds(1)),
                config.duration(STATS_INTERVAL, Duration.ofSeconds(30)),
                DatabaseConfig.from(config));
    }

    private static String target(String key, String t) {
        if (!t.matches("[^:\\s]+:\\d{1,5}")) throw Config.invalid(key, t, "must be host:port");
        return t;
    }

    private static Optional<Path> file(Config config, String key) {
        return config.find(key).map(p -> {
            try {
                return Path.of(p);
            } catch (InvalidPathException e) {
                throw Config.invalid(key, p, "must be a file path");
            }
        });
    }

    private static Duration positive(Config config, String key, Duration fallback) {
        Duration d = config.duration(key, fallback);
        if (d.isNegative() || d.isZero()) throw Config.invalid(key, config.string(key, ""), "must be > 0");
        return d;
    }
}
