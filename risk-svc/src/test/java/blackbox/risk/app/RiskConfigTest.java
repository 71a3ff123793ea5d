package blackbox.risk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.risk.RiskConfig;
import blackbox.risk.switches.SwitchState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RiskConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        RiskConfig c = RiskConfig.from(Config.of(Map.of()));
        assertEquals(50055, c.port());
        assertEquals("127.0.0.1:50054", c.omsTarget());
        assertEquals("127.0.0.1:50056", c.positionsTarget());
        assertTrue(c.redisUrl().isEmpty());
        assertEquals(Duration.ofSeconds(5), c.cancelTimeout());
        assertEquals(Duration.ofSeconds(1), c.viewAckTimeout());
        assertTrue(c.panicFile().isEmpty());
        assertFalse(c.panicFlatten());
        assertTrue(c.rejectsOn());
        assertEquals(10, c.breakers().rejects());
        assertEquals(SwitchState.HALTED, c.breakers().onRejects());
        assertFalse(c.drawdownOn(), "no drawdown limit unless one is set");
        assertTrue(c.routingOn());
        assertEquals(SwitchState.HALTED, c.breakers().onRoutingLoss());
    }

    @Test
    void breakersCanBeTurnedOffAndTheDrawdownLimitIsBrl() {
        RiskConfig c = RiskConfig.from(Config.of(Map.of(RiskConfig.BREAKER_REJECTS, "0", RiskConfig.BREAKER_DRAWDOWN, "50000.50",
                RiskConfig.BREAKER_ON_ROUTING_LOSS, "OFF")));
        assertFalse(c.rejectsOn());
        assertTrue(c.drawdownOn());
        assertEquals(500_005_000L, c.breakers().drawdownLimit(), "R$ 50.000,50 at 4 decimals");
        assertFalse(c.routingOn());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BLACKBOX_RISK_PORT|70000|BLACKBOX_RISK_PORT: must be between 0 and 65535: value \"70000\"",
            "BLACKBOX_REDIS_URL|localhost:6379|BLACKBOX_REDIS_URL: must be redis://host:port: value \"localhost:6379\"",
            "BLACKBOX_OMS_TARGET|oms|BLACKBOX_OMS_TARGET: must be host:port: value \"oms\"",
            "BLACKBOX_RISK_CANCEL_TIMEOUT|0s|BLACKBOX_RISK_CANCEL_TIMEOUT: must be > 0: value \"0s\"",
            "BLACKBOX_RISK_BREAKER_ON_REJECTS|stop|BLACKBOX_RISK_BREAKER_ON_REJECTS: must be one of [halted, off, reducing]: value \"stop\"",
            "BLACKBOX_RISK_BREAKER_DRAWDOWN|-5|BLACKBOX_RISK_BREAKER_DRAWDOWN: must be >= 0: value \"-5\"",
            "BLACKBOX_RISK_BREAKER_DRAWDOWN|1.00001|BLACKBOX_RISK_BREAKER_DRAWDOWN: must have at most 4 decimals: value \"1.00001\"",
            "BLACKBOX_RISK_PANIC_FLATTEN|maybe|BLACKBOX_RISK_PANIC_FLATTEN: must be true or false: value \"maybe\"",
            "BLACKBOX_EXCHANGE_TIMEZONE|Mars/Base|BLACKBOX_EXCHANGE_TIMEZONE: must be a tzdb zone such as America/Sao_Paulo: value \"Mars/Base\""})
    void aBadValueStopsTheStartNamingTheKey(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> RiskConfig.from(Config.of(Map.of(key, value))));
        assertEquals(message, e.getMessage());
    }
}
