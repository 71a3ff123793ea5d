package blackbox.strategies.core;

import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.IndicatorDefinition;
import blackbox.candles.indicators.IndicatorSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the condition language: {@code ema(9) crosses_above ema(21) and (rsi(14) < 30 or close > bbands(20,2).upper)}.
 *
 * <pre>
 * or      := and ("or" and)*
 * and     := primary ("and" primary)*
 * primary := "(" or ")" | operand (("&lt;" | "&lt;=" | "&gt;" | "&gt;=") operand | ("crosses_above" | "crosses_below") operand)
 * operand := number | open | high | low | close | volume | name ["(" number ("," number)* ")"] ["." output]
 * </pre>
 *
 * Keywords and names are case-insensitive; "and" binds tighter than "or". A hand parser (about 150 lines) rather than a
 * parser generator: the grammar is the product's own and small, and a hand parser gives errors in the trader's terms
 * with the position of the wrong part ({@code unknown indicator 'emma' at 1:1}).
 */
public final class ConditionParser {
    private final String text;
    private final int baseLine;
    private final int baseColumn;
    private int pos;

    private ConditionParser(String text, int baseLine, int baseColumn) {
        this.text = text;
        this.baseLine = baseLine;
        this.baseColumn = baseColumn;
    }

    /**
     * @return the condition
     * @throws StrategyParseException naming the wrong part and its line:column (1-based)
     */
    public static Condition parse(String text) {
        return parse(text, 1, 1);
    }

    /**
     * Parses a condition that starts at {@code line:column} of a larger text (a strategy definition), so that errors
     * point into that text.
     */
    public static Condition parse(String text, int line, int column) {
        if (text == null || text.isBlank()) {
            throw new StrategyParseException("condition must not be empty, e.g. ema(9) crosses_above ema(21) at "
                    + line + ":" + column);
        }
        ConditionParser p = new ConditionParser(text, line, column);
        Condition c = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "unexpected '" + p.word() + "', expected 'and', 'or' or the end");
        }
        return c;
    }

    private Condition or() {
        Condition c = and();
        while (keyword("or")) {
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = primary();
        while (keyword("and")) {
            c = new Condition.And(c, primary());
        }
        return c;
    }

    private Condition primary() {
        skipSpace();
        if (peek() == '(') {
            int open = pos++;
            Condition c = or();
            skipSpace();
            if (peek() != ')') {
                throw error(open, "unclosed '('");
            }
            pos++;
            return c;
        }
        Operand left = operand();
        skipSpace();
        int at = pos;
        if (keyword("crosses_above")) {
            return new Condition.Cross(left, true, operand());
        }
        if (keyword("crosses_below")) {
            return new Condition.Cross(left, false, operand());
        }
        Condition.Op op;
        if (text.startsWith("<=", pos)) {
            op = Condition.Op.LE;
        } else if (text.startsWith(">=", pos)) {
            op = Condition.Op.GE;
        } else if (text.startsWith("<", pos)) {
            op = Condition.Op.LT;
        } else if (text.startsWith(">", pos)) {
            op = Condition.Op.GT;
        } else {
            throw error(at, at >= text.length() ? "expected <, <=, >, >=, crosses_above or crosses_below after '"
                    + left + "', got the end" : "expected <, <=, >, >=, crosses_above or crosses_below, got '"
                    + word() + "'");
        }
        pos += op.text.length();
        return new Condition.Compare(left, op, operand());
    }

    private Operand operand() {
        skipSpace();
        int start = pos;
        if (pos >= text.length()) {
            throw error(start, "expected a number, a candle field or an indicator, got the end");
        }
        char c = peek();
        if (Character.isDigit(c) || c == '-' || c == '.') {
            String number = scan("[-0-9.eE]");
            try {
                return new Operand.Constant(Double.parseDouble(number));
            } catch (NumberFormatException e) {
                throw error(start, "bad number '" + number + "'");
            }
        }
        if (!Character.isLetter(c)) {
            throw error(start, "expected a number, a candle field or an indicator, got '" + word() + "'");
        }
        String name = scan("[A-Za-z0-9_]").toLowerCase(Locale.ROOT);
        for (Operand.Field.Name f : Operand.Field.Name.values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return new Operand.Field(f);
            }
        }
        Optional<IndicatorDefinition> def = IndicatorCatalog.find(name);
        if (def.isEmpty()) {
            throw error(start, "unknown indicator '" + name + "' (known: open, high, low, close, volume, "
                    + IndicatorCatalog.names() + ")");
        }
        String params = "";
        if (peek() == '(') {
            int close = text.indexOf(')', pos);
            if (close < 0) {
                throw error(pos, "unclosed '(' of " + name);
            }
            params = text.substring(pos, close + 1);
            pos = close + 1;
        }
        IndicatorSpec spec;
        try {
            spec = IndicatorSpec.parse(name + params);
        } catch (IndicatorSpec.InvalidSpecException e) {
            throw error(start, e.getMessage());
        }
        int output = 0;
        if (peek() == '.') {
            pos++;
            int outAt = pos;
            String out = scan("[A-Za-z0-9_]").toLowerCase(Locale.ROOT);
            output = spec.outputs().indexOf(out);
            if (output < 0) {
                throw error(outAt, "unknown output '" + out + "' of " + spec + " (outputs: "
                        + String.join(", ", spec.outputs()) + ")");
            }
        } else if (spec.outputs().size() > 1) {
            throw error(start, spec + " has several outputs, name one: " + spec + "." + spec.outputs().getFirst()
                    + " (outputs: " + String.join(", ", spec.outputs()) + ")");
        }
        return new Operand.Indicator(spec, output);
    }

    private boolean keyword(String k) {
        skipSpace();
        int end = pos + k.length();
        if (text.regionMatches(true, pos, k, 0, k.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private String scan(String charClass) {
        int start = pos;
        while (pos < text.length() && String.valueOf(text.charAt(pos)).matches(charClass)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String word() {
        int end = pos;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, Math.max(end, Math.min(pos + 1, text.length())));
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private StrategyParseException error(int at, String message) {
        int line = baseLine;
        int col = baseColumn;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new StrategyParseException(message + " at " + line + ":" + col);
    }
}
