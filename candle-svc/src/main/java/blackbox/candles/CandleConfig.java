package blackbox.candles;

import blackbox.candles.core.ExchangeBuckets;
import blackbox.platform.config.Config;
import blackbox.platform.db.DatabaseConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * candle-svc's settings, read and validated once at start (keys in {@code candle-svc/README.md}).
 *
 * @param rectificationWindow how long after its minute closed a trade still updates candles at once
 * @param cycle how often changed candles are written and published
 */
public record CandleConfig(String host, int port, String marketDataTarget, Duration rectificationWindow,
                           ExchangeBuckets buckets, Duration cycle, int inboxBatches, int streamBuffer,
                           Duration reprocessInterval, DatabaseConfig database) {
    public static final String HOST = "BLACKBOX_CANDLES_HOST";
    public static final String PORT = "BLACKBOX_CANDLES_PORT";
    public static final String MARKETDATA = "BLACKBOX_MARKETDATA_TARGET";
    public static final String WINDOW = "BLACKBOX_CANDLES_RECTIFICATION_WINDOW";
    public static final String TIMEZONE = "BLACKBOX_EXCHANGE_TIMEZONE";
    public static final String TIMEZONES = "BLACKBOX_CANDLES_EXCHANGE_TIMEZONES";
    public static final String CYCLE = "BLACKBOX_CANDLES_CYCLE";
    public static final String INBOX = "BLACKBOX_CANDLES_INBOX_BATCHES";
    public static final String STREAM_BUFFER = "BLACKBOX_CANDLES_STREAM_BUFFER";
    public static final String REPROCESS_INTERVAL = "BLACKBOX_CANDLES_REPROCESS_INTERVAL";

    public static CandleConfig from(Config config) {
        String target = config.string(MARKETDATA, "127.0.0.1:50052");
        if (!target.matches("[^:\\s]+:\\d{1,5}")) throw Config.invalid(MARKETDATA, target, "must be host:port");
        Duration window = config.duration(WINDOW, Duration.ofMinutes(3));
        if (window.isNegative() || window.compareTo(Duration.ofDays(1)) > 0) {
            throw Config.invalid(WINDOW, config.string(WINDOW, ""), "must be between 0 and 1d");
        }
        Duration cycle = config.duration(CYCLE, Duration.ofMillis(50));
        if (cycle.toMillis() < 1 || cycle.compareTo(Duration.ofSeconds(5)) > 0) {
            throw Config.invalid(CYCLE, config.string(CYCLE, ""), "must be between 1ms and 5s");
        }
        Duration interval = config.duration(REPROCESS_INTERVAL, Duration.ofSeconds(2));
        if (interval.toMillis() < 10) {
            throw Config.invalid(REPROCESS_INTERVAL, config.string(REPROCESS_INTERVAL, ""), "must be >= 10ms");
        }
        return new CandleConfig(
                config.string(HOST, "127.0.0.1"),
                config.integer(PORT, 50053, 0, 65535),
                target,
                window,
                new ExchangeBuckets(zone(TIMEZONE, config.string(TIMEZONE, "America/Sao_Paulo")), zones(config)),
                cycle,
                config.integer(INBOX, 256, 4, 100_000),
                config.integer(STREAM_BUFFER, 10_000, 100, 1_000_000),
                interval,
                DatabaseConfig.from(config));
    }

    private static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw Config.invalid(key, value, "must be a tzdb zone such as America/Sao_Paulo");
        }
    }

    /** {@code EXCHANGE=Zone,...}, e.g. {@code SPOT=UTC,F=America/Sao_Paulo}. */
    private static Map<String, ZoneId> zones(Config config) {
        Map<String, ZoneId> zones = new HashMap<>();
        for (String item : config.list(TIMEZONES)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw Config.invalid(TIMEZONES, config.string(TIMEZONES, ""), "must be EXCHANGE=Zone,... such as SPOT=UTC");
            }
            zones.put(item.substring(0, eq).trim(), zone(TIMEZONES, item.substring(eq + 1).trim()));
        }
        return zones;
    }
}
