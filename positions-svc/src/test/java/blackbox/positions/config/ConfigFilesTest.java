package blackbox.positions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.FeeLine;
import blackbox.positions.core.FeeTable;
import blackbox.positions.core.InstrumentMaster;
import blackbox.positions.core.InstrumentSpec;
import blackbox.positions.core.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFilesTest {
    static final String MASTER_HEADER = "ticker,exchange,segment,lot,tick,multiplier,settlement_days\n";
    static final String FEES_HEADER = "version,valid_from,segment,day_trade,line,kind,value,rounding\n";

    @Test
    void theBuiltInMasterResolvesExactTickersSeriesRootsAndTheExchangeDefault() {
        InstrumentMaster master = InstrumentMasterFile.parse("instruments.csv", MASTER_HEADER + """
                # comment
                PETR4F,B,EQUITY,1,0.01,1,2
                *,B,EQUITY,100,0.01,1,2
                WIN*,F,FUTURE,1,5,0.20,1
                WINFUT*,F,FUTURE,1,5,0.20,1
                """);
        assertEquals(new InstrumentSpec(Segment.EQUITY, 1, 100, 100, 2), master.find(new InstrumentId("PETR4F", "B")).orElseThrow());
        assertEquals(100, master.find(new InstrumentId("VALE3", "B")).orElseThrow().lot());
        assertEquals(new InstrumentSpec(Segment.FUTURE, 1, 50_000, 20, 1), master.find(new InstrumentId("WINM25", "F")).orElseThrow());
        assertEquals(java.util.Optional.empty(), master.find(new InstrumentId("WDOK25", "F")));
        assertEquals(20, InstrumentMasterFile.defaults().find(new InstrumentId("WINJ25", "F")).orElseThrow().multiplierE2());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "PETR4,B,STOCK,100,0.01,1,2 | instruments.csv line 2: segment must be one of EQUITY, OPTION, FUTURE: segment=\"STOCK\"",
        "PETR4,B,EQUITY,0,0.01,1,2 | instruments.csv line 2: lot must be between 1 and 1000000: lot=\"0\"",
        "PETR4,B,EQUITY,100,0.001,1,2 | instruments.csv line 2: tick must have at most 4 decimals: tick=\"0.00001\"",
        "PETR4,B,EQUITY,100,0.01,0.205,2 | instruments.csv line 2: multiplier must have at most 2 decimals: multiplier=\"0.205\"",
        "PETR4,B,EQUITY,100,0.01,1,3 | instruments.csv line 2: settlement_days must be between 0 and 2: settlement_days=\"3\"",
        "petr4,B,EQUITY,100,0.01,1,2 | instruments.csv line 2: ticker must match [A-Z0-9_.-]{1,32}, optionally ending in *: ticker=\"petr4\"",
        "PETR4,B,EQUITY,100,0.01,1 | instruments.csv line 2: must have 7 fields (ticker,exchange,segment,lot,tick,multiplier,settlement_days), has 6: line=\"PETR4,B,EQUITY,100,0.01,1\""})
    void aBadMasterLineNamesFileLineFieldAndValue(String line, String message) {
        String content = MASTER_HEADER + line.replace("0.001", "0.00001") + "\n";
        var e = assertThrows(ConfigFileException.class, () -> InstrumentMasterFile.parse("instruments.csv", content));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theFeeTablePicksTheVersionValidOnTheTradeDate() {
        FeeTable table = FeeTableFile.parse("fees.csv", FEES_HEADER + """
                old,2019-01-01,EQUITY,false,b3_total,PERCENT,0.0325,DOWN
                new,2021-02-02,EQUITY,false,b3_total,PERCENT,0.0300,HALF_EVEN
                new,2021-02-02,EQUITY,true,brokerage,PER_ORDER,2.90,HALF_UP
                """);
        assertEquals("old", table.scheduleOn(LocalDate.of(2021, 2, 1)).version());
        FeeLine[] lines = table.linesOn(LocalDate.of(2021, 2, 2), Segment.EQUITY);
        assertEquals(new FeeLine(Segment.EQUITY, false, "b3_total", FeeLine.Kind.PERCENT, 30_000, RoundingMode.HALF_EVEN), lines[0]);
        assertEquals(2_900_000, lines[1].value());
        assertEquals(0, table.linesOn(LocalDate.of(2018, 1, 1), Segment.EQUITY).length);
        assertEquals(java.util.List.of("b3_trading", "b3_settlement", "brokerage"),
                FeeTableFile.defaults().scheduleOn(LocalDate.of(2025, 4, 7)).namesOf(Segment.EQUITY));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "v,2021-13-01,EQUITY,false,x,PERCENT,0.03,HALF_UP | fees.csv line 2: valid_from must be a date YYYY-MM-DD: valid_from=\"2021-13-01\"",
        "v,2021-01-01,EQUITY,maybe,x,PERCENT,0.03,HALF_UP | fees.csv line 2: day_trade must be true or false: day_trade=\"maybe\"",
        "v,2021-01-01,EQUITY,false,x,FLAT,0.03,HALF_UP | fees.csv line 2: kind must be one of PERCENT, PER_ORDER, PER_CONTRACT: kind=\"FLAT\"",
        "v,2021-01-01,EQUITY,false,x,PERCENT,0.0000001,HALF_UP | fees.csv line 2: value must have at most 6 decimals: value=\"0.0000001\"",
        "v,2021-01-01,EQUITY,false,x,PERCENT,-1,HALF_UP | fees.csv line 2: value must be >= 0: value=\"-1\"",
        "v,2021-01-01,EQUITY,false,x,PERCENT,0.03,NEAREST | fees.csv line 2: rounding must be one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY: rounding=\"NEAREST\""})
    void aBadFeeLineNamesFileLineFieldAndValue(String line, String message) {
        var e = assertThrows(ConfigFileException.class, () -> FeeTableFile.parse("fees.csv", FEES_HEADER + line + "\n"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aVersionWithTwoDatesAndABadHeaderAreRefused() {
        var twoDates = assertThrows(ConfigFileException.class, () -> FeeTableFile.parse("fees.csv", FEES_HEADER + """
                v,2021-01-01,EQUITY,false,a,PERCENT,0.03,HALF_UP
                v,2021-01-02,EQUITY,true,a,PERCENT,0.03,HALF_UP
                """));
        assertEquals("fees.csv line 3: valid_from must be the same on every line of version v (first 2021-01-01): "
                + "valid_from=\"2021-01-02\"", twoDates.getMessage());
        var header = assertThrows(ConfigFileException.class, () -> FeeTableFile.parse("fees.csv", "version,segment\n"));
        assertEquals("fees.csv line 1: header must be version,valid_from,segment,day_trade,line,kind,value,rounding: "
                + "header=\"version,segment\"", header.getMessage());
    }

    @Test
    void groupsMapAccountsAndRefuseDuplicates() {
        var groups = AccountGroupsFile.parse("groups.csv", "account,group\n1001,fundA\n");
        assertEquals("fundA", groups.groupOf(new AccountId("1001")));
        assertEquals("ungrouped", groups.groupOf(new AccountId("1002")));
        var e = assertThrows(ConfigFileException.class, () -> AccountGroupsFile.parse("groups.csv",
                "account,group\n1001,a\n1001,b\n"));
        assertEquals("groups.csv line 3: account is listed twice: account=\"1001\"", e.getMessage());
    }
}
