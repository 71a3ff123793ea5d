package blackbox.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Raw configuration: string values by key, with typed, validating getters.
 *
 * <p>Keys are upper-case environment-style names ({@code BLACKBOX_GATEWAY_PORT}). A value is looked up,
 * first hit wins, in: the explicit overrides given to {@link #of(Map, Map, Path)} (tests, command-line),
 * the process environment, then the optional properties file named by {@code BLACKBOX_CONFIG_FILE}.
 * Each service reads its settings once at start into an immutable record; every getter throws
 * {@link ConfigException} naming the key and value, so a bad value stops the process before it serves.
 *
 * <p>Immutable and thread-safe.
 */
public final class Config {
    /** Names a properties file whose {@code KEY=value} lines fill keys missing from the environment. */
    public static final String CONFIG_FILE_KEY = "BLACKBOX_CONFIG_FILE";

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Configuration from the process environment and the optional {@code BLACKBOX_CONFIG_FILE}. */
    public static Config fromEnvironment() {
        return of(Map.of(), System.getenv(), null);
    }

    /**
     * Configuration from explicit overrides, an environment map and a properties file.
     *
     * @param overrides highest precedence (may be empty)
     * @param environment the process environment or a stand-in (may be empty)
     * @param file a properties file; when {@code null}, {@code BLACKBOX_CONFIG_FILE} from the two maps is used
     * @throws ConfigException when the file cannot be read
     */
    public static Config of(Map<String, String> overrides, Map<String, String> environment, Path file) {
        Map<String, String> merged = new HashMap<>();
        Path configFile = file;
        if (configFile == null) {
            String named = overrides.getOrDefault(CONFIG_FILE_KEY, environment.get(CONFIG_FILE_KEY));
            configFile = named == null || named.isBlank() ? null : Path.of(named);
        }
        if (configFile != null) {
            merged.putAll(readProperties(configFile));
        }
        environment.forEach((k, v) -> {
            if (v != null) merged.put(k, v);
        });
        overrides.forEach((k, v) -> {
            if (v != null) merged.put(k, v);
        });
        return new Config(merged);
    }

    /** Configuration from a plain map (tests). */
    public static Config of(Map<String, String> values) {
        return new Config(values);
    }

    /** A copy with {@code key} set to {@code value}. */
    public Config with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new Config(copy);
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(CONFIG_FILE_KEY, "cannot read file: value \"" + file + "\": " + e.getMessage());
        }
        Map<String, String> result = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name).trim());
        }
        return result;
    }

    /** The raw value, if set and not blank. */
    public Optional<String> find(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    /** A value that must be present. */
    public String required(String key) {
        return find(key).orElseThrow(() -> new ConfigException(key, "is required but not set"));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return find(key).map(v -> parse(key, v, "an integer", Integer::parseInt)).map(n -> {
            if (n < min || n > max) throw invalid(key, String.valueOf(n), "must be between " + min + " and " + max);
            return n;
        }).orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        return find(key).map(v -> parse(key, v, "an integer", Long::parseLong)).map(n -> {
            if (n < min || n > max) throw invalid(key, String.valueOf(n), "must be between " + min + " and " + max);
            return n;
        }).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return find(key).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw invalid(key, v, "must be true or false");
        }).orElse(defaultValue);
    }

    /** A duration as ISO-8601 ({@code PT5S}) or a number with a unit: {@code 250ms}, {@code 5s}, {@code 2m}. */
    public Duration duration(String key, Duration defaultValue) {
        return find(key).map(v -> parseDuration(key, v)).orElse(defaultValue);
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String key) {
        List<String> result = new ArrayList<>();
        find(key).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) result.add(part.trim());
            }
        });
        return List.copyOf(result);
    }

    /** A value from a closed set (case-insensitive), returned lower-case. */
    public String oneOf(String key, String defaultValue, Set<String> allowed) {
        String value = find(key).map(String::toLowerCase).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw invalid(key, value, "must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    /** Every key with the given prefix, prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) result.put(k.substring(prefix.length()), v);
        });
        return result;
    }

    /** The error to throw for an invalid value: {@code KEY: must be ...: value "v"}. */
    public static ConfigException invalid(String key, String value, String rule) {
        return new ConfigException(key, rule + ": value \"" + value + "\"");
    }

    private static <T> T parse(String key, String value, String what, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw invalid(key, value, "must be " + what);
        }
    }

    private static Duration parseDuration(String key, String value) {
        String v = value.trim().toLowerCase();
        try {
            if (v.startsWith("p") || v.startsWith("-p")) return Duration.parse(value.trim());
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            if (v.endsWith("h")) return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).trim()));
        } catch (RuntimeException e) {
            // fall through to the common message
        }
        throw invalid(key, value, "must be a duration such as 250ms, 5s, 2m or PT5S");
    }
}
