package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * B3 UMDF CSV (the BTG files): {@code symbol, rpt_seq, network_received_time, event_type, md_entry_px,
 * md_entry_size, aggressor, en_s_px_1, en_b_px_1}.
 *
 * <ul>
 *   <li>{@code trade} rows → {@code T}; price rounded half-up to 0.01; size must be a whole number &gt; 0;
 *       aggressor 4 → 2 (buy), 3 → 3 (sell), 2 → 4 (auction), 1 → 32 (unknown).</li>
 *   <li>{@code book} rows → {@code K}; their trade columns are ignored.</li>
 *   <li>Every row: {@code en_b_px_1}/{@code en_s_px_1} → bid/ask on the tick (empty → unknown),
 *       {@code rpt_seq} → source seq, exchange {@code B}.</li>
 *   <li>Trade numbers 1, 2, 3… per ticker and B3 session date, in the order the files are read.</li>
 * </ul>
 */
public final class B3UmdfCsvSource extends CsvSource {
    public static final String EXCHANGE = "B";
    static final BigDecimal TICK = new BigDecimal("0.01");
    private static final List<String> COLUMNS = List.of("symbol", "rpt_seq", "network_received_time",
            "event_type", "md_entry_px", "md_entry_size", "aggressor", "en_s_px_1", "en_b_px_1");

    private final SessionNumbering numbering = new SessionNumbering();

    @Override
    RowParser begin(Path file, Map<String, Integer> header, ImportSink sink) {
        int[] c = Csv.columns(file.toString(), header, COLUMNS, "a B3 UMDF CSV file");
        return f -> parse(f[c[0]], f[c[1]], f[c[2]], f[c[3]], f[c[4]], f[c[5]], f[c[6]], f[c[7]], f[c[8]]);
    }

    private ReplayEvent parse(String symbol, String rptSeq, String time, String eventType, String px, String size,
                              String aggressor, String askPx, String bidPx) {
        String ticker = ticker("symbol", symbol);
        long seq = Fields.parseNonNegativeLong("rpt_seq", rptSeq);
        long ts = IsoTimestamps.parseNanos("network_received_time", time);
        boolean trade = switch (eventType) {
            case "trade" -> true;
            case "book" -> false;
            default -> throw FieldException.of("event_type", eventType, "must be trade or book");
        };
        BigDecimal ask = tick("en_s_px_1", askPx);
        BigDecimal bid = tick("en_b_px_1", bidPx);
        if (!trade) {
            return ReplayEvent.book(ts, ticker, EXCHANGE, bid, ask, seq);
        }
        BigDecimal price = Fields.parsePriceOnTick("md_entry_px", px, TICK);
        long quantity = Fields.parseQuantity("md_entry_size", size, 1);
        int tradeType = tradeType(aggressor);
        long number = numbering.next(ticker, EXCHANGE, ts);
        return ReplayEvent.trade(ts, ticker, EXCHANGE, EventKind.T, number, price, quantity, tradeType, 0, 0,
                bid, ask, seq);
    }

    private static BigDecimal tick(String field, String value) {
        return value.isEmpty() ? null : Fields.parsePriceOnTick(field, value, TICK);
    }

    /** The vendor's aggressor code ({@code 4.0} or {@code 4}) as the DLL's trade type. */
    static int tradeType(String aggressor) {
        return switch (aggressor) {
            case "4", "4.0" -> ReplayEvent.TRADE_TYPE_BUY;
            case "3", "3.0" -> ReplayEvent.TRADE_TYPE_SELL;
            case "2", "2.0" -> ReplayEvent.TRADE_TYPE_AUCTION;
            case "1", "1.0" -> ReplayEvent.TRADE_TYPE_UNKNOWN;
            default -> throw FieldException.of("aggressor", aggressor, "must be 1, 2, 3 or 4");
        };
    }
}
