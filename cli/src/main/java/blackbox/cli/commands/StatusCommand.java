package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Endpoint;
import blackbox.cli.Json;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.cli.Table;
import blackbox.cli.Times;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import blackbox.marketdata.v1.GetIngestionStatsRequest;
import blackbox.marketdata.v1.IngestedInstrument;
import blackbox.marketdata.v1.IngestionStats;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.MarketDataStatsGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code blackbox status}: each service's health, the DLL session, what is ingested (with reference counts), and the
 * ingestion rate and lag from two samples of marketdata-svc's counters.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each service's health, the ProfitDLL session state, the instruments ingested (with how many"
                + " users subscribe each), and the ingestion rate and lag.",
                "Exit status 0 when every service is SERVING, 1 otherwise."})
public final class StatusCommand extends ClientCommand {
    @Option(names = "--sample", paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between the two samples the rates come from (default: ${DEFAULT-VALUE})")
    double sampleSeconds;

    @Override
    Service primary() {
        return Service.MARKETDATA;
    }

    /** What status found; also its JSON shape. */
    record Report(Map<String, Object> services, Map<String, Object> session, List<Map<String, Object>> ingestion,
                  Map<String, Object> rates) {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(sampleSeconds > 0 && sampleSeconds <= 60)) {
            throw CliException.usage("must be in (0, 60]: --sample=" + sampleSeconds);
        }
        Map<Service, Endpoint> endpoints = new EnumMap<>(Service.class);
        Map<Service, ManagedChannel> channels = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            endpoints.put(s, endpoint(s));
            channels.put(s, endpoints.get(s).open());
        }
        try {
            Map<String, Object> services = new LinkedHashMap<>();
            int serving = 0;
            CliException firstUnreachable = null;
            for (Service s : Service.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("target", endpoints.get(s).target());
                try {
                    HealthCheckResponse h = HealthGrpc.newBlockingStub(channels.get(s)).withDeadlineAfter(3, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.newBuilder().setService("").build());
                    m.put("health", h.getStatus().name());
                    if (h.getStatus() == HealthCheckResponse.ServingStatus.SERVING) serving++;
                } catch (StatusRuntimeException e) {
                    CliException ce = endpoints.get(s).error(e);
                    if (firstUnreachable == null) firstUnreachable = ce;
                    m.put("health", "UNREACHABLE");
                    m.put("error", ce.getMessage());
                }
                services.put(s.displayName(), m);
            }
            if (serving == 0 && firstUnreachable != null) throw firstUnreachable;
            Report report = new Report(services, session(endpoints.get(Service.GATEWAY), channels.get(Service.GATEWAY)),
                    ingestion(channels.get(Service.MARKETDATA)), rates(channels.get(Service.MARKETDATA)));
            if (client.json()) {
                Json.print(out(), report);
            } else {
                print(report);
            }
            return serving == Service.values().length ? 0 : 1;
        } finally {
            channels.values().forEach(Endpoint::close);
        }
    }

    /** The first message of StreamSessionState is the session's state now. */
    private Map<String, Object> session(Endpoint endpoint, ManagedChannel channel) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            Iterator<SessionState> it = MarketDataGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(3, TimeUnit.SECONDS)
                    .streamSessionState(StreamSessionStateRequest.getDefaultInstance());
            SessionState s = it.next();
            m.put("state", s.getState().name().replace("CONNECTION_STATE_", ""));
            m.put("market_data_connected", s.getMarketDataConnected());
            m.put("dll_responsive", s.getDllResponsive());
            m.put("reconnects", s.getReconnects());
            m.put("callback_queue_overflows", s.getCallbackQueueOverflows());
            m.put("since", s.getChangedNanos() == 0 ? null : Times.iso(s.getChangedNanos()));
            m.put("detail", s.getDetail());
            // the stream never ends by itself: shutting the channel down (the caller) cancels it
        } catch (StatusRuntimeException e) {
            m.put("state", "UNKNOWN");
            m.put("detail", endpoint.error(e).getMessage());
        }
        return m;
    }

    private List<Map<String, Object>> ingestion(ManagedChannel channel) {
        List<Map<String, Object>> list = new ArrayList<>();
        try {
            for (IngestedInstrument i : MarketDataGrpc.newBlockingStub(channel).withDeadlineAfter(3, TimeUnit.SECONDS)
                    .listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", Symbols.format(i.getInstrument()));
                m.put("reference_count", i.getReferenceCount());
                m.put("stopping", i.getStopping());
                list.add(m);
            }
        } catch (StatusRuntimeException e) {
            // reported under services
        }
        list.sort(java.util.Comparator.comparing(m -> (String) m.get("symbol")));
        return list;
    }

    private Map<String, Object> rates(ManagedChannel channel) throws InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            var stub = MarketDataStatsGrpc.newBlockingStub(channel);
            IngestionStats a = stub.withDeadlineAfter(3, TimeUnit.SECONDS).getIngestionStats(GetIngestionStatsRequest.getDefaultInstance());
            Thread.sleep((long) (sampleSeconds * 1000));
            IngestionStats b = stub.withDeadlineAfter(3, TimeUnit.SECONDS).getIngestionStats(GetIngestionStatsRequest.getDefaultInstance());
            double seconds = Math.max(1e-9, (b.getServerNanos() - a.getServerNanos()) / 1e9);
            m.put("received_per_second", Math.round((b.getTradesReceived() - a.getTradesReceived()) / seconds));
            m.put("stored_per_second", Math.round((b.getTradesStored() - a.getTradesStored()) / seconds));
            m.put("trades_received", b.getTradesReceived());
            m.put("trades_stored", b.getTradesStored());
            m.put("duplicates", b.getTradesDuplicate());
            m.put("spool", b.getSpoolSize());
            m.put("spool_dropped", b.getSpoolDropped());
            m.put("repairs_pending", b.getRepairsPending());
            m.put("lag_ms", b.getLastBatchNanos() == 0 ? null : b.getLastBatchLagNanos() / 1e6);
            m.put("last_batch", b.getLastBatchNanos() == 0 ? null : Times.iso(b.getLastBatchNanos()));
            m.put("last_trade_time", b.getLastTradeNanos() == 0 ? null : Times.iso(b.getLastTradeNanos()));
        } catch (StatusRuntimeException e) {
            m.put("error", "marketdata-svc has no ingestion stats: " + e.getStatus().getCode());
        }
        return m;
    }

    private void print(Report r) {
        var out = out();
        out.println("SERVICES");
        Table services = new Table("SERVICE", "ENDPOINT", "HEALTH");
        r.services().forEach((name, v) -> {
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) v;
            services.row(name, m.get("target"), m.get("health") + (m.containsKey("error") ? " (" + m.get("error") + ")" : ""));
        });
        services.print(out);
        out.println();
        out.println("DLL SESSION   " + r.session().get("state") + (r.session().get("since") != null ? " since " + r.session().get("since") : "")
                + (r.session().containsKey("reconnects") ? ", reconnects " + r.session().get("reconnects")
                + ", overflows " + r.session().get("callback_queue_overflows") : "")
                + (String.valueOf(r.session().get("detail")).isBlank() ? "" : "  (" + r.session().get("detail") + ")"));
        out.println();
        out.println("INGESTION");
        if (r.ingestion().isEmpty()) {
            out.println("  nothing ingested: subscribe with `blackbox subscribe SYMBOL`");
        } else {
            Table t = new Table("SYMBOL", "USERS", "STATE");
            r.ingestion().forEach(m -> t.row(m.get("symbol"), m.get("reference_count"),
                    Boolean.TRUE.equals(m.get("stopping")) ? "stopping (no user left)" : "ingesting"));
            t.print(out);
        }
        Map<String, Object> rates = r.rates();
        out.println();
        if (rates.containsKey("error")) {
            out.println("RATES         " + rates.get("error"));
        } else {
            out.println("RATES         received " + rates.get("received_per_second") + " trades/s, stored "
                    + rates.get("stored_per_second") + " trades/s (totals " + rates.get("trades_received") + " received, "
                    + rates.get("trades_stored") + " stored, " + rates.get("duplicates") + " duplicates)");
            out.println("LAG           " + (rates.get("lag_ms") == null ? "no trade yet"
                    : String.format("%.1f ms gateway -> marketdata (last batch %s), spool %s waiting to be stored, %s dropped, %s repairs pending",
                    (Double) rates.get("lag_ms"), rates.get("last_batch"), rates.get("spool"), rates.get("spool_dropped"),
                    rates.get("repairs_pending"))));
        }
        out.flush();
    }
}
