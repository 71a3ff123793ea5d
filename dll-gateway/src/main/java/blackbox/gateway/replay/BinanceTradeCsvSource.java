package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Binance trade CSV: {@code trade_id,price,qty,trade_time_ms,event_time_ms,is_buyer_maker,local_recv_ns,symbol}.
 *
 * <ul>
 *   <li>Exchange from the file name prefix: {@code spot_} → {@code SPOT}, {@code usdm_} → {@code USDM},
 *       {@code cm_} → {@code CM}; any other name is misconfiguration.</li>
 *   <li>ts = {@code trade_time_ms} × 10⁶; trade number and source seq = {@code trade_id}, which must fit uint32.</li>
 *   <li>Quantity × scale must be a whole number; scale 10⁸ for spot/USD-M and 1 for COIN-M unless overridden.</li>
 *   <li>{@code is_buyer_maker=true} → 3 (seller aggressed), {@code false} → 2. No agents, no book.</li>
 *   <li>Price kept exact, trailing zeros dropped ({@code 61837.63000000} → {@code 61837.63}).</li>
 * </ul>
 */
public final class BinanceTradeCsvSource extends CsvSource {
    public static final long DEFAULT_LINEAR_SCALE = 100_000_000L;
    private static final List<String> COLUMNS = List.of("trade_id", "price", "qty", "trade_time_ms",
            "event_time_ms", "is_buyer_maker", "local_recv_ns", "symbol");

    private final OptionalLong quantityScale;

    /** Default quantity scales per market. */
    public BinanceTradeCsvSource() {
        this(OptionalLong.empty());
    }

    /** @param quantityScale the scale for every file, or empty for the per-market default; must be &gt; 0 */
    public BinanceTradeCsvSource(OptionalLong quantityScale) {
        if (quantityScale.isPresent() && quantityScale.getAsLong() <= 0) {
            throw new ReplayException("must be > 0: quantityScale=" + quantityScale.getAsLong());
        }
        this.quantityScale = quantityScale;
    }

    /** The exchange code for a file name, or misconfiguration if it has no known prefix. */
    static String exchangeOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("spot_")) {
            return "SPOT";
        }
        if (name.startsWith("usdm_")) {
            return "USDM";
        }
        if (name.startsWith("cm_")) {
            return "CM";
        }
        throw new ReplayException("must start with spot_, usdm_ or cm_: file name=" + name);
    }

    @Override
    RowParser begin(Path file, Map<String, Integer> header, ImportSink sink) {
        String exchange = exchangeOf(file);
        int[] c = Csv.columns(file.toString(), header, COLUMNS, "a Binance trade CSV file");
        long scale = quantityScale.orElse(exchange.equals("CM") ? 1 : DEFAULT_LINEAR_SCALE);
        sink.note("quantities scaled by " + scale + ": " + file);
        return f -> parse(exchange, scale, f[c[0]], f[c[1]], f[c[2]], f[c[3]], f[c[4]], f[c[5]], f[c[6]], f[c[7]]);
    }

    private static ReplayEvent parse(String exchange, long scale, String tradeId, String priceText, String qty,
                                     String tradeTime, String eventTime, String buyerMaker, String localRecv,
                                     String symbol) {
        long id = Fields.parseUint32("trade_id", tradeId);
        BigDecimal price = Fields.plain(Fields.parsePositiveDecimal("price", priceText));
        long quantity = Fields.parseQuantity("qty", qty, scale);
        long ms = Fields.parseNonNegativeLong("trade_time_ms", tradeTime);
        if (ms > Long.MAX_VALUE / 1_000_000L) {
            throw FieldException.of("trade_time_ms", tradeTime, "must be <= " + Long.MAX_VALUE / 1_000_000L);
        }
        Fields.parseNonNegativeLong("event_time_ms", eventTime);
        int tradeType = switch (buyerMaker.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> ReplayEvent.TRADE_TYPE_SELL;
            case "false" -> ReplayEvent.TRADE_TYPE_BUY;
            default -> throw FieldException.of("is_buyer_maker", buyerMaker, "must be true or false");
        };
        Fields.parseNonNegativeLong("local_recv_ns", localRecv);
        String ticker = ticker("symbol", symbol);
        return ReplayEvent.trade(ms * 1_000_000L, ticker, exchange, EventKind.T, id, price, quantity, tradeType,
                0, 0, null, null, id);
    }
}
