package blackbox.oms;

import blackbox.platform.config.Config;
import blackbox.platform.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * oms-svc's settings, read and validated once at start (keys and defaults in {@code oms-svc/README.md}); a bad value
 * throws {@link blackbox.platform.config.ConfigException} naming the key.
 *
 * @param accounts the client accounts file ({@link blackbox.oms.config.AccountsFile})
 * @param instruments the instrument master file, empty for the documented defaults
 * @param positionsTarget positions-svc's {@code host:port}; empty when unset (orders are denied), {@code none} for flat
 *     positions
 * @param redisUrl risk-svc's Redis broadcast; empty to poll PostgreSQL every {@code riskPoll}
 * @param maxInFlight gateway calls in flight at most
 * @param sendDeadline deadline of each gateway call
 * @param gateWait how long a new order waits for its account to be reconciled before UNAVAILABLE
 * @param reconcileGrace after oms-svc's start, how long before the first reconciliation (a send the previous process had
 *     on its way lands at the gateway first)
 * @param reconcileQuiet the report stream must have been open and silent this long before an account is reconciled
 * @param streamBuffer events buffered per StreamOrderEvents client before RESOURCE_EXHAUSTED
 * @param writeBatch most commands and reports per transaction (group commit)
 * @param candlesTarget candle-svc's {@code host:port}, the history of VWAP volume profiles; empty (or {@code none}):
 *     every VWAP runs on equal weights and says so
 */
public record OmsConfig(String host, int port, String gatewayTarget, Path accounts, Optional<Path> instruments,
                        Optional<String> positionsTarget, Optional<String> redisUrl, Duration riskPoll, int maxInFlight,
                        Duration sendDeadline, Duration gateWait, Duration reconcileGrace, Duration reconcileQuiet,
                        int reconcileThreads, int streamBuffer, int writeBatch, ZoneId exchangeZone, Duration statsInterval,
                        DatabaseConfig database, Optional<String> candlesTarget) {
    public static final String HOST = "BLACKBOX_OMS_HOST";
    public static final String PORT = "BLACKBOX_OMS_PORT";
    public static final String GATEWAY = "BLACKBOX_GATEWAY_TARGET";
    public static final String ACCOUNTS = "BLACKBOX_OMS_ACCOUNTS";
    public static final String INSTRUMENTS = "BLACKBOX_OMS_INSTRUMENTS";
    public static final String POSITIONS = "BLACKBOX_OMS_POSITIONS_TARGET";
    public static final String REDIS = "BLACKBOX_REDIS_URL";
    public static final String RISK_POLL = "BLACKBOX_OMS_RISK_POLL";
    public static final String MAX_IN_FLIGHT = "BLACKBOX_OMS_MAX_IN_FLIGHT";
    public static final String SEND_DEADLINE = "BLACKBOX_OMS_SEND_DEADLINE";
    public static final String GATE_WAIT = "BLACKBOX_OMS_GATE_WAIT";
    public static final String RECONCILE_GRACE = "BLACKBOX_OMS_RECONCILE_GRACE";
    public static final String RECONCILE_QUIET = "BLACKBOX_OMS_RECONCILE_QUIET";
    public static final String RECONCILE_THREADS = "BLACKBOX_OMS_RECONCILE_THREADS";
    public static final String STREAM_BUFFER = "BLACKBOX_OMS_STREAM_BUFFER";
    public static final String WRITE_BATCH = "BLACKBOX_OMS_WRITE_BATCH";
    public static final String TIMEZONE = "BLACKBOX_EXCHANGE_TIMEZONE";
    public static final String STATS_INTERVAL = "BLACKBOX_OMS_STATS_INTERVAL";
    public static final String CANDLES = "BLACKBOX_OMS_CANDLES_TARGET";

    public static OmsConfig from(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(TIMEZONE, "America/Sao_Paulo"));
        } catch (DateTimeException e) {
            throw Config.invalid(TIMEZONE, config.string(TIMEZONE, ""), "must be a tzdb zone such as America/Sao_Paulo");
        }
        String gateway = config.string(GATEWAY, "127.0.0.1:50051");
        if (!gateway.matches("[^:\\s]+:\\d{1,5}")) throw Config.invalid(GATEWAY, gateway, "must be host:port");
        Path accounts = readable(config, ACCOUNTS, config.required(ACCOUNTS));
        Optional<Path> instruments = config.find(INSTRUMENTS).map(v -> readable(config, INSTRUMENTS, v));
        Optional<String> positions = config.find(POSITIONS);
        if (positions.isPresent() && !positions.get().equals("none") && !positions.get().matches("[^:\\s]+:\\d{1,5}")) {
            throw Config.invalid(POSITIONS, positions.get(), "must be host:port or none");
        }
        Optional<String> candles = config.find(CANDLES).filter(c -> !c.equals("none"));
        if (candles.isPresent() && !candles.get().matches("[^:\\s]+:\\d{1,5}")) {
            throw Config.invalid(CANDLES, candles.get(), "must be host:port or none");
        }
        Optional<String> redis = config.find(REDIS);
        if (redis.isPresent() && !redis.get().matches("rediss?://\\S+")) throw Config.invalid(REDIS, redis.get(), "must be redis://host:port");
        return new OmsConfig(
                config.string(HOST, "127.0.0.1"),
                config.integer(PORT, 50054, 0, 65535),
                gateway,
                accounts,
                instruments,
                positions,
                redis,
                positive(config, RISK_POLL, Duration.ofSeconds(1)),
                config.integer(MAX_IN_FLIGHT, 512, 1, 100_000),
                positive(config, SEND_DEADLINE, Duration.ofSeconds(5)),
                positive(config, GATE_WAIT, Duration.ofSeconds(5)),
                nonNegative(config, RECONCILE_GRACE, Duration.ofSeconds(2)),
                nonNegative(config, RECONCILE_QUIET, Duration.ofMillis(300)),
                config.integer(RECONCILE_THREADS, 4, 1, 64),
                config.integer(STREAM_BUFFER, 100_000, 100, 10_000_000),
                config.integer(WRITE_BATCH, 2_048, 1, 100_000),
                zone,
                config.duration(STATS_INTERVAL, Duration.ofSeconds(10)),
                DatabaseConfig.from(config),
                candles);
    }

    private static Path readable(Config config, String key, String value) {
        try {
            Path p = Path.of(value);
            if (!Files.isReadable(p)) throw Config.invalid(key, value, "no such readable file");
            return p;
        } catch (InvalidPathException e) {
            throw Config.invalid(key, value, "must be a file path");
        }
    }

    private static Duration positive(Config config, String key, Duration defaultValue) {
        Duration d = config.duration(key, defaultValue);
        if (d.isNegative() || d.isZero()) throw Config.invalid(key, config.string(key, ""), "must be > 0");
        return d;
    }

    private static Duration nonNegative(Config config, String key, Duration defaultValue) {
        Duration d = config.duration(key, defaultValue);
        if (d.isNegative()) throw Config.invalid(key, config.string(key, ""), "must be >= 0");
        return d;
    }
}
