package blackbox.cli.commands;

import blackbox.candles.v1.Candle;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.cli.CandleRow;
import blackbox.cli.CliException;
import blackbox.cli.Json;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.cli.Table;
import blackbox.cli.Timeframes;
import blackbox.cli.Times;
import blackbox.gateway.v1.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code blackbox candles SYMBOL --tf TF}: history from candle-svc, page by page, printed oldest first. Without
 * {@code --from} the newest {@code --limit} candles (candle-svc's {@code latest} pages, read backwards); with it the
 * first {@code --limit} from there.
 */
@Command(name = "candles", mixinStandardHelpOptions = true,
        description = "Prints candles from candle-svc (history and the forming candle), oldest first: the newest --limit"
                + " candles, or with --from the first --limit from there.")
public final class CandlesCommand extends ClientCommand {
    /** candle-svc's page limit. */
    static final int PAGE = 5000;

    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE such as BTCUSDT:SPOT")
    String symbol;

    @Option(names = "--tf", required = true, paramLabel = "TF", completionCandidates = Timeframes.class,
            description = "timeframe: ${COMPLETION-CANDIDATES}")
    String timeframe;

    @Option(names = "--from", paramLabel = "ISO", description = "inclusive, e.g. 2025-04-07T13:00:00Z or 2025-04-07; given, the first --limit candles from there are"
            + " printed (default: the newest --limit candles)")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "exclusive (default: now + 1 day, so the forming candle is included)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5000", description = "at most N candles, 1..1000000 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--fill-gaps", description = "flat candles at the previous close for buckets without trades")
    boolean fillGaps;

    @Override
    Service primary() {
        return Service.CANDLES;
    }

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        Timeframes.check(timeframe);
        if (limit < 1 || limit > 1_000_000) throw CliException.usage("must be in 1..1000000: --limit=" + limit);
        long fromNanos = from == null ? 0 : Times.parseNanos("--from", from);
        long toNanos = to == null ? Times.toNanos(java.time.Instant.now().plus(java.time.Duration.ofDays(1)))
                : Times.parseNanos("--to", to);
        if (toNanos <= fromNanos) throw CliException.usage("must be after --from: --to=" + (to == null ? "now" : to));
        boolean latest = from == null;
        List<Candle> candles = with(Service.CANDLES, c -> {
            var stub = CandlesGrpc.newBlockingStub(c.channel());
            // with latest, each page precedes the one before it: collected newest page first, then put in order
            List<List<Candle>> pages = new ArrayList<>();
            int read = 0;
            String token = "";
            do {
                int page = Math.min(PAGE, limit - read);
                GetCandlesRequest request = GetCandlesRequest.newBuilder().setInstrument(id).setTimeframe(timeframe)
                        .setFromNanos(fromNanos).setToNanos(toNanos).setLimit(page).setPageToken(token)
                        .setFillGaps(fillGaps).setLatest(latest).build();
                GetCandlesResponse response = c.endpoint().call(() ->
                        stub.withDeadlineAfter(30, TimeUnit.SECONDS).getCandles(request));
                pages.add(response.getCandlesList());
                read += response.getCandlesCount();
                token = response.getNextPageToken();
            } while (!token.isEmpty() && read < limit);
            if (latest) java.util.Collections.reverse(pages);
            List<Candle> all = new ArrayList<>(read);
            pages.forEach(all::addAll);
            return all;
        });
        String sym = Symbols.format(id);
        List<CandleRow> rows = candles.stream().map(c -> CandleRow.of(sym, timeframe, c)).toList();
        if (client.json()) {
            Json.print(out(), rows);
            return 0;
        }
        if (rows.isEmpty()) {
            out().println("no " + timeframe + " candles for " + sym + " in " + Times.iso(fromNanos) + " .. " + Times.iso(toNanos));
            return 0;
        }
        Table table = new Table("OPEN_TIME (UTC)", "OPEN", "HIGH", "LOW", "CLOSE", "VOLUME", "FIN_VOLUME", "TRADES", "VWAP");
        for (CandleRow r : rows) {
            table.row(r.openTime(), num(r.open()), num(r.high()), num(r.low()), num(r.close()), r.volume(),
                    r.financialVolume().toPlainString(), r.trades(), String.format("%.4f", r.vwap()));
        }
        table.print(out());
        out().println(rows.size() + " candle(s) " + sym + " " + timeframe);
        return 0;
    }

    /** Prices without a binary-float tail: candle-svc's prices are on the tick. */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
