package blackbox.cli.commands;

import blackbox.candles.v1.BackfillRequest;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.JobProgress;
import blackbox.cli.CliException;
import blackbox.cli.Json;
import blackbox.cli.Progress;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.cli.Times;
import blackbox.gateway.v1.InstrumentId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox backfill SYMBOL --from --to}: candle-svc Backfill, a progress bar per phase. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Fetches an instrument's trade history for a window from the DLL (through marketdata-svc) and"
                + " rebuilds its candles, with a progress bar per phase (history, candles).")
public final class BackfillCommand extends ClientCommand {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "ISO", description = "inclusive, e.g. 2025-04-07")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ISO", description = "exclusive, e.g. 2025-04-10")
    String to;

    @Override
    Service primary() {
        return Service.CANDLES;
    }

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        long fromNanos = Times.parseNanos("--from", from);
        long toNanos = Times.parseNanos("--to", to);
        if (toNanos <= fromNanos) throw CliException.usage("must be after --from: --to=" + to);
        BackfillRequest request = BackfillRequest.newBuilder().setInstrument(id).setFromNanos(fromNanos).setToNanos(toNanos).build();
        long[] totals = new long[2]; // trades in the history phase, candles written
        with(Service.CANDLES, c -> c.endpoint().call(() -> {
            Iterator<JobProgress> progress = CandlesGrpc.newBlockingStub(c.channel()).backfill(request);
            String phase = null;
            Progress.Phase bar = null;
            Progress.Mode mode = progressMode();
            try {
                while (progress.hasNext()) {
                    JobProgress p = progress.next();
                    if (!p.getPhase().equals(phase) && !p.getPhase().isEmpty()) {
                        if (bar != null) bar.close();
                        phase = p.getPhase();
                        bar = client.json() ? null : Progress.phase(err(), mode, phase, 100, "%", 1);
                    }
                    if (bar != null) {
                        bar.stepTo(p.getPercent());
                        bar.extra("trades " + p.getTrades() + ", candles " + p.getCandlesWritten());
                    }
                    if ("history".equals(p.getPhase())) totals[0] = Math.max(totals[0], p.getTrades());
                    totals[1] = Math.max(totals[1], p.getCandlesWritten());
                    if (p.getDone()) break;
                }
            } finally {
                if (bar != null) bar.close();
            }
            return null;
        }));
        if (client.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", Symbols.format(id));
            json.put("from", Times.iso(fromNanos));
            json.put("to", Times.iso(toNanos));
            json.put("trades", totals[0]);
            json.put("candles_written", totals[1]);
            Json.print(out(), json);
        } else {
            out().println("backfilled " + Symbols.format(id) + " " + Times.iso(fromNanos) + " .. " + Times.iso(toNanos)
                    + ": " + totals[0] + " trade(s) read, " + totals[1] + " 1-minute candle(s) written");
        }
        return 0;
    }
}
