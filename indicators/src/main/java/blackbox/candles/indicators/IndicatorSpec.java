package blackbox.candles.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An indicator named with its parameters, parsed from text such as {@code ema(9)}, {@code macd(12,26,9)},
 * {@code bbands(20,2)} or {@code obv}. Names are case-insensitive and spaces are ignored; trailing parameters
 * may be left out and take their defaults ({@code rsi} is {@code rsi(14)}). The canonical form
 * ({@link #toString()}) is lower case with every parameter written out.
 *
 * @param definition what the name refers to
 * @param parameters one value per {@link IndicatorDefinition#parameters()}, validated
 */
public record IndicatorSpec(IndicatorDefinition definition, double[] parameters) {
    private static final Pattern SHAPE = Pattern.compile("([a-z][a-z0-9_]*)(?:\\((.*)\\))?");

    /**
     * Parses and validates a spec against {@link IndicatorCatalog}.
     *
     * @throws InvalidSpecException naming the spec, and the parameter when one is wrong
     */
    public static IndicatorSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSpecException("spec must not be empty, e.g. ema(9): spec=\"" + (text == null ? "" : text)
                    + "\"");
        }
        String compact = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            throw new InvalidSpecException("spec must look like name or name(p1,p2,...), e.g. macd(12,26,9): spec=\""
                    + text + "\"");
        }
        IndicatorDefinition def = IndicatorCatalog.find(m.group(1)).orElseThrow(() -> new InvalidSpecException(
                "unknown indicator \"" + m.group(1) + "\" (known: " + IndicatorCatalog.names() + "): spec=\"" + text
                        + "\""));
        List<String> given = new ArrayList<>();
        if (m.group(2) != null && !m.group(2).isEmpty()) {
            given.addAll(Arrays.asList(m.group(2).split(",", -1)));
        }
        List<IndicatorDefinition.Parameter> params = def.parameters();
        if (given.size() > params.size()) {
            throw new InvalidSpecException(def.name() + " takes " + params.size() + " parameter(s) "
                    + def.signature() + ", got " + given.size() + ": spec=\"" + text + "\"");
        }
        double[] values = new double[params.size()];
        for (int i = 0; i < params.size(); i++) {
            IndicatorDefinition.Parameter p = params.get(i);
            if (i >= given.size()) {
                values[i] = p.defaultValue();
                continue;
            }
            String raw = given.get(i);
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new InvalidSpecException(def.name() + " parameter " + p.name() + " must be a number: "
                        + p.name() + "=\"" + raw + "\" in spec=\"" + text + "\"");
            }
            if (!Double.isFinite(v) || v < p.min() || v > p.max() || (p.integer() && v != Math.rint(v))) {
                throw new InvalidSpecException(def.name() + " parameter " + p.name() + " must be "
                        + (p.integer() ? "an integer " : "") + "in [" + format(p.min()) + ", " + format(p.max())
                        + "]: " + p.name() + "=" + raw + " in spec=\"" + text + "\"");
            }
            values[i] = v;
        }
        IndicatorSpec spec = new IndicatorSpec(def, values);
        def.check(spec, text);
        return spec;
    }

    /** @return the parameter at {@code index} as an int (integer parameters only) */
    public int intParameter(int index) {
        return (int) parameters[index];
    }

    /** @return the output names, e.g. {@code [macd, signal, histogram]} */
    public List<String> outputs() {
        return definition.outputs();
    }

    /** The canonical text, e.g. {@code bbands(20,2)} or {@code obv}. */
    @Override
    public String toString() {
        if (parameters.length == 0) {
            return definition.name();
        }
        StringBuilder sb = new StringBuilder(definition.name()).append('(');
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(format(parameters[i]));
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorSpec s && s.definition.equals(definition) && Arrays.equals(s.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return definition.hashCode() * 31 + Arrays.hashCode(parameters);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A spec that names no known indicator or has a bad parameter. The message names the spec and parameter. */
    public static final class InvalidSpecException extends IllegalArgumentException {
        public InvalidSpecException(String message) {
            super(message);
        }
    }
}
