package blackbox.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebBffConfigTest {
    @Test
    void defaults() {
        WebBffConfig c = WebBffConfig.from(Config.of(Map.of()));
        assertEquals("127.0.0.1", c.host());
        assertEquals(8080, c.port());
        assertEquals(List.of(), c.allowedOrigins());
        assertFalse(c.jwtSecret().isPresent(), "generated per start");
        assertEquals(Duration.ofMinutes(15), c.accessTtl());
        assertEquals(Duration.ofHours(12), c.refreshTtl());
        assertEquals(10, c.wsMaxUpdatesPerSecond());
        assertEquals(1000, c.wsMaxTradeUpdatesPerSecond(), "trades flow at their own pace while candles stay coalesced");
        assertEquals(50, WebBffConfig.from(Config.of(Map.of(WebBffConfig.WS_MAX_TRADE_UPDATES, "50"))).wsMaxTradeUpdatesPerSecond());
        assertEquals("127.0.0.1:50052", c.marketDataTarget());
        assertEquals("127.0.0.1:50053", c.candlesTarget());
        assertEquals("127.0.0.1:50051", c.gatewayTarget());
    }

    @Test
    void theOrderSideIsConfiguredByTheAccountsFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertFalse(WebBffConfig.from(Config.of(Map.of())).orderSide().isPresent(), "none without BLACKBOX_WEB_ACCOUNTS");
        java.nio.file.Path roster = dir.resolve("roster.csv");
        java.nio.file.Files.writeString(roster, "# blackbox-sim-roster v1\n");
        WebBffConfig.OrderSideTargets t = WebBffConfig.from(Config.of(Map.of(WebBffConfig.ACCOUNTS, roster.toString(),
                WebBffConfig.RISK_TARGET, "10.0.0.1:9"))).orderSide().orElseThrow();
        assertEquals("mesa", t.desk());
        assertEquals("127.0.0.1:50054", t.oms());
        assertEquals("10.0.0.1:9", t.risk());
        assertEquals("127.0.0.1:50056", t.positions());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> WebBffConfig.from(Config.of(Map.of(WebBffConfig.ACCOUNTS, dir.resolve("nope.csv").toString()))));
        assertTrue(missing.getMessage().contains(WebBffConfig.ACCOUNTS) && missing.getMessage().contains("nope.csv"), missing.getMessage());
        ConfigException desk = assertThrows(ConfigException.class,
                () -> WebBffConfig.from(Config.of(Map.of(WebBffConfig.ACCOUNTS, roster.toString(), WebBffConfig.DESK, "mesa 2"))));
        assertTrue(desk.getMessage().contains("mesa 2"), desk.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BLACKBOX_WEB_PORT|70000|70000",
            "BLACKBOX_WEB_PORT|http|http",
            "BLACKBOX_WEB_ALLOWED_ORIGINS|evil.example|evil.example",
            "BLACKBOX_WEB_JWT_SECRET|short|32 bytes",
            "BLACKBOX_WEB_WS_MAX_UPDATES_PER_SECOND|0|0",
            "BLACKBOX_WEB_ACCESS_TOKEN_TTL|-5m|-5m",
            "BLACKBOX_WEB_REFRESH_TOKEN_TTL|1m|longer than",
            "BLACKBOX_WEB_JWT_SECRET_FILE|/nonexistent/secret|/nonexistent/secret"})
    void aBadValueStopsStartUpNamingTheKey(String key, String value, String mentioned) {
        ConfigException e = assertThrows(ConfigException.class, () -> WebBffConfig.from(Config.of(Map.of(key, value))));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @Test
    void theSecretIsNeverEchoed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WebBffConfig.from(Config.of(Map.of(WebBffConfig.JWT_SECRET, "hunter2-secret"))));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
