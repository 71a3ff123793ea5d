package blackbox.gateway.trading.e2e;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.GatewayHarness;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A gateway with routing on the simulator (demo roster) replaying a tape held by SimAdvanceReplay, and its report stream. */
final class TradingScenario implements AutoCloseable {
    static final AccountId ANA = AccountId.newBuilder().setBrokerId(85).setAccountId("4512031").build();
    static final InstrumentId PETR4 = GatewayHarness.instrument("PETR4", "B");

    final GatewayHarness h;
    final ReportCollector reports = new ReportCollector();

    private TradingScenario(GatewayHarness h) {
        this.h = h;
    }

    /** Starts on {@code replay}; {@code simOptions} are added to {@code replay.start=manual}. */
    static TradingScenario start(Path replay, Path journalDir, String simOptions, Map<String, String> more) throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put(GatewayConfig.REPLAY, replay.toString());
        o.put(GatewayConfig.MARKET_ONLY, "false");
        o.put(GatewayConfig.JOURNAL_DIR, journalDir.toString());
        o.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual" + (simOptions.isEmpty() ? "" : ";" + simOptions));
        o.putAll(more);
        GatewayHarness h = GatewayHarness.start(o);
        TradingScenario s = new TradingScenario(h);
        GatewayHarness.await(() -> h.gateway.trading().engine().routingReady(), Duration.ofSeconds(10), () -> "routing connected");
        h.tradingAsync.streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), s.reports);
        GatewayHarness.await(() -> h.gateway.trading().service().openReportStreams() == 1, Duration.ofSeconds(5), () -> "report stream open");
        return s;
    }

    static SendOrderRequest order(String key, AccountId account, Side side, OrdType type, long qty, BigDecimal price, BigDecimal stop) {
        SendOrderRequest.Builder b = SendOrderRequest.newBuilder().setIdempotencyKey(key).setAccount(account).setInstrument(PETR4)
                .setSide(side).setOrdType(type).setQuantity(qty);
        if (price != null) b.setPrice(price.toPlainString());
        if (stop != null) b.setStopPrice(stop.toPlainString());
        return b.build();
    }

    SendOrderResponse send(SendOrderRequest r) {
        return h.trading.sendOrder(r);
    }

    /** Waits until every key has a report with a closed OrdStatus. */
    void awaitClosed(List<String> keys, long millis) throws InterruptedException {
        reports.await(all -> keys.stream().allMatch(k -> all.stream().anyMatch(r -> r.getIdempotencyKey().equals(k) && closed(r.getOrdStatus()))),
                millis, "every order closed: " + keys);
    }

    static boolean closed(OrdStatus s) {
        return s == OrdStatus.ORD_STATUS_FILLED || s == OrdStatus.ORD_STATUS_CANCELED || s == OrdStatus.ORD_STATUS_EXPIRED
                || s == OrdStatus.ORD_STATUS_REJECTED;
    }

    /** The last report of a key. */
    ExecutionReport last(String key) {
        List<ExecutionReport> r = reports.of(key);
        return r.get(r.size() - 1);
    }

    @Override
    public void close() throws Exception {
        h.close();
    }
}
