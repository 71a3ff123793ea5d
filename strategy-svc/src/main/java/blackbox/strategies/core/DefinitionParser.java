package blackbox.strategies.core;

import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a strategy definition: one {@code key: value} per line, {@code #} starts a comment.
 *
 * <pre>
 * instrument:   PETR4:B
 * timeframe:    1m                     # 1m 5m 15m 60m 1d 1w
 * side:         long                   # long | short
 * entry:        ema(9) crosses_above ema(21) and rsi(14) &lt; 70
 * exit:         ema(9) crosses_below ema(21)     # optional when a take-profit or stop-loss is given
 * size:         100                    # shares | 5000 BRL | 10%
 * take_profit:  20 ticks               # ticks | BRL | %  (optional)
 * stop_loss:    1%                     # ticks | BRL | %  (optional)
 * max_drawdown: 10%                    # BRL | %          (optional)
 * tick:         0.01                   # default 0.01
 * lot:          100                    # default 1
 * </pre>
 *
 * Errors name the key or part and its line:column, e.g. {@code unknown indicator 'emma' at 4:15}.
 */
public final class DefinitionParser {
    private static final Set<String> KEYS = Set.of("instrument", "timeframe", "side", "entry", "exit", "size",
            "take_profit", "stop_loss", "max_drawdown", "tick", "lot");

    private DefinitionParser() {
    }

    /** @throws StrategyParseException naming the wrong key, value or part, with its line:column */
    public static StrategyDefinition parse(String text) {
        record Value(String text, int line, int column) {
        }
        Map<String, Value> values = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            if (content.isBlank()) {
                continue;
            }
            int keyAt = indent(content);
            int colon = content.indexOf(':');
            if (colon < 0) {
                throw new StrategyParseException("expected key: value, got '" + content.strip() + "' at " + (n + 1)
                        + ":" + (keyAt + 1));
            }
            String key = content.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new StrategyParseException("unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream()
                        .sorted().toList()) + ") at " + (n + 1) + ":" + (keyAt + 1));
            }
            if (values.containsKey(key)) {
                throw new StrategyParseException("key '" + key + "' given twice at " + (n + 1) + ":" + (keyAt + 1));
            }
            String raw = content.substring(colon + 1);
            int valueAt = colon + 1 + indent(raw);
            // the instrument's own colon (PETR4:B) belongs to the value
            values.put(key, new Value(raw.strip(), n + 1, valueAt + 1));
        }
        for (String required : new String[] {"instrument", "timeframe", "side", "entry", "size"}) {
            if (!values.containsKey(required)) {
                throw new StrategyParseException("missing key '" + required + "' at " + (lines.length) + ":1");
            }
        }
        Value v = values.get("instrument");
        InstrumentId instrument = wrap(v.line, v.column, () -> InstrumentId.parse(v.text));
        Value tf = values.get("timeframe");
        Timeframe timeframe = wrap(tf.line, tf.column, () -> Timeframe.parse(tf.text));
        Value side = values.get("side");
        int direction = switch (side.text.toLowerCase(Locale.ROOT)) {
            case "long" -> 1;
            case "short" -> -1;
            default -> throw new StrategyParseException("side must be long or short, got '" + side.text + "' at "
                    + side.line + ":" + side.column);
        };
        Value entry = values.get("entry");
        Condition entryCondition = ConditionParser.parse(entry.text, entry.line, entry.column);
        Value exit = values.get("exit");
        Condition exitCondition = exit == null ? null : ConditionParser.parse(exit.text, exit.line, exit.column);
        Value size = values.get("size");
        Amount sizeAmount = amount("size", size.text, size.line, size.column,
                EnumSet.of(Amount.Unit.SHARES, Amount.Unit.BRL, Amount.Unit.PERCENT));
        Set<Amount.Unit> offsets = EnumSet.of(Amount.Unit.TICKS, Amount.Unit.BRL, Amount.Unit.PERCENT);
        Value tp = values.get("take_profit");
        Amount takeProfit = tp == null ? null : amount("take_profit", tp.text, tp.line, tp.column, offsets);
        Value sl = values.get("stop_loss");
        Amount stopLoss = sl == null ? null : amount("stop_loss", sl.text, sl.line, sl.column, offsets);
        Value dd = values.get("max_drawdown");
        Amount maxDrawdown = dd == null ? null : amount("max_drawdown", dd.text, dd.line, dd.column,
                EnumSet.of(Amount.Unit.BRL, Amount.Unit.PERCENT));
        if (exitCondition == null && takeProfit == null && stopLoss == null) {
            throw new StrategyParseException("missing key 'exit' (needed without take_profit or stop_loss) at "
                    + entry.line + ":1");
        }
        Value tick = values.get("tick");
        BigDecimal tickSize = tick == null ? new BigDecimal("0.01")
                : amount("tick", tick.text, tick.line, tick.column, EnumSet.of(Amount.Unit.SHARES)).value();
        Value lot = values.get("lot");
        long lotSize = 1;
        if (lot != null) {
            BigDecimal l = amount("lot", lot.text, lot.line, lot.column, EnumSet.of(Amount.Unit.SHARES)).value();
            if (l.stripTrailingZeros().scale() > 0) {
                throw new StrategyParseException("lot must be a whole number of shares, got '" + lot.text + "' at "
                        + lot.line + ":" + lot.column);
            }
            lotSize = l.longValueExact();
        }
        if (sizeAmount.unit() == Amount.Unit.SHARES && sizeAmount.value().stripTrailingZeros().scale() > 0) {
            throw new StrategyParseException("size in shares must be whole, got '" + size.text + "' at " + size.line
                    + ":" + size.column);
        }
        return new StrategyDefinition(instrument, timeframe, direction, entryCondition, exitCondition, sizeAmount,
                takeProfit, stopLoss, maxDrawdown, tickSize, lotSize);
    }

    private static Amount amount(String key, String text, int line, int column, Set<Amount.Unit> allowed) {
        String t = text.toLowerCase(Locale.ROOT).replace(" ", "");
        Amount.Unit unit = Amount.Unit.SHARES;
        String number = t;
        if (t.endsWith("%")) {
            unit = Amount.Unit.PERCENT;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("brl")) {
            unit = Amount.Unit.BRL;
            number = t.substring(0, t.length() - 3);
        } else if (t.endsWith("ticks") || t.endsWith("tick")) {
            unit = Amount.Unit.TICKS;
            number = t.substring(0, t.length() - (t.endsWith("ticks") ? 5 : 4));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new StrategyParseException(key + " must be a number with an optional unit, got '" + text + "' at "
                    + line + ":" + column);
        }
        if (value.signum() <= 0) {
            throw new StrategyParseException(key + " must be > 0, got '" + text + "' at " + line + ":" + column);
        }
        if (!allowed.contains(unit)) {
            throw new StrategyParseException(key + " takes " + allowed.stream().map(u -> u.name().toLowerCase(Locale.ROOT))
                    .toList() + ", got '" + text + "' at " + line + ":" + column);
        }
        return new Amount(value, unit);
    }

    private static <T> T wrap(int line, int column, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new StrategyParseException(e.getMessage() + " at " + line + ":" + column);
        }
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
