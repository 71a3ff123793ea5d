package blackbox.risk;

import blackbox.platform.config.Config;
import blackbox.platform.db.DatabaseConfig;
import blackbox.risk.core.Money;
import blackbox.risk.switches.CircuitBreaker;
import blackbox.risk.switches.SwitchState;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * risk-svc's settings, read and validated once at start (keys and defaults in {@code risk-svc/README.md}); a bad
 * value throws {@link blackbox.platform.config.ConfigException} naming the key.
 *
 * @param redisUrl {@code redis://host:port} of the Redis shared with oms-svc; empty: an embedded server of this
 *     process (risk-svc alone: no other process then follows its broadcast)
 * @param cancelTimeout how long a halt's cancel may stay unanswered before it is reported unconfirmed
 * @param viewAckTimeout how long a switch change waits for every following view (oms-svc's gates) to apply it
 *     before the command answers and the cancels go out
 * @param flattenSyncTimeout how long a flatten waits for positions-svc to reflect every order event risk-svc saw
 * @param panicFile the host's panic signal file, if configured
 * @param breakers the circuit breakers' thresholds; {@code rejectsOn}, {@code drawdownOn}, {@code routingOn} say
 *     which breakers run
 */
public record RiskConfig(String host, int port, Optional<String> redisUrl, String omsTarget, String positionsTarget,
                         String gatewayTarget, ZoneId exchangeZone, Duration cancelTimeout, Duration viewAckTimeout,
                         Duration flattenSyncTimeout, Optional<Path> panicFile, boolean panicFlatten,
                         CircuitBreaker.Rules breakers, boolean rejectsOn, boolean drawdownOn, boolean routingOn,
                         Duration drawdownInterval, Duration statsInterval, DatabaseConfig database) {
    public static final String HOST = "BLACKBOX_RISK_HOST";
    public static final String PORT = "BLACKBOX_RISK_PORT";
    public static final String REDIS_URL = "BLACKBOX_REDIS_URL";
    public static final String OMS = "BLACKBOX_OMS_TARGET";
    public static final String POSITIONS = "BLACKBOX_POSITIONS_TARGET";
    public static final String GATEWAY = "BLACKBOX_GATEWAY_TARGET";
    public static final String TIMEZONE = "BLACKBOX_EXCHANGE_TIMEZONE";
    public static final String CANCEL_TIMEOUT = "BLACKBOX_RISK_CANCEL_TIMEOUT";
    public static final String VIEW_ACK_TIMEOUT = "BLACKBOX_RISK_VIEW_ACK_TIMEOUT";
    public static final String FLATTEN_SYNC_TIMEOUT = "BLACKBOX_RISK_FLATTEN_SYNC_TIMEOUT";
    public static final String PANIC_FILE = "BLACKBOX_RISK_PANIC_FILE";
    public static final String PANIC_FLATTEN = "BLACKBOX_RISK_PANIC_FLATTEN";
    public static final String BREAKER_REJECTS = "BLACKBOX_RISK_BREAKER_REJECTS";
    public static final String BREAKER_REJECT_WINDOW = "BLACKBOX_RISK_BREAKER_REJECT_WINDOW";
    public static final String BREAKER_ON_REJECTS = "BLACKBOX_RISK_BREAKER_ON_REJECTS";
    public static final String BREAKER_DRAWDOWN = "BLACKBOX_RISK_BREAKER_DRAWDOWN";
    public static final String BREAKER_ON_DRAWDOWN = "BLACKBOX_RISK_BREAKER_ON_DRAWDOWN";
    public static final String BREAKER_DRAWDOWN_INTERVAL = "BLACKBOX_RISK_BREAKER_DRAWDOWN_INTERVAL";
    public static final String BREAKER_ON_ROUTING_LOSS = "BLACKBOX_RISK_BREAKER_ON_ROUTING_LOSS";
    public static final String STATS_INTERVAL = "BLACKBOX_RISK_STATS_INTERVAL";

    private static final Set<String> TRIP = Set.of("off", "reducing", "halted");

    public static RiskConfig from(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(TIMEZONE, "America/Sao_Paulo"));
        } catch (DateTimeException e) {
            throw Config.invalid(TIMEZONE, config.string(TIMEZONE, ""), "must be a tzdb zone such as America/Sao_Paulo");
        }
        Optional<String> redis = config.find(REDIS_URL);
        redis.ifPresent(url -> {
            if (!url.matches("rediss?://[^\\s/]+:\\d{1,5}")) throw Config.invalid(REDIS_URL, url, "must be redis://host:port");
        });
        Optional<Path> panic = config.find(PANIC_FILE).map(p -> {
            try {
                return Path.of(p).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw Config.invalid(PANIC_FILE, p, "must be a file path");
            }
        });

        int rejects = config.integer(BREAKER_REJECTS, 10, 0, 1_000_000);
        Duration window = positive(config, BREAKER_REJECT_WINDOW, Duration.ofSeconds(10));
        String onRejects = config.oneOf(BREAKER_ON_REJECTS, "halted", TRIP);
        Optional<String> drawdownText = config.find(BREAKER_DRAWDOWN);
        long drawdown = drawdownText.map(t -> brl(BREAKER_DRAWDOWN, t)).orElse(Long.MAX_VALUE);
        String onDrawdown = config.oneOf(BREAKER_ON_DRAWDOWN, "reducing", TRIP);
        String onRouting = config.oneOf(BREAKER_ON_ROUTING_LOSS, "halted", TRIP);
        CircuitBreaker.Rules rules = new CircuitBreaker.Rules(Math.max(rejects, 1), window, state(onRejects), drawdown,
                state(onDrawdown), state(onRouting));

        return new RiskConfig(
                config.string(HOST, "127.0.0.1"),
                config.integer(PORT, 50055, 0, 65535),
                redis,
                target(config, OMS, "127.0.0.1:50054"),
                target(config, POSITIONS, "127.0.0.1:50056"),
                target(config, GATEWAY, "127.0.0.1:50051"),
                zone,
                positive(config, CANCEL_TIMEOUT, Duration.ofSeconds(5)),
                positive(config, VIEW_ACK_TIMEOUT, Duration.ofSeconds(1)),
                positive(config, FLATTEN_SYNC_TIMEOUT, Duration.ofSeconds(2)),
                panic,
                config.bool(PANIC_FLATTEN, false),
                rules,
                rejects > 0 && !onRejects.equals("off"),
                drawdownText.isPresent() && !onDrawdown.equals("off"),
                !onRouting.equals("off"),
                positive(config, BREAKER_DRAWDOWN_INTERVAL, Duration.ofSeconds(1)),
                config.duration(STATS_INTERVAL, Duration.ofSeconds(30)),
                DatabaseConfig.from(config));
    }

    private static SwitchState state(String trip) {
        return trip.equals("reducing") ? SwitchState.REDUCING : SwitchState.HALTED; // "off" is carried by the flags
    }

    private static String target(Config config, String key, String fallback) {
        String t = config.string(key, fallback);
        if (!t.matches("[^:\\s]+:\\d{1,5}")) throw Config.invalid(key, t, "must be host:port");
        return t;
    }

    private static Duration positive(Config config, String key, Duration fallback) {
        Duration d = config.duration(key, fallback);
        if (d.isNegative() || d.isZero()) throw Config.invalid(key, config.string(key, ""), "must be > 0");
        return d;
    }

    /** BRL decimal text ({@code 50000.00}) as money at {@link Money#SCALE}. */
    private static long brl(String key, String text) {
        try {
            BigDecimal v = new BigDecimal(text.trim());
            if (v.signum() < 0) throw Config.invalid(key, text, "must be >= 0");
            if (v.scale() > Money.SCALE) throw Config.invalid(key, text, "must have at most " + Money.SCALE + " decimals");
            return v.movePointRight(Money.SCALE).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw Config.invalid(key, text, "must be BRL as a decimal such as 50000.00");
        }
    }
}
