package blackbox.candles.indicators;

import static blackbox.candles.indicators.IndicatorDefinition.Parameter.period;

import blackbox.candles.indicators.IndicatorDefinition.Parameter;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The indicators BlackBox computes, by spec name. Definitions follow the common textbook forms, with ta4j 0.22–0.24's
 * warm-up and seeding (the test oracle): SMA, EMA, WMA, RSI (Wilder), MACD, Bollinger Bands (population standard
 * deviation), ATR (Wilder), Stochastic (%K, %D), OBV and the session-anchored VWAP.
 */
public final class IndicatorCatalog {
    /** The longest period any indicator accepts, in bars. */
    public static final int MAX_PERIOD = 5000;

    private static final List<IndicatorDefinition> ALL = List.of(
            new IndicatorDefinition("sma", "Média móvel simples (SMA)", List.of(period("period", 20)),
                    List.of("sma"), true, (s, z) -> new Sma(s), null),
            new IndicatorDefinition("ema", "Média móvel exponencial (EMA)", List.of(period("period", 9)),
                    List.of("ema"), true, (s, z) -> new Ema(s), null),
            new IndicatorDefinition("wma", "Média móvel ponderada (WMA)", List.of(period("period", 20)),
                    List.of("wma"), true, (s, z) -> new Wma(s), null),
            new IndicatorDefinition("rsi", "IFR / RSI (Wilder)", List.of(period("period", 14)),
                    List.of("rsi"), false, (s, z) -> new Rsi(s), null),
            new IndicatorDefinition("macd", "MACD (rápida, lenta, sinal)",
                    List.of(period("fast", 12), period("slow", 26), period("signal", 9)),
                    List.of("macd", "signal", "histogram"), false, (s, z) -> new Macd(s),
                    (p, text) -> {
                        if (p[0] >= p[1]) {
                            throw new IndicatorSpec.InvalidSpecException("macd parameter fast must be less than slow: "
                                    + "fast=" + IndicatorSpec.format(p[0]) + ", slow=" + IndicatorSpec.format(p[1])
                                    + " in spec=\"" + text + "\"");
                        }
                    }),
            new IndicatorDefinition("bbands", "Bandas de Bollinger (período, k)",
                    List.of(period("period", 20), new Parameter("k", 2, 0.1, 10, false)),
                    List.of("middle", "upper", "lower"), true, (s, z) -> new Bollinger(s), null),
            new IndicatorDefinition("atr", "ATR (Wilder)", List.of(period("period", 14)),
                    List.of("atr"), false, (s, z) -> new Atr(s), null),
            new IndicatorDefinition("stoch", "Estocástico (%K, %D)", List.of(period("k", 14), period("d", 3)),
                    List.of("k", "d"), false, (s, z) -> new Stochastic(s), null),
            new IndicatorDefinition("obv", "OBV (saldo de volume)", List.of(),
                    List.of("obv"), false, (s, z) -> new Obv(s), null),
            new IndicatorDefinition("vwap", "VWAP da sessão", List.of(),
                    List.of("vwap"), true, SessionVwap::new, null));

    private IndicatorCatalog() {
    }

    /** @return every definition, in the order above */
    public static List<IndicatorDefinition> all() {
        return ALL;
    }

    /** @return the definition with this lower-case name */
    public static Optional<IndicatorDefinition> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** @return the known names, comma-separated */
    public static String names() {
        return ALL.stream().map(IndicatorDefinition::name).collect(Collectors.joining(", "));
    }

    /**
     * A fresh instance at the start of a series.
     *
     * @param zone the exchange's time zone (sessions for the VWAP)
     */
    public static StreamingIndicator create(IndicatorSpec spec, ZoneId zone) {
        return spec.definition().factory().apply(spec, zone);
    }

    /** Parses {@code text} and creates an instance; see {@link IndicatorSpec#parse}. */
    public static StreamingIndicator create(String text, ZoneId zone) {
        return create(IndicatorSpec.parse(text), zone);
    }
}
