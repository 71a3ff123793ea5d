package blackbox.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayConfigTest {
    @Test
    void defaultsRunTheBundledSimulatorOnTheSampleInRealTime() {
        GatewayConfig config = GatewayConfig.from(Config.of(Map.of()));
        assertEquals("127.0.0.1", config.host());
        assertEquals(50051, config.port());
        assertNull(config.library());
        assertTrue(config.simulator());
        assertTrue(config.usesSampleReplay());
        assertEquals("realtime", config.session().simulatorOptions().get("replay.speed"));
        assertEquals(List.of(new InstrumentId("BTCUSDT", "SPOT"), new InstrumentId("ETHUSDT", "SPOT")), config.subscribeAtStart());
        assertTrue(config.session().marketOnly());
        assertEquals("America/Sao_Paulo", config.session().exchangeZone().getId());
        assertEquals(Duration.ofSeconds(10), config.engine().reconnectTimeout());
    }

    @Test
    void simulatorOptionsAreParsedInOrderAfterTheSpeed(@TempDir Path dir) throws Exception {
        Path replay = Files.writeString(dir.resolve("a.replay.csv"), "# blackbox-replay v1\n");
        GatewayConfig config = GatewayConfig.from(Config.of(Map.of(GatewayConfig.REPLAY, replay.toString(),
                GatewayConfig.SPEED, "10x", GatewayConfig.SIM_OPTIONS, "fault.disconnect_after_trades=5; replay.start=manual")));
        assertEquals(List.of("replay.speed", "fault.disconnect_after_trades", "replay.start"),
                List.copyOf(config.session().simulatorOptions().keySet()));
        assertEquals(List.of(replay), config.replayFiles());
        assertEquals(List.of(), config.subscribeAtStart());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "BLACKBOX_GATEWAY_PORT | 99999 | BLACKBOX_GATEWAY_PORT: must be between 0 and 65535: value \"99999\"",
            "BLACKBOX_SIM_SPEED | fast | BLACKBOX_SIM_SPEED: must be max, realtime or <N>x such as 10x: value \"fast\"",
            "BLACKBOX_EXCHANGE_TIMEZONE | Mars/Olympus | BLACKBOX_EXCHANGE_TIMEZONE: must be a tzdb zone such as America/Sao_Paulo: value \"Mars/Olympus\"",
            "BLACKBOX_SIM_REPLAY | /no/such.replay.csv | BLACKBOX_SIM_REPLAY: no such readable file: value \"/no/such.replay.csv\"",
            "BLACKBOX_PROFITDLL_LIBRARY | /no/ProfitDLL64.dll | BLACKBOX_PROFITDLL_LIBRARY: no such file: value \"/no/ProfitDLL64.dll\"",
            "BLACKBOX_GATEWAY_SUBSCRIBE | PETR4 | BLACKBOX_GATEWAY_SUBSCRIBE: instrument must be TICKER:EXCHANGE, e.g. PETR4:B: value=\"PETR4\": value \"PETR4\"",
            "BLACKBOX_GATEWAY_RING_SIZE | 3000 | BLACKBOX_GATEWAY_RING_SIZE: must be a power of two: value \"3000\"",
            "BLACKBOX_GATEWAY_HISTORY_TIMEOUT | 0s | BLACKBOX_GATEWAY_HISTORY_TIMEOUT: must be > 0: value \"0s\"",
            "BLACKBOX_SIM_OPTIONS | verbose | BLACKBOX_SIM_OPTIONS: must be key=value pairs separated by ';': value \"verbose\"",
            "BLACKBOX_PROFITDLL_MARKET_ONLY | perhaps | BLACKBOX_PROFITDLL_MARKET_ONLY: must be true or false: value \"perhaps\"",
    })
    void aBadValueStopsTheStartNamingKeyAndValue(String key, String value, String message) {
        var e = assertThrows(ConfigException.class, () -> GatewayConfig.from(Config.of(Map.of(key, value))));
        assertEquals(key, e.key());
        assertEquals(message, e.getMessage());
    }

    @Test
    void theRealDllNeedsItsCredentials(@TempDir Path dir) throws Exception {
        Path dll = Files.writeString(dir.resolve("ProfitDLL64.dll"), "not really");
        var e = assertThrows(ConfigException.class,
                () -> GatewayConfig.from(Config.of(Map.of(GatewayConfig.LIBRARY, dll.toString()))));
        assertEquals("BLACKBOX_PROFITDLL_ACTIVATION_KEY: is required but not set", e.getMessage());
    }
}
