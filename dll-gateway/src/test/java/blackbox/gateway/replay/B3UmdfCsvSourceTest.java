package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B3UmdfCsvSourceTest {
    static final String HEADER =
            "symbol,rpt_seq,network_received_time,event_type,md_entry_px,md_entry_size,aggressor,en_s_px_1,en_b_px_1\n";
    static final String FILE = "PETR4_05032025.csv";

    private static Rows read(String... rows) {
        return Rows.read(new B3UmdfCsvSource(), FILE, HEADER + String.join("\n", rows) + "\n");
    }

    @Test
    void readsATradeRowWithExactValues() {
        ReplayEvent e = read("PETR4,5841,2025-03-05 16:08:21.755015679+00:00,trade,35.02,100.0,4.0,35.4,35.93").only();

        assertEquals(new ReplayEvent(1_741_190_901_755_015_679L, "PETR4", "B", EventKind.T, 1,
                new BigDecimal("35.02"), 100, 2, 0, 0, new BigDecimal("35.93"), new BigDecimal("35.40"), 5841L), e);
    }

    @Test
    void readsABookRowAsKWithBidAndAskOnTheTick() {
        ReplayEvent e = read("PETR4,712657,2025-03-06 13:03:45.813922442+00:00,book,,,,34.800000000000004,34.81").only();

        assertEquals(ReplayEvent.book(1_741_266_225_813_922_442L, "PETR4", "B", new BigDecimal("34.81"),
                new BigDecimal("34.80"), 712657L), e);
    }

    @Test
    void roundsFloatPricesHalfUpToTheCent() {
        Rows rows = read(
                "PETR4,1,2025-03-07 13:03:52.672314465+00:00,trade,33.980000000000004,100.0,4.0,,",
                "PETR4,2,2025-03-07 13:03:52.672314465+00:00,trade,33.975,100.0,4.0,,",
                "PETR4,3,2025-03-07 13:03:52.672314465+00:00,trade,33.97499999,100.0,4.0,,");

        assertEquals(List.of("33.98", "33.98", "33.97"),
                rows.events.stream().map(e -> e.price().toPlainString()).toList());
        assertNull(rows.events.getFirst().bid());
        assertNull(rows.events.getFirst().ask());
    }

    @ParameterizedTest(name = "aggressor {0} -> trade type {1}")
    @CsvSource({"4.0,2", "3.0,3", "2.0,4", "1.0,32", "4,2", "3,3"})
    void mapsEachAggressorCode(String aggressor, int tradeType) {
        ReplayEvent e = read("PETR4,5841,2025-03-05 16:08:21.755015679+00:00,trade,35.02,100.0," + aggressor
                + ",35.4,35.93").only();

        assertEquals(tradeType, e.tradeType());
    }

    @Test
    void acceptsMicrosecondTimestampsAsWrittenWithoutTrailingZeros() {
        ReplayEvent e = read("MDIA3,17645,2025-04-07 13:36:28.779826+00:00,trade,23.16,400.0,3.0,23.18,23.16").only();

        assertEquals(1_744_032_988_779_826_000L, e.tsNanos());
    }

    @Test
    void numbersTradesPerTickerAndSaoPauloSessionAcrossFiles() {
        B3UmdfCsvSource source = new B3UmdfCsvSource();
        Rows rows = Rows.read(source, "a.csv", HEADER
                + "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,\n"
                + "PETR4,2,2025-03-05 16:00:01+00:00,book,,,,35.4,35.3\n"
                + "VALE3,3,2025-03-05 16:00:02+00:00,trade,50.00,100.0,4.0,,\n"
                + "PETR4,4,2025-03-06 02:59:59+00:00,trade,35.02,100.0,4.0,,\n");
        rows.readMore(source, "b.csv", HEADER
                + "PETR4,9,2025-03-06 03:00:00+00:00,trade,35.02,100.0,4.0,,\n"
                + "PETR4,10,2025-03-06 13:00:00+00:00,trade,35.02,100.0,4.0,,\n");

        assertEquals(List.of("PETR4 T 1", "PETR4 K 0", "VALE3 T 1", "PETR4 T 2", "PETR4 T 1", "PETR4 T 2"),
                rows.events.stream().map(e -> e.ticker() + " " + e.kind() + " " + e.tradeNumber()).toList());
    }

    @Test
    void aRejectedTradeTakesNoTradeNumber() {
        Rows rows = read(
                "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.5,4.0,,",
                "PETR4,2,2025-03-05 16:00:01+00:00,trade,35.02,100.0,4.0,,");

        assertEquals(1, rows.errors.size());
        assertEquals(1, rows.events.getFirst().tradeNumber());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "PETR4,1,2025-03-05 25:00:00+00:00,trade,35.02,100.0,4.0,,|network_received_time|"
                + "must be an ISO-8601 timestamp with offset (yyyy-MM-dd HH:mm:ss.fffffffff+00:00): "
                + "network_received_time=2025-03-05 25:00:00+00:00",
        "PETR4,1,2025-03-05 16:00:00,trade,35.02,100.0,4.0,,|network_received_time|"
                + "must be an ISO-8601 timestamp with offset (yyyy-MM-dd HH:mm:ss.fffffffff+00:00): "
                + "network_received_time=2025-03-05 16:00:00",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,abc,100.0,4.0,,|md_entry_px|must be a decimal number: md_entry_px=abc",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,-35.02,100.0,4.0,,|md_entry_px|must be > 0: md_entry_px=-35.02",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,0.004,100.0,4.0,,|md_entry_px|must be >= the tick 0.01: md_entry_px=0.004",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,-5.0,4.0,,|md_entry_size|must be > 0: md_entry_size=-5.0",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.5,4.0,,|md_entry_size|must be a whole number: md_entry_size=100.5",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,,4.0,,|md_entry_size|must not be empty: md_entry_size=",
        "PETR4,1,2025-03-05 16:00:00+00:00,quote,35.02,100.0,4.0,,|event_type|must be trade or book: event_type=quote",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,5.0,,|aggressor|must be 1, 2, 3 or 4: aggressor=5.0",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,|columns|must have 9 columns: columns=8",
        "PETR4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,,|columns|must have 9 columns: columns=10",
        "petr4,1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,|symbol|must match [A-Z0-9_.-]{1,32}: symbol=petr4",
        "PETR4,x1,2025-03-05 16:00:00+00:00,trade,35.02,100.0,4.0,,|rpt_seq|must be an integer: rpt_seq=x1",
        "PETR4,1,2025-03-05 16:00:00+00:00,book,,,,35.4,zz|en_b_px_1|must be a decimal number: en_b_px_1=zz",
    })
    void rejectsAMalformedRowNamingFileLineFieldAndValue(String row, String field, String message) {
        Rows rows = read("PETR4,5841,2025-03-05 16:08:21.755015679+00:00,trade,35.02,100.0,4.0,35.4,35.93", row,
                "PETR4,5846,2025-03-05 16:08:21.755015679+00:00,trade,35.02,13600.0,4.0,35.4,35.93");

        RowError error = rows.onlyError();
        assertEquals(FILE, error.file());
        assertEquals(3, error.line());
        assertEquals(field, error.field());
        assertEquals(message, error.message());
        assertTrue(message.endsWith(field + "=" + error.value()), message);
        assertEquals(FILE + ":3: " + message, error.toString());
        assertEquals(List.of(5841L, 5846L), rows.events.stream().map(ReplayEvent::sourceSeq).toList());
        assertEquals(List.of(1L, 2L), rows.events.stream().map(ReplayEvent::tradeNumber).toList());
    }

    @Test
    void refusesAFileWithoutTheB3Columns() {
        ReplayException e = assertThrows(ReplayException.class,
                () -> Rows.read(new B3UmdfCsvSource(), "x.csv", "trade_id,price\n1,2\n"));

        assertTrue(e.getMessage().startsWith("not a B3 UMDF CSV file (missing column symbol"), e.getMessage());
    }
}
