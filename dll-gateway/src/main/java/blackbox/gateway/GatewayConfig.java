package blackbox.gateway;

import blackbox.gateway.engine.EngineOptions;
import blackbox.gateway.session.RoutingPasswords;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.SessionOptions;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's settings, read and validated once at start. Every key, its default and its meaning is in
 * {@code dll-gateway/README.md}; a bad value throws {@link ConfigException} naming the key.
 *
 * @param host address to listen on (default loopback: the gateway has no authentication of its own yet)
 * @param port gRPC port, 0 for any free port
 * @param library the ProfitDLL to load; {@code null} means the bundled simulator
 * @param session the login
 * @param replayFiles replay files for the simulator (ignored for the real DLL)
 * @param subscribeAtStart instruments subscribed as soon as the DLL connects
 * @param engine engine tuning
 * @param streamBuffer messages buffered per trade stream before a slow client is cut off
 * @param statsInterval how often the gateway logs its throughput, zero for never
 * @param trading the trading API's settings
 */
public record GatewayConfig(String host, int port, Path library, SessionOptions session, List<Path> replayFiles,
                            List<InstrumentId> subscribeAtStart, EngineOptions engine, int streamBuffer, Duration statsInterval,
                            TradingConfig trading) {
    public static final String HOST = "BLACKBOX_GATEWAY_HOST";
    public static final String PORT = "BLACKBOX_GATEWAY_PORT";
    public static final String LIBRARY = "BLACKBOX_PROFITDLL_LIBRARY";
    public static final String ACTIVATION_KEY = "BLACKBOX_PROFITDLL_ACTIVATION_KEY";
    public static final String USER = "BLACKBOX_PROFITDLL_USER";
    public static final String PASSWORD = "BLACKBOX_PROFITDLL_PASSWORD";
    public static final String MARKET_ONLY = "BLACKBOX_PROFITDLL_MARKET_ONLY";
    public static final String TIMEZONE = "BLACKBOX_EXCHANGE_TIMEZONE";
    public static final String REPLAY = "BLACKBOX_SIM_REPLAY";
    public static final String SPEED = "BLACKBOX_SIM_SPEED";
    public static final String SIM_OPTIONS = "BLACKBOX_SIM_OPTIONS";
    public static final String SUBSCRIBE = "BLACKBOX_GATEWAY_SUBSCRIBE";
    public static final String RING_SIZE = "BLACKBOX_GATEWAY_RING_SIZE";
    public static final String STREAM_BUFFER = "BLACKBOX_GATEWAY_STREAM_BUFFER";
    public static final String RECONNECT_TIMEOUT = "BLACKBOX_GATEWAY_RECONNECT_TIMEOUT";
    public static final String BACKOFF_INITIAL = "BLACKBOX_GATEWAY_BACKOFF_INITIAL";
    public static final String BACKOFF_MAX = "BLACKBOX_GATEWAY_BACKOFF_MAX";
    public static final String HISTORY_TIMEOUT = "BLACKBOX_GATEWAY_HISTORY_TIMEOUT";
    public static final String INVALID_TICKER_WAIT = "BLACKBOX_GATEWAY_INVALID_TICKER_WAIT";
    public static final String STATS_INTERVAL = "BLACKBOX_GATEWAY_STATS_INTERVAL";
    public static final String ROUTING_PASSWORDS = "BLACKBOX_GATEWAY_ROUTING_PASSWORDS";
    public static final String SIM_ROSTER = "BLACKBOX_SIM_ROSTER";
    public static final String JOURNAL_DIR = "BLACKBOX_GATEWAY_JOURNAL_DIR";
    public static final String REPORT_BUFFER = "BLACKBOX_GATEWAY_REPORT_BUFFER";
    public static final String SERIALIZE_ROUTING = "BLACKBOX_GATEWAY_SERIALIZE_ROUTING";
    public static final String ORDER_HISTORY_TIMEOUT = "BLACKBOX_GATEWAY_ORDER_HISTORY_TIMEOUT";

    /** Slots of the hand-off ring: about 100 ms of trades at 2.5 million a second, ~20 MB preallocated. */
    public static final int DEFAULT_RING_SIZE = 1 << 18;

    /** The instruments of the bundled sample, subscribed by default when replaying it. */
    static final List<InstrumentId> SAMPLE_INSTRUMENTS =
            List.of(new InstrumentId("BTCUSDT", "SPOT"), new InstrumentId("ETHUSDT", "SPOT"));

    public boolean simulator() {
        return library == null || !library.getFileName().toString().toLowerCase().startsWith("profitdll");
    }

    /** Reads and validates; throws {@link ConfigException} naming the first bad key. */
    public static GatewayConfig from(Config config) {
        String host = config.string(HOST, "127.0.0.1");
        int port = config.integer(PORT, 50051, 0, 65535);
        Path library = config.find(LIBRARY).filter(v -> !v.equalsIgnoreCase("simulator")).map(Path::of).orElse(null);
        if (library != null && !Files.isRegularFile(library)) {
            throw Config.invalid(LIBRARY, library.toString(), "no such file");
        }
        boolean simulator = library == null || !library.getFileName().toString().toLowerCase().startsWith("profitdll");
        String key = simulator ? config.string(ACTIVATION_KEY, "SIMULATOR") : config.required(ACTIVATION_KEY);
        String user = simulator ? config.string(USER, "demo") : config.required(USER);
        String password = simulator ? config.string(PASSWORD, "demo") : config.required(PASSWORD);
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(TIMEZONE, "America/Sao_Paulo"));
        } catch (DateTimeException e) {
            throw Config.invalid(TIMEZONE, config.string(TIMEZONE, ""), "must be a tzdb zone such as America/Sao_Paulo");
        }

        List<Path> replay = new ArrayList<>();
        boolean sample = false;
        for (String file : config.find(REPLAY).map(v -> v.split(":")).orElse(new String[0])) {
            if (file.isBlank()) continue;
            Path path = Path.of(file.trim());
            if (!Files.isReadable(path)) throw Config.invalid(REPLAY, file, "no such readable file");
            replay.add(path);
        }
        if (replay.isEmpty() && simulator) {
            sample = true;
        }
        String speed = config.string(SPEED, "realtime").toLowerCase();
        if (!speed.matches("max|realtime|\\d+(\\.\\d+)?x")) {
            throw Config.invalid(SPEED, speed, "must be max, realtime or <N>x such as 10x");
        }
        Map<String, String> simOptions = new LinkedHashMap<>();
        if (simulator) {
            simOptions.put("replay.speed", speed);
            for (String option : config.find(SIM_OPTIONS).map(v -> v.split(";")).orElse(new String[0])) {
                if (option.isBlank()) continue;
                int eq = option.indexOf('=');
                if (eq <= 0) throw Config.invalid(SIM_OPTIONS, option, "must be key=value pairs separated by ';'");
                simOptions.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
            }
        }
        List<InstrumentId> subscribe = new ArrayList<>();
        for (String text : config.list(SUBSCRIBE)) {
            try {
                subscribe.add(InstrumentId.parse(text));
            } catch (IllegalArgumentException e) {
                throw Config.invalid(SUBSCRIBE, text, e.getMessage());
            }
        }
        if (subscribe.isEmpty() && sample && config.find(SUBSCRIBE).isEmpty()) subscribe.addAll(SAMPLE_INSTRUMENTS);

        int ringSize = config.integer(RING_SIZE, DEFAULT_RING_SIZE, 1024, 1 << 24);
        if (Integer.bitCount(ringSize) != 1) throw Config.invalid(RING_SIZE, String.valueOf(ringSize), "must be a power of two");
        EngineOptions engine = new EngineOptions(ringSize,
                positive(config, INVALID_TICKER_WAIT, Duration.ofMillis(250)),
                positive(config, RECONNECT_TIMEOUT, Duration.ofSeconds(10)),
                positive(config, BACKOFF_INITIAL, Duration.ofMillis(500)),
                positive(config, BACKOFF_MAX, Duration.ofSeconds(30)),
                positive(config, HISTORY_TIMEOUT, Duration.ofSeconds(30)));
        int streamBuffer = config.integer(STREAM_BUFFER, 100_000, 1_000, 10_000_000);
        Duration stats = config.duration(STATS_INTERVAL, Duration.ofSeconds(10));
        boolean marketOnly = config.bool(MARKET_ONLY, true);
        TradingConfig trading = trading(config, simulator, marketOnly);
        if (simulator && !marketOnly) {
            // the simulated broker keeps its day in a file beside the gateway's journal, so both survive a restart
            simOptions.putIfAbsent("routing.journal", trading.journalDir().resolve("simulator-broker.journal").toString());
            if (trading.roster() != null) simOptions.putIfAbsent("routing.roster", trading.roster().toString());
        }
        SessionOptions session = new SessionOptions(marketOnly, key, user, password, zone, simOptions);
        return new GatewayConfig(host, port, library, session, sample ? null : List.copyOf(replay), List.copyOf(subscribe),
                engine, streamBuffer, stats, trading);
    }

    private static TradingConfig trading(Config config, boolean simulator, boolean marketOnly) {
        Path journal;
        try {
            Path data = Path.of(config.string(DatabaseConfig.DATA_DIR_KEY, DatabaseConfig.defaultDataDir().toString()));
            journal = Path.of(config.string(JOURNAL_DIR, data.resolve("dll-gateway").resolve("journal").toString()));
        } catch (java.nio.file.InvalidPathException e) {
            throw Config.invalid(JOURNAL_DIR, config.string(JOURNAL_DIR, ""), "must be a directory path");
        }
        if (Files.exists(journal) && !Files.isDirectory(journal)) throw Config.invalid(JOURNAL_DIR, journal.toString(), "is not a directory");
        int reportBuffer = config.integer(REPORT_BUFFER, 1_000_000, 1_024, 1 << 26);
        boolean serialize = config.bool(SERIALIZE_ROUTING, !simulator);
        Duration historyTimeout = positive(config, ORDER_HISTORY_TIMEOUT, Duration.ofSeconds(10));
        RoutingPasswords passwords = null;
        var file = config.find(ROUTING_PASSWORDS);
        if (file.isPresent()) {
            try {
                passwords = RoutingPasswords.fromFile(Path.of(file.get()));
            } catch (RoutingPasswords.PasswordFileException e) {
                throw new ConfigException(ROUTING_PASSWORDS, e.getMessage());
            }
        }
        Path roster = null;
        var rosterValue = config.find(SIM_ROSTER);
        if (rosterValue.isPresent() && !rosterValue.get().equalsIgnoreCase("demo")) {
            if (!simulator) throw Config.invalid(SIM_ROSTER, rosterValue.get(), "is a simulator option; the vendor DLL knows its accounts");
            roster = Path.of(rosterValue.get());
            if (!Files.isReadable(roster)) throw Config.invalid(SIM_ROSTER, rosterValue.get(), "no such readable file");
            if (passwords == null) {
                try {
                    RoutingPasswords.fromSimulatorRoster(roster); // validated now, read again at start
                } catch (RoutingPasswords.PasswordFileException e) {
                    throw new ConfigException(SIM_ROSTER, e.getMessage());
                }
            }
        }
        return new TradingConfig(journal, reportBuffer, serialize, historyTimeout, passwords, roster);
    }

    /** True when the bundled sample replay is to be used (no BLACKBOX_SIM_REPLAY with the simulator). */
    public boolean usesSampleReplay() {
        return replayFiles == null;
    }

    private static Duration positive(Config config, String key, Duration defaultValue) {
        Duration d = config.duration(key, defaultValue);
        if (d.isNegative() || d.isZero()) throw Config.invalid(key, config.string(key, ""), "must be > 0");
        return d;
    }
}
