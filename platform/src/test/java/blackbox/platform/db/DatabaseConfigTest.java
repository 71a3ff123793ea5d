package blackbox.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void defaultsToTheEmbeddedServerUnderTheUsersHomeOrVarLibForRoot() {
        DatabaseConfig config = DatabaseConfig.from(Config.of(Map.of()));
        assertTrue(config.url().isEmpty());
        assertEquals("postgres", config.user());
        // root's home is closed to the unprivileged user the embedded server then runs as
        Path expected = "root".equals(System.getProperty("user.name")) ? Path.of("/var/lib/blackbox/data")
                : Path.of(System.getProperty("user.home"), ".blackbox", "data");
        assertEquals(expected, config.dataDir());
        assertEquals(0, config.embeddedPort());
        assertEquals(8, config.poolSize());
    }

    @Test
    void readsAnExternalServer() {
        DatabaseConfig config = DatabaseConfig.from(Config.of(Map.of(
                "BLACKBOX_DATABASE_URL", "jdbc:postgresql://db:5432/blackbox",
                "BLACKBOX_DATABASE_USER", "desk", "BLACKBOX_DATABASE_PASSWORD", "s3cret",
                "BLACKBOX_DATABASE_POOL", "16", "BLACKBOX_DATA_DIR", "/var/lib/blackbox")));
        assertEquals("jdbc:postgresql://db:5432/blackbox", config.url().orElseThrow());
        assertEquals("desk", config.user());
        assertEquals(16, config.poolSize());
        assertEquals(Path.of("/var/lib/blackbox"), config.dataDir());
    }

    @Test
    void neverShowsThePassword() {
        DatabaseConfig config = DatabaseConfig.from(Config.of(Map.of("BLACKBOX_DATABASE_PASSWORD", "s3cret")));
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BLACKBOX_DATABASE_URL|mysql://db/x|BLACKBOX_DATABASE_URL: must start with jdbc:postgresql://: value \"mysql://db/x\"",
        "BLACKBOX_DATABASE_POOL|0|BLACKBOX_DATABASE_POOL: must be between 1 and 1000: value \"0\"",
        "BLACKBOX_DATABASE_POOL|many|BLACKBOX_DATABASE_POOL: must be an integer: value \"many\"",
        "BLACKBOX_DATABASE_EMBEDDED_PORT|70000|BLACKBOX_DATABASE_EMBEDDED_PORT: must be between 0 and 65535: value \"70000\"",
        "BLACKBOX_DATA_DIR|bad\u0000dir|BLACKBOX_DATA_DIR: must be a directory path: value \"bad\u0000dir\"",
    })
    void rejectsBadValuesNamingTheKey(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> DatabaseConfig.from(Config.of(Map.of(key, value))));
        assertEquals(key, e.key());
        assertEquals(message, e.getMessage());
    }
}
