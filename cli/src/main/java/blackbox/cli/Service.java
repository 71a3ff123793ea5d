package blackbox.cli;

/** The services a command talks to, with their names as users know them and their default ports. */
public enum Service {
    GATEWAY("dll-gateway", "gateway", 50051),
    MARKETDATA("marketdata-svc", "marketdata", 50052),
    CANDLES("candle-svc", "candles", 50053);

    private final String displayName;
    private final String key;
    private final int defaultPort;

    Service(String displayName, String key, int defaultPort) {
        this.displayName = displayName;
        this.key = key;
        this.defaultPort = defaultPort;
    }

    /** e.g. {@code candle-svc}. */
    public String displayName() {
        return displayName;
    }

    /** The name in the stack file and in {@code --endpoint candles=HOST:PORT}. */
    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Service ofKey(String key) {
        for (Service s : values()) {
            if (s.key.equals(key) || s.displayName.equals(key)) return s;
        }
        throw CliException.usage("must be gateway, marketdata or candles: --endpoint service=" + key);
    }
}
