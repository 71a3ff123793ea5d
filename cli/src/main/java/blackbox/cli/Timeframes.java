package blackbox.cli;

import java.util.ArrayList;
import java.util.List;

/** The candle timeframes candle-svc serves; also picocli's completion candidates for {@code --tf}. */
public final class Timeframes extends ArrayList<String> {
    public static final List<String> ALL = List.of("1m", "5m", "15m", "60m", "1d", "1w");

    public Timeframes() {
        super(ALL);
    }

    /** @throws CliException (usage) naming the value when it is not one of {@link #ALL} */
    public static String check(String tf) {
        if (!ALL.contains(tf)) throw CliException.usage("must be one of " + String.join("|", ALL) + ": --tf=" + tf);
        return tf;
    }
}
