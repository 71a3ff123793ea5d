package blackbox.gateway.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PricesTest {
    @ParameterizedTest
    @CsvSource({"38.57, 38.57", "38.5, 38.5", "38.50, 38.5", "120000, 120000", "0.0001, 0.0001", "5.123456, 5.123456"})
    void aRequestPriceIsParsedAndComesBackFromTheDllDoubleUnchanged(String text, String expected) throws Exception {
        BigDecimal p = Prices.parse(text);
        assertEquals(expected, Prices.text(p));
        assertEquals(expected, Prices.text(Prices.fromDll(p.doubleValue())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "1e3", "1,5", " 1", "1.", ".5", "0", "0.000", "1.123456789", "1234567890123456"})
    void malformedOrNonPositivePricesAreRefused(String text) {
        assertThrows(Prices.PriceFormatException.class, () -> Prices.parse(text));
    }

    @Test
    void theDllsNoPriceValuesReadAsNone() {
        assertNull(Prices.fromDll(-1));
        assertNull(Prices.fromDll(0));
        assertNull(Prices.fromDll(Double.NaN));
        assertNull(Prices.fromDll(Double.POSITIVE_INFINITY));
        assertEquals("0", Prices.text(Prices.averageFromDll(0)));
    }

    @Test
    void aDoubleReadsAsItsShortestDecimalNotItsBinaryExpansion() {
        assertEquals("38.57000000000000028421709430404007434844970703125", new BigDecimal(38.57).toPlainString());
        assertEquals("38.57", Prices.text(Prices.fromDll(38.57)));
        assertEquals("0.30000000000000004", Prices.text(Prices.fromDll(0.1 + 0.2)));
        assertEquals("36.01", Prices.text(Prices.fromDll(36.01)));
    }

    @Test
    void lastPxRecoversEachFillFromTwoAverages() {
        // 300 at 36.01 then 200 at 36.02: the DLL's average after both is 18011/500 = 36.014
        double avg1 = 36.01;
        double avg2 = (300 * 36.01 + 200 * 36.02) / 500;
        BigDecimal lp = Prices.lastPx(Prices.averageFromDll(avg1), 300, Prices.averageFromDll(avg2), 500);
        assertEquals("36.02", Prices.text(lp));
        assertEquals("36.01", Prices.text(Prices.lastPx(null, 0, Prices.averageFromDll(avg1), 300)));
    }

    @Test
    void lastPxRefusesAQuantityThatDoesNotGrow() {
        assertThrows(IllegalArgumentException.class, () -> Prices.lastPx(BigDecimal.ONE, 100, BigDecimal.ONE, 100));
    }
}
