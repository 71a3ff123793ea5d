package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * Any CSV with a header row, read through a {@link ColumnMapping}. Trades only ({@code T}); no agents, no book.
 * Without a trade-number column trades are numbered 1, 2, 3… per instrument and São Paulo date, like B3;
 * without a side column the trade type is 32 (unknown).
 */
public final class GenericCsvSource extends CsvSource {
    private final ColumnMapping mapping;
    private final SessionNumbering numbering = new SessionNumbering();

    public GenericCsvSource(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    RowParser begin(Path file, Map<String, Integer> header, ImportSink sink) {
        String name = file.toString();
        int ts = column(name, header, "ts", mapping.tsColumn());
        int price = column(name, header, "price", mapping.price());
        int quantity = column(name, header, "quantity", mapping.quantity());
        int ticker = mapping.ticker().column() == null ? -1 : column(name, header, "ticker", mapping.ticker().column());
        int exchange = mapping.exchange().column() == null
                ? -1 : column(name, header, "exchange", mapping.exchange().column());
        int side = mapping.side() == null ? -1 : column(name, header, "side", mapping.side().column());
        int number = mapping.tradeNumber() == null ? -1 : column(name, header, "trade_number", mapping.tradeNumber());
        return f -> parse(f, ts, ticker, exchange, price, quantity, side, number);
    }

    private ReplayEvent parse(String[] f, int tsAt, int tickerAt, int exchangeAt, int priceAt, int quantityAt,
                              int sideAt, int numberAt) {
        long ts = mapping.tsUnit().toNanos(mapping.tsColumn(), f[tsAt]);
        String ticker = tickerAt < 0 ? mapping.ticker().constant() : ticker(mapping.ticker().column(), f[tickerAt]);
        String exchange = exchangeAt < 0
                ? mapping.exchange().constant() : exchange(mapping.exchange().column(), f[exchangeAt]);
        String priceText = f[priceAt];
        BigDecimal price = Fields.onTick(mapping.price(), priceText,
                Fields.parsePositiveDecimal(mapping.price(), priceText), mapping.tick());
        if (price.signum() <= 0) {
            throw FieldException.of(mapping.price(), priceText, "must be >= the tick " + mapping.tick().toPlainString());
        }
        long quantity = Fields.parseQuantity(mapping.quantity(), f[quantityAt], mapping.quantityScale());
        int tradeType = sideAt < 0 ? ReplayEvent.TRADE_TYPE_UNKNOWN : tradeType(f[sideAt]);
        Long sourceSeq = null;
        long number;
        if (numberAt >= 0) {
            number = Fields.parseUint32(mapping.tradeNumber(), f[numberAt]);
            sourceSeq = number;
        } else {
            number = numbering.next(ticker, exchange, ts);
        }
        return ReplayEvent.trade(ts, ticker, exchange, EventKind.T, number, price, quantity, tradeType, 0, 0,
                null, null, sourceSeq);
    }

    private int tradeType(String value) {
        ColumnMapping.Side side = mapping.side();
        if (value.equals(side.buy())) {
            return ReplayEvent.TRADE_TYPE_BUY;
        }
        if (value.equals(side.sell())) {
            return ReplayEvent.TRADE_TYPE_SELL;
        }
        throw FieldException.of(side.column(), value, "must be " + side.buy() + " or " + side.sell());
    }

    private static int column(String file, Map<String, Integer> header, String key, String column) {
        Integer at = header.get(column);
        if (at == null) {
            throw new ReplayException("mapping " + key + "=" + column + " names no column of the header "
                    + header.keySet().stream().sorted().toList() + ": " + file);
        }
        return at;
    }
}
