package blackbox.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DomainTypesTest {

    @Test
    void instrumentParsesAndPrintsTickerColonExchange() {
        InstrumentId petr = InstrumentId.parse(" PETR4 : B ");
        assertEquals(new InstrumentId("PETR4", "B"), petr);
        assertEquals("PETR4:B", petr.toString());
    }

    @Test
    void instrumentRefusesMalformedPartsNamingThem() {
        assertEquals("ticker must match [A-Z0-9_.-]{1,32}: ticker=\"petr4\"",
                assertThrows(IllegalArgumentException.class, () -> new InstrumentId("petr4", "B")).getMessage());
        assertEquals("exchange must match [A-Z0-9_]{1,8}: exchange=\"\"",
                assertThrows(IllegalArgumentException.class, () -> new InstrumentId("PETR4", "")).getMessage());
        assertEquals("instrument must be TICKER:EXCHANGE, e.g. PETR4:B: value=\"PETR4\"",
                assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("PETR4")).getMessage());
    }

    @Test
    void instrumentsOrderByTickerThenExchange() {
        assertEquals(-1, Integer.signum(new InstrumentId("PETR4", "B").compareTo(new InstrumentId("VALE3", "A"))));
        assertEquals(-1, Integer.signum(new InstrumentId("PETR4", "B").compareTo(new InstrumentId("PETR4", "F"))));
    }

    @Test
    void accountRefusesSpacesAndOverlongValues() {
        assertEquals("1234567-8", new AccountId("1234567-8").toString());
        assertEquals("account must match [A-Za-z0-9._-]{1,32}: account=\"12 34\"",
                assertThrows(IllegalArgumentException.class, () -> new AccountId("12 34")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AccountId("x".repeat(33)));
    }

    @Test
    void sideSignsAndOpposites() {
        assertEquals(1, Side.BUY.sign());
        assertEquals(-1, Side.SELL.sign());
        assertEquals(Side.SELL, Side.BUY.opposite());
    }

    @Test
    void decimalsParsePlainTextOnly() {
        assertEquals(new BigDecimal("38.50"), Decimals.parse("price", "38.50"));
        assertEquals(new BigDecimal("-0.5"), Decimals.parse("price", "-0.5"));
        for (String bad : new String[] {"", "abc", "1e3", "1,5", "1.2.3", "-", "."}) {
            assertEquals("price must be a decimal: price=\"" + bad + "\"",
                    assertThrows(IllegalArgumentException.class, () -> Decimals.parse("price", bad)).getMessage());
        }
    }

    @Test
    void scaledConversionIsExactOrRefused() {
        assertEquals(385_000L, Decimals.parseScaled("price", "38.50", 4));
        assertEquals("price must have at most 2 decimals and fit 64 bits: price=\"38.505\"",
                assertThrows(IllegalArgumentException.class, () -> Decimals.parseScaled("price", "38.505", 2)).getMessage());
        assertEquals("38.50", Decimals.format(385_000L, 4, 2));
        assertEquals("38.505", Decimals.format(385_050L, 4, 2));
        assertEquals("-7", Decimals.format(-70_000L, 4, 0));
    }

    @Test
    void aDllDoublePriceBecomesExactScaledUnitsRoundedHalfEven() {
        assertEquals(385_000, Decimals.scaledFromDouble(38.5, 4));
        assertEquals(1_000, Decimals.scaledFromDouble(0.1, 4), "0.1 is not 0.1000000000000000055...");
        assertEquals(350_200, Decimals.scaledFromDouble(35.01995, 4), "half-even at the fifth decimal");
        assertThrows(NumberFormatException.class, () -> Decimals.scaledFromDouble(Double.NaN, 4));
    }
}
