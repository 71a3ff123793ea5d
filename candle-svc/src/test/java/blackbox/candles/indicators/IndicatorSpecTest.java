package blackbox.candles.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSpecTest {
    @Test
    void parsesNamesAndParametersToTheCanonicalForm() {
        assertEquals("ema(9)", IndicatorSpec.parse("ema(9)").toString());
        assertEquals("macd(12,26,9)", IndicatorSpec.parse(" MACD( 12, 26 ,9 ) ").toString());
        assertEquals("bbands(20,2)", IndicatorSpec.parse("bbands(20,2.0)").toString());
        assertEquals("bbands(20,2.5)", IndicatorSpec.parse("bbands(20,2.5)").toString());
        assertEquals("obv", IndicatorSpec.parse("obv").toString());
        assertEquals("vwap", IndicatorSpec.parse("VWAP()").toString());
    }

    @Test
    void leftOutParametersTakeTheirDefaults() {
        assertEquals("rsi(14)", IndicatorSpec.parse("rsi").toString());
        assertEquals("macd(5,26,9)", IndicatorSpec.parse("macd(5)").toString());
        assertEquals("stoch(14,3)", IndicatorSpec.parse("stoch").toString());
        assertEquals(List.of("macd", "signal", "histogram"), IndicatorSpec.parse("macd").outputs());
    }

    @Test
    void equalSpecsAreEqualWhateverTheirSpelling() {
        assertEquals(IndicatorSpec.parse("ema(9)"), IndicatorSpec.parse("EMA( 9 )"));
        assertEquals(IndicatorSpec.parse("ema(9)").hashCode(), IndicatorSpec.parse("EMA( 9 )").hashCode());
    }

    @Test
    void errorsNameTheSpecAndTheParameter() {
        assertMessage("unknown indicator \"foo\"", "foo(3)");
        assertMessage("spec=\"foo(3)\"", "foo(3)");
        assertMessage("ema parameter period must be an integer in [1, 5000]: period=0 in spec=\"ema(0)\"", "ema(0)");
        assertMessage("period=2.5", "ema(2.5)");
        assertMessage("period=\"x\"", "sma(x)");
        assertMessage("ema takes 1 parameter(s) (period), got 2", "ema(9,3)");
        assertMessage("bbands parameter k must be in [0.1, 10]: k=-1", "bbands(20,-1)");
        assertMessage("macd parameter fast must be less than slow: fast=26, slow=12", "macd(26,12,9)");
        assertMessage("spec must not be empty", " ");
        assertMessage("spec must look like name or name(p1,p2,...)", "ema(9");
        assertMessage("spec must look like", "sma()x");
        assertMessage("macd parameter fast must be a number: fast=\"\"", "macd(,26)");
    }

    @Test
    void theCatalogueDescribesEveryIndicatorTheIssueNames() {
        assertEquals(List.of("sma", "ema", "wma", "rsi", "macd", "bbands", "atr", "stoch", "obv", "vwap"),
                IndicatorCatalog.all().stream().map(IndicatorDefinition::name).toList());
        for (IndicatorDefinition d : IndicatorCatalog.all()) {
            IndicatorSpec spec = IndicatorSpec.parse(d.name());
            assertEquals(d.outputs().size(), IndicatorCatalog.create(spec, java.time.ZoneOffset.UTC).outputCount());
        }
    }

    private static void assertMessage(String expectedPart, String spec) {
        IndicatorSpec.InvalidSpecException e = assertThrows(IndicatorSpec.InvalidSpecException.class,
                () -> IndicatorSpec.parse(spec));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
