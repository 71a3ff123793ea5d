package blackbox.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @Test
    void overridesBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.properties");
        Files.writeString(file, "A=file\nB=file\nC=file\n");
        Config config = Config.of(Map.of("A", "override"), Map.of("A", "env", "B", "env"), file);
        assertEquals("override", config.required("A"));
        assertEquals("env", config.required("B"));
        assertEquals("file", config.required("C"));
    }

    @Test
    void theFileCanBeNamedInTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.properties");
        Files.writeString(file, "BLACKBOX_GATEWAY_PORT=7000\n");
        Config config = Config.of(Map.of(), Map.of(Config.CONFIG_FILE_KEY, file.toString()), null);
        assertEquals(7000, config.integer("BLACKBOX_GATEWAY_PORT", 1, 0, 65535));
    }

    @Test
    void aMissingFileNamesTheKeyAndPath() {
        var e = assertThrows(ConfigException.class,
                () -> Config.of(Map.of(), Map.of(Config.CONFIG_FILE_KEY, "/nonexistent/x.properties"), null));
        assertEquals(Config.CONFIG_FILE_KEY, e.key());
        assertEquals(true, e.getMessage().contains("/nonexistent/x.properties"), e.getMessage());
    }

    @Test
    void aNonNumericIntegerNamesKeyAndValue() {
        var e = assertThrows(ConfigException.class,
                () -> Config.of(Map.of("BLACKBOX_GATEWAY_PORT", "abc")).integer("BLACKBOX_GATEWAY_PORT", 1, 0, 65535));
        assertEquals("BLACKBOX_GATEWAY_PORT: must be an integer: value \"abc\"", e.getMessage());
    }

    @Test
    void anIntegerOutOfRangeNamesTheRange() {
        var e = assertThrows(ConfigException.class,
                () -> Config.of(Map.of("P", "70000")).integer("P", 1, 0, 65535));
        assertEquals("P: must be between 0 and 65535: value \"70000\"", e.getMessage());
    }

    @Test
    void unsetValuesTakeTheDefault() {
        Config config = Config.of(Map.of("BLANK", "  "));
        assertEquals(42, config.integer("BLANK", 42, 0, 100));
        assertEquals(Duration.ofSeconds(3), config.duration("NOPE", Duration.ofSeconds(3)));
        assertEquals(true, config.bool("NOPE", true));
    }

    @Test
    void durationsAcceptUnitsAndIso() {
        Config config = Config.of(Map.of("A", "250ms", "B", "5s", "C", "2m", "D", "PT1H"));
        assertEquals(Duration.ofMillis(250), config.duration("A", Duration.ZERO));
        assertEquals(Duration.ofSeconds(5), config.duration("B", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), config.duration("C", Duration.ZERO));
        assertEquals(Duration.ofHours(1), config.duration("D", Duration.ZERO));
        var e = assertThrows(ConfigException.class, () -> Config.of(Map.of("X", "soon")).duration("X", Duration.ZERO));
        assertEquals("X: must be a duration such as 250ms, 5s, 2m or PT5S: value \"soon\"", e.getMessage());
    }

    @Test
    void booleansAndClosedSetsRejectOtherWords() {
        assertThrows(ConfigException.class, () -> Config.of(Map.of("B", "maybe")).bool("B", false));
        var e = assertThrows(ConfigException.class,
                () -> Config.of(Map.of("S", "fast")).oneOf("S", "max", Set.of("max", "realtime")));
        assertEquals("S: must be one of [max, realtime]: value \"fast\"", e.getMessage());
    }

    @Test
    void requiredValuesMustBePresent() {
        var e = assertThrows(ConfigException.class, () -> Config.of(Map.of()).required("BLACKBOX_X"));
        assertEquals("BLACKBOX_X: is required but not set", e.getMessage());
    }

    @Test
    void listsSplitOnCommas() {
        assertEquals(java.util.List.of("PETR4:B", "VALE3:B"), Config.of(Map.of("L", " PETR4:B, ,VALE3:B ")).list("L"));
    }
}
