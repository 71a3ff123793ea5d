package blackbox.platform.db;

import blackbox.platform.config.Config;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a service's PostgreSQL is, read once at start.
 *
 * <ul>
 *   <li>{@code BLACKBOX_DATABASE_URL}: a {@code jdbc:postgresql://} URL of an external server; unset means
 *       an embedded server started by the process.</li>
 *   <li>{@code BLACKBOX_DATABASE_USER} (default {@code postgres}) and {@code BLACKBOX_DATABASE_PASSWORD}
 *       (default none; never logged, hidden by {@link #toString()}).</li>
 *   <li>{@code BLACKBOX_DATA_DIR}: where the embedded server keeps its data (in {@code postgres/} below it),
 *       default {@code ${user.home}/.blackbox/data} (for root {@code /var/lib/blackbox/data}) so that every
 *       service of one user shares one place whatever its working directory.</li>
 *   <li>{@code BLACKBOX_DATABASE_EMBEDDED_PORT}: the embedded server's port, default 0 (a free port).</li>
 *   <li>{@code BLACKBOX_DATABASE_POOL}: the connection pool's maximum size, default 8.</li>
 * </ul>
 *
 * @param url the external server's JDBC URL, empty for the embedded server
 * @param user the database user
 * @param password the password, empty string when none
 * @param dataDir the embedded server's data root
 * @param embeddedPort the embedded server's port, 0 for a free one
 * @param poolSize maximum pooled connections, at least 1
 */
public record DatabaseConfig(Optional<String> url, String user, String password, Path dataDir, int embeddedPort,
                             int poolSize) {
    public static final String URL_KEY = "BLACKBOX_DATABASE_URL";
    public static final String USER_KEY = "BLACKBOX_DATABASE_USER";
    public static final String PASSWORD_KEY = "BLACKBOX_DATABASE_PASSWORD";
    public static final String DATA_DIR_KEY = "BLACKBOX_DATA_DIR";
    public static final String EMBEDDED_PORT_KEY = "BLACKBOX_DATABASE_EMBEDDED_PORT";
    public static final String POOL_KEY = "BLACKBOX_DATABASE_POOL";

    private static final String URL_PREFIX = "jdbc:postgresql://";

    public DatabaseConfig {
        if (url.isPresent() && !url.get().startsWith(URL_PREFIX)) {
            throw Config.invalid(URL_KEY, url.get(), "must start with " + URL_PREFIX);
        }
        if (user == null || user.isBlank()) {
            throw Config.invalid(USER_KEY, String.valueOf(user), "must not be blank");
        }
        if (poolSize < 1) {
            throw Config.invalid(POOL_KEY, String.valueOf(poolSize), "must be between 1 and 1000");
        }
    }

    /** Reads and validates the settings; throws {@link blackbox.platform.config.ConfigException} naming the key. */
    public static DatabaseConfig from(Config config) {
        Optional<String> url = config.find(URL_KEY);
        String user = config.string(USER_KEY, "postgres");
        String password = config.string(PASSWORD_KEY, "");
        String dir = config.string(DATA_DIR_KEY, defaultDataDir().toString());
        Path dataDir;
        try {
            dataDir = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw Config.invalid(DATA_DIR_KEY, dir, "must be a directory path");
        }
        int port = config.integer(EMBEDDED_PORT_KEY, 0, 0, 65535);
        int pool = config.integer(POOL_KEY, 8, 1, 1000);
        return new DatabaseConfig(url, user, password, dataDir, port, pool);
    }

    /** An external server (tests, tools). */
    public static DatabaseConfig external(String url, String user, String password, int poolSize) {
        return new DatabaseConfig(Optional.of(url), user, password, defaultDataDir(), 0, poolSize);
    }

    /**
     * {@code ${user.home}/.blackbox/data}; for root {@code /var/lib/blackbox/data}, because the embedded server
     * then runs as an unprivileged OS user that cannot enter root's home.
     */
    public static Path defaultDataDir() {
        if ("root".equals(System.getProperty("user.name"))) return Path.of("/var/lib/blackbox/data");
        return Path.of(System.getProperty("user.home"), ".blackbox", "data");
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.orElse("(embedded)") + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "***") + ", dataDir=" + dataDir + ", embeddedPort=" + embeddedPort
                + ", poolSize=" + poolSize + "]";
    }
}
