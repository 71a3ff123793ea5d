package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeframeTest {
    @Test
    void parsesTheSixLabels() {
        for (Timeframe t : Timeframe.values()) {
            assertEquals(t, Timeframe.parse(t.label()));
        }
        assertEquals(Timeframe.M60, Timeframe.parse("60m"));
    }

    @Test
    void rejectsAnUnknownTimeframeNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> Timeframe.parse("2h"));
        assertEquals("timeframe must be one of 1m, 5m, 15m, 60m, 1d, 1w: timeframe=\"2h\"", e.getMessage());
    }
}
