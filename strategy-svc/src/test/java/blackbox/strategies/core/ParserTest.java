package blackbox.strategies.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static void fails(String condition, String expected) {
        StrategyParseException e = assertThrows(StrategyParseException.class, () -> ConditionParser.parse(condition));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }

    @Test
    void parsesTheLanguageWithAndBindingTighterThanOr() {
        assertEquals("((ema(9) crosses_above ema(21) and rsi(14) < 30.0) or close > bbands(20,2).upper)",
                ConditionParser.parse("EMA(9) crosses_above ema( 21 ) and rsi(14)<30 or close > bbands(20,2).upper")
                        .toString());
        assertEquals("(close >= 1.0 and (sma(20) crosses_below close or volume <= 100.0))",
                ConditionParser.parse("close >= 1 and (sma(20) crosses_below close or volume <= 100)").toString());
    }

    @Test
    void errorsNameThePartAndItsPosition() {
        fails("emma(9) crosses_above ema(21)", "unknown indicator 'emma'");
        fails("emma(9) crosses_above ema(21)", "at 1:1");
        fails("ema(9) crosses_abov ema(21)", "got 'crosses_abov' at 1:8");
        fails("close > bbands(20,2).uper", "unknown output 'uper' of bbands(20,2) (outputs: middle, upper, lower) at 1:22");
        fails("close > bbands(20,2)", "name one: bbands(20,2).middle");
        fails("(rsi(14) < 30", "unclosed '(' at 1:1");
        fails("rsi(14) < 30 and rsi(0) > 1", "at 1:18");
        fails("rsi(14) <", "got the end at 1:10");
        fails("rsi(14) < 30 xor close > 1", "unexpected 'xor', expected 'and', 'or' or the end at 1:14");
        fails("", "must not be empty");
    }

    @Test
    void definitionParsesEveryKey() {
        StrategyDefinition d = DefinitionParser.parse("""
                # trend following
                instrument:   PETR4:B
                timeframe:    1m
                side:         short
                entry:        ema(9) crosses_below ema(21)
                exit:         ema(9) crosses_above ema(21)
                size:         10%
                take_profit:  20 ticks
                stop_loss:    150 BRL
                max_drawdown: 5%
                tick:         0.01
                lot:          100
                """);
        assertEquals("PETR4:B", d.instrument().toString());
        assertEquals(-1, d.direction());
        assertEquals(new Amount(new BigDecimal("10"), Amount.Unit.PERCENT), d.size());
        assertEquals(new Amount(new BigDecimal("20"), Amount.Unit.TICKS), d.takeProfit());
        assertEquals(new Amount(new BigDecimal("150"), Amount.Unit.BRL), d.stopLoss());
        assertEquals(new Amount(new BigDecimal("5"), Amount.Unit.PERCENT), d.maxDrawdown());
        assertEquals(100, d.lot());
    }

    @Test
    void definitionErrorsPointIntoTheText() {
        String base = "instrument: PETR4:B\ntimeframe: 1m\nside: long\n";
        assertEquals("unknown indicator 'emma' (known: open, high, low, close, volume, sma, ema, wma, rsi, macd, "
                        + "bbands, atr, stoch, obv, vwap) at 4:8",
                assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                        base + "entry: emma(9) > 1\nexit: close < 1\nsize: 100")).getMessage());
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                base + "entri: close > 1\nsize: 100")).getMessage().startsWith("unknown key 'entri'"));
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                base + "entry: close > 1\nexit: close < 1\nsize: 10.5")).getMessage()
                .equals("size in shares must be whole, got '10.5' at 6:7"));
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                base + "entry: close > 1\nsize: 100")).getMessage().startsWith("missing key 'exit'"));
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                base + "entry: close > 1\nexit: close < 1\nsize: 100\nstop_loss: 5 shares")).getMessage()
                .startsWith("stop_loss must be a number"));
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                "instrument: PETR4\ntimeframe: 1m\nside: long\nentry: close > 1\nexit: close < 1\nsize: 100"))
                .getMessage().endsWith("at 1:13"));
        assertTrue(assertThrows(StrategyParseException.class, () -> DefinitionParser.parse(
                "instrument: PETR4:B\ntimeframe: 2m\nside: long\nentry: close > 1\nexit: close < 1\nsize: 100"))
                .getMessage().startsWith("timeframe must be one of"));
    }
}
