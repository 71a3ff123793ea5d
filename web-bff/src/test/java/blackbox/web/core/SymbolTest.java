package blackbox.web.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {
    @ParameterizedTest
    @CsvSource({"PETR4,PETR4,B,PETR4", "petr4,PETR4,B,PETR4", " VALE3 ,VALE3,B,VALE3", "BTCUSDT:SPOT,BTCUSDT,SPOT,BTCUSDT:SPOT",
            "winz25:f,WINZ25,F,WINZ25:F", "PETR4:B,PETR4,B,PETR4"})
    void parsesTickerAndExchange(String text, String ticker, String exchange, String canonical) {
        Symbol s = Symbol.parse("symbol", text);
        assertEquals(ticker, s.ticker());
        assertEquals(exchange, s.exchange());
        assertEquals(canonical, s.text());
        assertEquals(s, Symbol.of(s.toProto()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ":B", "PETR4:", "A:B:C", "PE TR4", "PETR4;DROP", "PETR4:TOOLONGEXCH"})
    void rejectsMalformedSymbolsNamingFieldAndValue(String text) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Symbol.parse("symbol", text));
        assertEquals("symbol", e.field());
        assertEquals(text, e.value());
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"PETR4,B", "BRK.B,B", "WIN_N25,F", "-X,B", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345,B", "BTCUSDT,SPOT_1",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456,B", "PETR4,TOOLONGEX", "PE TR4,B", "PETR4,B-1", "PETR4,b", "petr4,B"})
    void acceptsExactlyWhatTheSharedInstrumentIdAccepts(String ticker, String exchange) {
        boolean shared;
        try {
            new blackbox.platform.domain.InstrumentId(ticker, exchange);
            shared = true;
        } catch (IllegalArgumentException e) {
            shared = false;
        }
        boolean symbol;
        try {
            new Symbol(ticker, exchange);
            symbol = true;
        } catch (InvalidInput e) {
            symbol = false;
            assertEquals("symbol", e.field());
        }
        assertEquals(shared, symbol, ticker + ":" + exchange);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "5m", "15m", "60m", "1d", "1w", "1M"})
    void acceptsTheSixTimeframes(String text) {
        assertEquals(text.toLowerCase(), Timeframes.parse("timeframe", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7m", "1h", "", "day"})
    void rejectsOtherTimeframes(String text) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Timeframes.parse("timeframe", text));
        assertEquals("timeframe", e.field());
        assertEquals(text, e.value());
    }

    @ParameterizedTest
    @CsvSource({"2025-04-07T13:00:00Z,1744030800000000000", "2025-04-07T10:00:00-03:00,1744030800000000000"})
    void parsesIsoTimesToUtcNanos(String text, long nanos) {
        assertEquals(nanos, TimeRange.parseNanos("from", text));
        assertEquals("2025-04-07T13:00:00Z", Json.iso(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-13-01T00:00:00Z", "1744030800"})
    void rejectsOtherTimes(String text) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> TimeRange.parseNanos("to", text));
        assertEquals("to", e.field());
        assertEquals(text, e.value());
    }

    @org.junit.jupiter.api.Test
    void financialVolumeIsExactBrlWithFourDecimals() {
        assertEquals("1234567.8900", Json.brl(12_345_678_900L).toPlainString());
        assertEquals("0.0001", Json.brl(1).toPlainString());
    }
}
