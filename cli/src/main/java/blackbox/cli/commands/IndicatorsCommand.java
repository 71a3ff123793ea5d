package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Json;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.cli.Table;
import blackbox.cli.Timeframes;
import blackbox.cli.Times;
import blackbox.gateway.v1.InstrumentId;
import blackbox.indicators.v1.GetIndicatorRequest;
import blackbox.indicators.v1.GetIndicatorResponse;
import blackbox.indicators.v1.IndicatorValue;
import blackbox.indicators.v1.IndicatorsGrpc;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox indicators SYMBOL --tf TF --spec SPEC}: blackbox.indicators.v1 GetIndicator. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Prints an indicator's values over candles, oldest first (served by candle-svc).")
public final class IndicatorsCommand extends ClientCommand {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE")
    String symbol;

    @Option(names = "--tf", required = true, paramLabel = "TF", completionCandidates = Timeframes.class,
            description = "timeframe: ${COMPLETION-CANDIDATES}")
    String timeframe;

    @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "e.g. ema(9), rsi(14), macd(12,26,9)")
    String indicator;

    @Option(names = "--from", paramLabel = "ISO", description = "inclusive (default: the first candle)")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "exclusive (default: now + 1 day)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5000", description = "1..50000 (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    Service primary() {
        return Service.CANDLES;
    }

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        Timeframes.check(timeframe);
        if (limit < 1 || limit > 50_000) throw CliException.usage("must be in 1..50000: --limit=" + limit);
        long fromNanos = from == null ? 0 : Times.parseNanos("--from", from);
        long toNanos = to == null ? Times.toNanos(java.time.Instant.now().plus(java.time.Duration.ofDays(1)))
                : Times.parseNanos("--to", to);
        if (toNanos <= fromNanos) throw CliException.usage("must be after --from: --to=" + (to == null ? "now" : to));
        GetIndicatorRequest request = GetIndicatorRequest.newBuilder().setInstrument(id).setTimeframe(timeframe)
                .setSpec(indicator).setFromNanos(fromNanos).setToNanos(toNanos).setLimit(limit).build();
        GetIndicatorResponse r = with(Service.CANDLES, c -> {
            try {
                return IndicatorsGrpc.newBlockingStub(c.channel()).withDeadlineAfter(30, TimeUnit.SECONDS).getIndicator(request);
            } catch (StatusRuntimeException e) {
                throw c.endpoint().error(e);
            }
        });
        String sym = Symbols.format(id);
        if (client.json()) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (IndicatorValue v : r.getValuesList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", Times.iso(v.getBucketStartNanos()));
                m.put("time_nanos", v.getBucketStartNanos());
                m.put("ready", v.getReady());
                m.put("values", v.getValuesList());
                values.add(m);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", sym);
            json.put("timeframe", timeframe);
            json.put("spec", r.getSpec());
            json.put("outputs", r.getOutputsList());
            json.put("values", values);
            json.put("truncated", r.getTruncated());
            Json.print(out(), json);
            return 0;
        }
        List<String> header = new ArrayList<>();
        header.add("OPEN_TIME (UTC)");
        r.getOutputsList().forEach(o -> header.add(o.toUpperCase(java.util.Locale.ROOT)));
        Table table = new Table(header.toArray(String[]::new));
        for (IndicatorValue v : r.getValuesList()) {
            Object[] cells = new Object[header.size()];
            cells[0] = Times.iso(v.getBucketStartNanos());
            for (int i = 1; i < cells.length; i++) {
                cells[i] = v.getReady() && i - 1 < v.getValuesCount() ? String.format("%.4f", v.getValues(i - 1)) : "-";
            }
            table.row(cells);
        }
        table.print(out());
        out().println(r.getValuesCount() + " value(s) " + r.getSpec() + " " + sym + " " + timeframe
                + (r.getTruncated() ? " (truncated: raise --from for more)" : ""));
        return 0;
    }
}
