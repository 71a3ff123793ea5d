package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericCsvSourceTest {
    static final String MAPPING = "ts=time:epoch_ms,price=px,quantity=qty,side=side:B/S,ticker=@PETR4,exchange=@B";

    private static Rows read(String mapping, String text) {
        return Rows.read(new GenericCsvSource(ColumnMapping.parse(mapping)), "trades.csv", text);
    }

    @Test
    void readsRowsThroughTheMappingWithConstantTickerAndExchange() {
        Rows rows = read(MAPPING, "time,px,qty,side\n1741190901755,35.02,100,B\n1741190901756,35.030,200,S\n");

        assertEquals(List.of(
                new ReplayEvent(1_741_190_901_755_000_000L, "PETR4", "B", EventKind.T, 1, new BigDecimal("35.02"),
                        100, 2, 0, 0, null, null, null),
                new ReplayEvent(1_741_190_901_756_000_000L, "PETR4", "B", EventKind.T, 2, new BigDecimal("35.03"),
                        200, 3, 0, 0, null, null, null)), rows.events);
    }

    @Test
    void readsTickerExchangeAndTradeNumberFromColumns() {
        ReplayEvent e = read("ts=t:iso,ticker=sym,exchange=ex,price=p,quantity=q,trade_number=id",
                "sym,ex,t,p,q,id\nWINJ25,F,2025-03-05T16:08:21.5-03:00,130000,2,77\n").only();

        assertEquals(new ReplayEvent(1_741_201_701_500_000_000L, "WINJ25", "F", EventKind.T, 77,
                new BigDecimal("130000"), 2, ReplayEvent.TRADE_TYPE_UNKNOWN, 0, 0, null, null, 77L), e);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "epoch_ns,1741190901755015679,1741190901755015679",
        "epoch_us,1741190901755015,1741190901755015000",
        "epoch_ms,1741190901755,1741190901755000000",
        "epoch_s,1741190901,1741190901000000000",
        "epoch_s,1741190901.755015679,1741190901755015679",
        "iso,2025-03-05T16:08:21.755015679Z,1741190901755015679",
        "iso,2025-03-05 13:08:21.755015679-03:00,1741190901755015679",
    })
    void convertsEachTimestampUnitToNanos(String unit, String value, long nanos) {
        ReplayEvent e = read("ts=time:" + unit + ",price=px,quantity=qty,ticker=@X,exchange=@B",
                "time,px,qty\n" + value + ",1,1\n").only();

        assertEquals(nanos, e.tsNanos());
    }

    @Test
    void roundsToTheTickAndScalesQuantityWhenAsked() {
        ReplayEvent e = read("ts=time:epoch_ms,price=px,quantity=qty,ticker=@X,exchange=@B,tick=0.05,quantity_scale=1000",
                "time,px,qty\n1,10.024,0.5\n").only();

        assertEquals("10.00", e.price().toPlainString());
        assertEquals(500, e.quantity());
        assertNull(e.sourceSeq());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "1741190901755,35.02,100,X|side|must be B or S: side=X",
        "17411909017xx,35.02,100,B|time|must be a decimal number: time=17411909017xx",
        "1741190901755,35.02,1.5,B|qty|must be a whole number: qty=1.5",
        "1741190901755,,100,B|px|must not be empty: px=",
        "1741190901755,35.02,100|columns|must have 4 columns: columns=3",
    })
    void rejectsAMalformedRow(String row, String field, String message) {
        Rows rows = read(MAPPING, "time,px,qty,side\n" + row + "\n1741190901755,35.02,100,B\n");

        assertEquals(new RowError("trades.csv", 2, field, rows.onlyError().value(), message), rows.onlyError());
        assertEquals(1, rows.events.size());
        assertEquals(1, rows.events.getFirst().tradeNumber());
    }

    @Test
    void refusesAMappingNamingAMissingColumn() {
        ReplayException e = assertThrows(ReplayException.class, () -> read(MAPPING, "time,price,qty,side\n"));

        assertEquals("mapping price=px names no column of the header [price, qty, side, time]: trades.csv",
                e.getMessage());
    }
}
