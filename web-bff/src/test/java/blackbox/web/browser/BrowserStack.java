package blackbox.web.browser;

import blackbox.candles.testing.CandlePart;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.positions.PositionsConfig;
import blackbox.positions.testing.PositionsPart;
import blackbox.risk.testing.RiskPart;
import blackbox.testkit.TestStack;
import blackbox.web.WebBffConfig;
import blackbox.web.http.AppContent;
import blackbox.web.testing.WebPart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The component tests' parts on one {@link TestStack} (embedded PostgreSQL, the simulator through FFM, dll-gateway,
 * marketdata-svc, candle-svc, web-bff) on a PETR4 tape, serving the real web app (module web-app), with
 * short-lived access tokens so the app must refresh them while the tests run. The user is alice (trader).
 */
final class BrowserStack implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = WebPart.PASSWORD;
    static final Duration ACCESS_TTL = Duration.ofSeconds(12);

    private final TestStack stack;
    private final WebPart web;

    BrowserStack() throws IOException {
        stack = new TestStack("browser-test");
        web = WebPart.on(stack, AppContent.ROOT);
    }

    /** The stack's own directory, for the tape (deleted with the stack). */
    Path dataDir() {
        return stack.dataDir();
    }

    /** Starts everything on {@code replay} at the simulator speed {@code speed} (e.g. 60x), the tape held. */
    void start(Path replay, String speed) throws Exception {
        web.startWithUpstream(GatewayPart.replaying(replay, speed),
                Map.of(WebBffConfig.ACCESS_TTL, ACCESS_TTL.toSeconds() + "s"));
    }

    /**
     * Starts the desk on {@code replay}: the gateway with routing on the simulator's demo roster (the tape held at
     * its start, moved by {@link #advanceTo}), marketdata-svc, candle-svc, positions-svc, oms-svc, risk-svc and
     * web-bff with the order side (desk {@code mesa}; users alice trader, bob viewer, rita risk, root admin), as
     * {@code OrderRoutesComponentTest} and e2e's {@code Desk} start them. Returns once every feed follows oms-svc.
     *
     * @param simOptions more simulator options ({@code key=value;...}), e.g. the instrument master
     */
    void startDesk(Path replay, String simOptions, java.time.LocalDate tradeDate) throws Exception {
        Map<String, String> gateway = new HashMap<>(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, replay, simOptions));
        // PETR4's trades reach oms-svc's last prices, as a marketdata-svc subscription would make them
        gateway.put(GatewayConfig.SUBSCRIBE, "PETR4:B");
        CandlePart.on(stack).startWithUpstream(gateway, Map.of());
        PositionsPart positions = PositionsPart.on(stack);
        // marks from marketdata-svc's trades (the stack's part), once someone's subscription makes PETR4 ingested
        positions.start(Map.of(PositionsConfig.ACCOUNTS, OmsPart.DEMO_ROSTER.toString()));
        importDemoOpening(tradeDate);
        OmsPart.on(stack).start();
        RiskPart risk = RiskPart.on(stack);
        risk.start();
        web.withOrderSide(OmsPart.DEMO_ROSTER).start(Map.of(WebBffConfig.ACCESS_TTL, ACCESS_TTL.toSeconds() + "s"));
        for (String part : List.of(GatewayPart.NAME, PositionsPart.NAME, OmsPart.NAME, RiskPart.NAME)) {
            TestStack.await(() -> stack.channel(part).getState(true) == io.grpc.ConnectivityState.READY,
                    Duration.ofSeconds(30), "the channel to " + part + " ready");
        }
        TestStack.await(() -> positions.instance().fills().live(), Duration.ofSeconds(30),
                () -> "positions-svc following oms-svc: " + positions.instance().fills().state());
        TestStack.await(() -> risk.instance().orderEvents().live(), Duration.ofSeconds(30),
                () -> "risk-svc following oms-svc: " + risk.instance().orderEvents().state());
    }

    /**
     * The demo roster's opening cash and positions (the file {@code blackbox up} imports, cli's
     * {@code demo-opening.csv}) dated {@code tradeDate}, through positions-svc's ImportOpening, so Saldo and
     * Posições start from the roster's balances as a broker's opening file would set them.
     */
    private void importDemoOpening(java.time.LocalDate tradeDate) throws IOException {
        String template = java.nio.file.Files.readString(TestStack.repoFile("cli/src/main/resources/blackbox/cli/stack/demo-opening.csv"));
        StringBuilder dated = new StringBuilder();
        for (String line : template.split("\n")) {
            if (line.startsWith("position,") || line.startsWith("cash,")) {
                String[] f = line.split(",", -1);
                f[1] = tradeDate.toString();
                line = String.join(",", f);
            }
            dated.append(line).append('\n');
        }
        var r = blackbox.positions.v1.PositionsGrpc.newBlockingStub(stack.channel(PositionsPart.NAME))
                .withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
                .importOpening(blackbox.positions.v1.ImportOpeningRequest.newBuilder().setFileName("demo-opening.csv")
                        .setContent(com.google.protobuf.ByteString.copyFromUtf8(dated.toString())).build());
        System.out.println("demo opening " + r.getTradeDate() + ": " + r.getPositions() + " positions, " + r.getCash()
                + " cash rows, " + r.getApplied() + " applied, refused " + r.getRefusedList());
    }

    /** Moves the simulator's held tape to {@code tsNanos} (UTC epoch ns): every tape event up to it is delivered. */
    void advanceTo(long tsNanos) {
        TradingGateway.advanceTo(GatewayPart.on(stack), tsNanos);
    }

    /** Waits until someone's subscription made ingestion of one instrument live end to end. */
    void awaitIngestion() throws InterruptedException {
        CandlePart.on(stack).awaitLive(1);
    }

    void startReplay() {
        GatewayPart.on(stack).startReplay();
    }

    String base() {
        return web.base();
    }

    @Override
    public void close() {
        stack.close();
    }
}
