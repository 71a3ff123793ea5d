package blackbox.web;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.DatabaseConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * web-bff settings, read once at start from the environment (keys in web-bff/README.md). Every bad value throws
 * {@link ConfigException} naming the key.
 *
 * @param jwtSecret the HS256 secret (>= 32 bytes), or empty: a random one is made per start
 * @param loginPerUserPerMinute wrong passwords per (username, client address) before the back-off starts
 * @param orderSide the order side {@code bin/web} connects to ({@code BLACKBOX_WEB_ACCOUNTS} set), else empty
 */
public record WebBffConfig(String host, int port, List<String> allowedOrigins, Optional<byte[]> jwtSecret,
                           Duration accessTtl, Duration refreshTtl, int wsMaxUpdatesPerSecond,
                           int wsMaxTradeUpdatesPerSecond, int wsQueue,
                           int loginPerUserPerMinute, int loginPerAddressPerMinute, String marketDataTarget,
                           String candlesTarget, String gatewayTarget, Optional<OrderSideTargets> orderSide,
                           DatabaseConfig database) {
    public static final String HOST = "BLACKBOX_WEB_HOST";
    public static final String PORT = "BLACKBOX_WEB_PORT";
    public static final String ALLOWED_ORIGINS = "BLACKBOX_WEB_ALLOWED_ORIGINS";
    public static final String JWT_SECRET = "BLACKBOX_WEB_JWT_SECRET";
    public static final String JWT_SECRET_FILE = "BLACKBOX_WEB_JWT_SECRET_FILE";
    public static final String ACCESS_TTL = "BLACKBOX_WEB_ACCESS_TOKEN_TTL";
    public static final String REFRESH_TTL = "BLACKBOX_WEB_REFRESH_TOKEN_TTL";
    public static final String WS_MAX_UPDATES = "BLACKBOX_WEB_WS_MAX_UPDATES_PER_SECOND";
    public static final String WS_MAX_TRADE_UPDATES = "BLACKBOX_WEB_WS_MAX_TRADE_UPDATES_PER_SECOND";
    public static final String WS_QUEUE = "BLACKBOX_WEB_WS_QUEUE";
    public static final String LOGIN_PER_USER = "BLACKBOX_WEB_LOGIN_ATTEMPTS_PER_USER";
    public static final String LOGIN_PER_ADDRESS = "BLACKBOX_WEB_LOGIN_ATTEMPTS_PER_ADDRESS";
    public static final String MARKETDATA_TARGET = "BLACKBOX_MARKETDATA_TARGET";
    public static final String CANDLES_TARGET = "BLACKBOX_CANDLES_TARGET";
    public static final String GATEWAY_TARGET = "BLACKBOX_GATEWAY_TARGET";
    public static final String ACCOUNTS = "BLACKBOX_WEB_ACCOUNTS";
    public static final String DESK = "BLACKBOX_WEB_DESK";
    public static final String OMS_TARGET = "BLACKBOX_OMS_TARGET";
    public static final String RISK_TARGET = "BLACKBOX_RISK_TARGET";
    public static final String POSITIONS_TARGET = "BLACKBOX_POSITIONS_TARGET";

    /**
     * Where the order side answers, for {@code bin/web} (in {@code blackbox up} the stack passes its channels).
     *
     * @param accounts oms-svc's accounts file (its format or the simulator's roster)
     * @param desk the desk every user of this web-bff belongs to
     */
    public record OrderSideTargets(Path accounts, String desk, String oms, String risk, String positions) {
    }

    public static WebBffConfig from(Config c) {
        List<String> origins = c.list(ALLOWED_ORIGINS);
        for (String o : origins) {
            if (!o.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw Config.invalid(ALLOWED_ORIGINS, o, "each origin must be scheme://host[:port], e.g. http://127.0.0.1:5173");
            }
        }
        Duration access = positive(c, ACCESS_TTL, Duration.ofMinutes(15));
        Duration refresh = positive(c, REFRESH_TTL, Duration.ofHours(12));
        int updates = c.integer(WS_MAX_UPDATES, 10, 1, 1000);
        if (refresh.compareTo(access) <= 0) throw Config.invalid(REFRESH_TTL, c.string(REFRESH_TTL, ""), "must be longer than " + ACCESS_TTL + " (" + access + ")");
        return new WebBffConfig(
                c.string(HOST, "127.0.0.1"),
                c.integer(PORT, 8080, 0, 65535),
                origins,
                secret(c),
                access, refresh,
                updates,
                c.integer(WS_MAX_TRADE_UPDATES, 1000, 1, 1000), // trades flow at their own pace (≤ 1 ms batching); candles stay coalesced
                c.integer(WS_QUEUE, 4096, 16, 1_000_000),
                c.integer(LOGIN_PER_USER, 5, 1, 10_000),
                c.integer(LOGIN_PER_ADDRESS, 30, 1, 100_000),
                c.string(MARKETDATA_TARGET, "127.0.0.1:50052"),
                c.string(CANDLES_TARGET, "127.0.0.1:50053"),
                c.string(GATEWAY_TARGET, "127.0.0.1:50051"),
                orderSide(c),
                DatabaseConfig.from(c));
    }

    private static Optional<OrderSideTargets> orderSide(Config c) {
        Optional<String> accounts = c.find(ACCOUNTS);
        if (accounts.isEmpty()) return Optional.empty();
        Path file = Path.of(accounts.get());
        if (!Files.isReadable(file)) throw Config.invalid(ACCOUNTS, accounts.get(), "no such readable file");
        String desk = c.string(DESK, blackbox.web.orders.DeskAccounts.ROSTER_DESK);
        if (!desk.matches("[A-Za-z0-9._-]{1,64}")) throw Config.invalid(DESK, desk, "must match [A-Za-z0-9._-]{1,64}");
        return Optional.of(new OrderSideTargets(file, desk, c.string(OMS_TARGET, "127.0.0.1:50054"),
                c.string(RISK_TARGET, "127.0.0.1:50055"), c.string(POSITIONS_TARGET, "127.0.0.1:50056")));
    }

    private static Duration positive(Config c, String key, Duration dflt) {
        Duration d = c.duration(key, dflt);
        if (d.isNegative() || d.isZero()) throw Config.invalid(key, c.string(key, ""), "must be > 0");
        return d;
    }

    private static Optional<byte[]> secret(Config c) {
        Optional<String> inline = c.find(JWT_SECRET);
        Optional<String> file = c.find(JWT_SECRET_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigException(JWT_SECRET, "set either " + JWT_SECRET + " or " + JWT_SECRET_FILE + ", not both");
        }
        String key = inline.isPresent() ? JWT_SECRET : JWT_SECRET_FILE;
        Optional<String> text = inline;
        if (file.isPresent()) {
            try {
                text = Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw Config.invalid(JWT_SECRET_FILE, file.get(), "cannot be read (" + e.getMessage() + ")");
            }
        }
        if (text.isEmpty()) return Optional.empty();
        byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
        // the value itself is a secret: never echo it
        if (bytes.length < 32) throw new ConfigException(key, "must be at least 32 bytes (HS256), got " + bytes.length);
        return Optional.of(bytes);
    }
}
