package blackbox.platform.config;

/**
 * A configuration value is missing or invalid. Thrown once, at start-up; the process stops and prints
 * {@link #getMessage()}, which names the key and the offending value.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code BLACKBOX_GATEWAY_PORT}. */
    public String key() {
        return key;
    }
}
