package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceTradeCsvSourceTest {
    static final String HEADER = "trade_id,price,qty,trade_time_ms,event_time_ms,is_buyer_maker,local_recv_ns,symbol\n";
    static final String SPOT_ROW =
            "3735683259,61837.63000000,0.02000000,1723161255342,1723161255343,true,1723161254087896568,BTCUSDT";

    @Test
    void readsASpotTradeScalingQuantityByTenToTheEight() {
        Rows rows = Rows.read(new BinanceTradeCsvSource(), "spot_btcusdt_20240808_trades.csv", HEADER + SPOT_ROW);

        assertEquals(new ReplayEvent(1_723_161_255_342_000_000L, "BTCUSDT", "SPOT", EventKind.T, 3_735_683_259L,
                new BigDecimal("61837.63"), 2_000_000, ReplayEvent.TRADE_TYPE_SELL, 0, 0, null, null, 3_735_683_259L),
                rows.only());
        assertEquals(List.of("quantities scaled by 100000000: spot_btcusdt_20240808_trades.csv"), rows.notes);
    }

    @Test
    void readsACoinMarginedTradeInWholeContracts() {
        ReplayEvent e = Rows.read(new BinanceTradeCsvSource(), "cm_btcusd_perp_20240808_trades.csv", HEADER
                + "849714402,61804.8,4,1723161257679,1723161257687,false,1723161256419684465,BTCUSD_PERP").only();

        assertEquals("CM", e.exchange());
        assertEquals(4, e.quantity());
        assertEquals(ReplayEvent.TRADE_TYPE_BUY, e.tradeType());
        assertEquals("61804.8", e.price().toPlainString());
    }

    @Test
    void dropsTrailingZerosOfAWholePriceWithoutAnExponent() {
        ReplayEvent e = Rows.read(new BinanceTradeCsvSource(), "spot_btcusdt_x.csv", HEADER
                + "1,61600.00000000,1.00000000,1723161255342,1723161255343,false,1,BTCUSDT").only();

        assertEquals("61600", e.price().toPlainString());
    }

    @Test
    void usesAnOverriddenQuantityScale() {
        ReplayEvent e = Rows.read(new BinanceTradeCsvSource(OptionalLong.of(1000)), "usdm_ethusdt_x.csv", HEADER
                + "43080685,2681.62,0.061,1723161256775,1723161256776,true,1723161255506486966,ETHUSDT").only();

        assertEquals("USDM", e.exchange());
        assertEquals(61, e.quantity());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "5266583935,61800.30,0.006,1723161256322,1723161256322,false,1,BTCUSDT|trade_id|"
                + "must be in 0..4294967295 (uint32): trade_id=5266583935",
        "1,61800.30,0.000000001,1723161256322,1723161256322,false,1,BTCUSDT|qty|"
                + "must be a whole number after scaling by 100000000: qty=0.000000001",
        "1,61800.30,-1,1723161256322,1723161256322,false,1,BTCUSDT|qty|must be > 0: qty=-1",
        "1,abc,1,1723161256322,1723161256322,false,1,BTCUSDT|price|must be a decimal number: price=abc",
        "1,61800.30,1,17231612x,1723161256322,false,1,BTCUSDT|trade_time_ms|must be an integer: trade_time_ms=17231612x",
        "1,61800.30,1,1723161256322,1723161256322,maybe,1,BTCUSDT|is_buyer_maker|"
                + "must be true or false: is_buyer_maker=maybe",
        "1,61800.30,1,1723161256322,1723161256322,false,1|columns|must have 8 columns: columns=7",
    })
    void rejectsAMalformedRow(String row, String field, String message) {
        Rows rows = Rows.read(new BinanceTradeCsvSource(), "spot_btcusdt_x.csv", HEADER + row + "\n" + SPOT_ROW);

        RowError error = rows.onlyError();
        assertEquals(new RowError("spot_btcusdt_x.csv", 2, field, error.value(), message), error);
        assertEquals(1, rows.events.size());
    }

    @Test
    void refusesAFileNameWithoutAMarketPrefix() {
        ReplayException e = assertThrows(ReplayException.class,
                () -> Rows.read(new BinanceTradeCsvSource(), "btcusdt.csv", HEADER + SPOT_ROW));

        assertEquals("must start with spot_, usdm_ or cm_: file name=btcusdt.csv", e.getMessage());
    }

    @Test
    void refusesANonPositiveQuantityScale() {
        ReplayException e = assertThrows(ReplayException.class, () -> new BinanceTradeCsvSource(OptionalLong.of(0)));

        assertEquals("must be > 0: quantityScale=0", e.getMessage());
    }
}
