package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which columns of a generic CSV hold the canonical fields.
 *
 * <p>Text form: comma-separated {@code key=value} pairs, e.g.
 * {@code ts=time:epoch_ms,price=px,quantity=qty,side=side:B/S,ticker=@PETR4,exchange=@B}.
 * <ul>
 *   <li>{@code ts=COLUMN:UNIT} (required), unit {@code epoch_ns|epoch_us|epoch_ms|epoch_s|iso}</li>
 *   <li>{@code ticker}, {@code exchange} (required): a column, or {@code @VALUE} for a constant</li>
 *   <li>{@code price}, {@code quantity} (required): columns</li>
 *   <li>{@code side=COLUMN:BUY/SELL} (optional; absent → trade type 32 unknown)</li>
 *   <li>{@code trade_number=COLUMN} (optional; absent → numbered 1.. per ticker and São Paulo date)</li>
 *   <li>{@code tick=0.01} (optional; price rounded half-up to it), {@code quantity_scale=N} (optional, default 1)</li>
 * </ul>
 *
 * @param side        {@code null} when the file has no side
 * @param tradeNumber {@code null} when trades are to be numbered
 * @param tick        {@code null} to keep prices as given
 */
public record ColumnMapping(String tsColumn, TimestampUnit tsUnit, ColumnOrConstant ticker,
                            ColumnOrConstant exchange, String price, String quantity, Side side,
                            String tradeNumber, BigDecimal tick, long quantityScale) {

    /** A column name, or a constant when the file has no such column. */
    public record ColumnOrConstant(String column, String constant) {
        public ColumnOrConstant {
            if ((column == null) == (constant == null)) {
                throw new IllegalArgumentException("exactly one of column and constant: " + column + "/" + constant);
            }
        }
    }

    /** The side column and the values meaning an aggressive buy and an aggressive sell. */
    public record Side(String column, String buy, String sell) {
        public Side {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(buy, "buy");
            Objects.requireNonNull(sell, "sell");
        }
    }

    private static final Set<String> KEYS =
            Set.of("ts", "ticker", "exchange", "price", "quantity", "side", "trade_number", "tick", "quantity_scale");

    public ColumnMapping {
        Objects.requireNonNull(tsColumn, "tsColumn");
        Objects.requireNonNull(tsUnit, "tsUnit");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        if (tick != null && tick.signum() <= 0) {
            throw new ReplayException("must be > 0: tick=" + tick);
        }
        if (quantityScale <= 0) {
            throw new ReplayException("must be > 0: quantity_scale=" + quantityScale);
        }
    }

    /**
     * Parses the text form.
     *
     * @throws ReplayException naming the bad key or value, e.g. {@code unknown mapping key: colour=red}
     */
    public static ColumnMapping parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : text.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new ReplayException("must be key=value: mapping entry=" + item);
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new ReplayException("unknown mapping key (known: ts, ticker, exchange, price, quantity, side, "
                        + "trade_number, tick, quantity_scale): " + key + "=" + value);
            }
            if (value.isEmpty()) {
                throw new ReplayException("must not be empty: " + key + "=");
            }
            if (pairs.put(key, value) != null) {
                throw new ReplayException("mapping key given twice: " + key);
            }
        }
        for (String required : new String[] {"ts", "ticker", "exchange", "price", "quantity"}) {
            if (!pairs.containsKey(required)) {
                throw new ReplayException("missing mapping key: " + required);
            }
        }
        String ts = pairs.get("ts");
        int colon = ts.lastIndexOf(':');
        TimestampUnit unit = colon > 0 ? TimestampUnit.ofName(ts.substring(colon + 1)) : null;
        if (unit == null) {
            throw new ReplayException("must be COLUMN:epoch_ns|epoch_us|epoch_ms|epoch_s|iso: ts=" + ts);
        }
        return new ColumnMapping(ts.substring(0, colon), unit,
                columnOrConstant("ticker", pairs.get("ticker"), ReplayEvent.TICKER.pattern()),
                columnOrConstant("exchange", pairs.get("exchange"), ReplayEvent.EXCHANGE.pattern()),
                pairs.get("price"), pairs.get("quantity"), side(pairs.get("side")), pairs.get("trade_number"),
                tick(pairs.get("tick")), quantityScale(pairs.get("quantity_scale")));
    }

    private static ColumnOrConstant columnOrConstant(String key, String value, String pattern) {
        if (!value.startsWith("@")) {
            return new ColumnOrConstant(value, null);
        }
        String constant = value.substring(1);
        if (!constant.matches(pattern)) {
            throw new ReplayException("must match " + pattern + ": " + key + "=" + value);
        }
        return new ColumnOrConstant(null, constant);
    }

    private static Side side(String value) {
        if (value == null) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        int slash = value.indexOf('/', colon + 1);
        if (colon <= 0 || slash <= colon + 1 || slash == value.length() - 1) {
            throw new ReplayException("must be COLUMN:BUY/SELL: side=" + value);
        }
        String buy = value.substring(colon + 1, slash);
        String sell = value.substring(slash + 1);
        if (buy.equals(sell)) {
            throw new ReplayException("buy and sell values must differ: side=" + value);
        }
        return new Side(value.substring(0, colon), buy, sell);
    }

    private static BigDecimal tick(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal tick = new BigDecimal(value);
            if (tick.signum() > 0) {
                return tick;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReplayException("must be a decimal > 0: tick=" + value);
    }

    private static long quantityScale(String value) {
        if (value == null) {
            return 1;
        }
        try {
            long scale = Long.parseLong(value);
            if (scale > 0) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ReplayException("must be an integer > 0: quantity_scale=" + value);
    }
}
