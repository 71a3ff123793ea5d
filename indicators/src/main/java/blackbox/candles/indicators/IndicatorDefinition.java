package blackbox.candles.indicators;

import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One kind of indicator: its name, parameters, outputs and how to build a streaming instance.
 *
 * @param name lower case, as written in a spec ({@code macd})
 * @param title for people, e.g. {@code MACD (fast, slow, signal)}
 * @param parameters in spec order
 * @param outputs names of the values each bar gives, in order
 * @param overlay true when drawn over the price (moving averages, bands, VWAP), false for its own pane
 * @param factory builds an instance for a spec and the exchange's time zone (sessions)
 * @param rule an extra check across parameters (e.g. MACD fast &lt; slow); null for none
 */
public record IndicatorDefinition(String name, String title, List<Parameter> parameters, List<String> outputs,
                                  boolean overlay, BiFunction<IndicatorSpec, ZoneId, StreamingIndicator> factory,
                                  CrossCheck rule) {
    /**
     * A parameter and its range.
     *
     * @param integer true for periods (bar counts)
     */
    public record Parameter(String name, double defaultValue, double min, double max, boolean integer) {
        static Parameter period(String name, int defaultValue) {
            return new Parameter(name, defaultValue, 1, IndicatorCatalog.MAX_PERIOD, true);
        }
    }

    /** A rule across parameters; throws {@link IndicatorSpec.InvalidSpecException} naming them. */
    @FunctionalInterface
    public interface CrossCheck {
        void check(double[] parameters, String text);
    }

    void check(IndicatorSpec spec, String text) {
        if (rule != null) {
            rule.check(spec.parameters(), text);
        }
    }

    /** @return e.g. {@code (fast, slow, signal)} */
    public String signature() {
        return "(" + String.join(", ", parameters.stream().map(Parameter::name).toList()) + ")";
    }
}
