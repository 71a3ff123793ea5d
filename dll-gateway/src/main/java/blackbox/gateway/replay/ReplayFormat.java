package blackbox.gateway.replay;

import java.util.List;

/** The fixed text of a {@code blackbox-replay v1} file: magic line and columns. */
public final class ReplayFormat {
    public static final String MAGIC = "# blackbox-replay v1";
    public static final List<String> COLUMNS = List.of("ts_nanos", "ticker", "exchange", "event", "trade_number",
            "price", "quantity", "trade_type", "buy_agent", "sell_agent", "bid", "ask", "source_seq");
    public static final String HEADER = String.join(",", COLUMNS);

    private ReplayFormat() {
    }
}
