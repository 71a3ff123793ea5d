package blackbox.e2e;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.OmsConfig;
import blackbox.oms.testing.B3Tape;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.positions.PositionsConfig;
import blackbox.positions.testing.PositionsPart;
import blackbox.risk.testing.RiskPart;
import blackbox.testkit.TestStack;
import java.nio.file.Path;
import java.util.Map;

/**
 * The order side of the desk on one {@link TestStack}: the gateway with routing on the simulator replaying the real
 * B3 tape (PETR4, 2025-04-07, held until a test advances it), positions-svc, oms-svc (on Redis, positions from
 * positions-svc) and risk-svc, all on one embedded PostgreSQL and Redis, in-process gRPC. Accounts: a roster of the
 * simulator's format, which is also oms-svc's and positions-svc's accounts file.
 */
final class Desk implements AutoCloseable {
    final TestStack stack;
    final B3Tape tape;
    final Path roster;
    final GatewayPart gateway;
    final PositionsPart positions;
    final OmsOnRedisPart omsPart;
    final OmsPart oms; // a handle on the same part, for its stubs
    final RiskPart risk;

    /**
     * @param simOptions more simulator options, e.g. {@code fill.touch_quantity=100}
     */
    Desk(String name, Path dir, Path roster, String simOptions, Map<String, String> riskOverrides) throws Exception {
        this.tape = B3Tape.load(dir); // skips the test, saying why, without the shared data
        this.roster = roster;
        this.stack = new TestStack(name);
        try {
            gateway = GatewayPart.on(stack);
            positions = PositionsPart.on(stack);
            omsPart = new OmsOnRedisPart(stack);
            oms = OmsPart.on(stack);
            risk = RiskPart.on(stack);
            Map<String, String> overrides = new java.util.HashMap<>(TradingGateway.overrides(stack, roster, tape.replay,
                    "routing.instruments=" + B3Tape.instruments(dir) + (simOptions.isEmpty() ? "" : ";" + simOptions)));
            // PETR4's trades reach oms-svc's last prices (market orders need a reference price), as marketdata-svc's
            // subscription would make them
            overrides.put(blackbox.gateway.GatewayConfig.SUBSCRIBE, "PETR4:B");
            gateway.start(overrides);
            positions.start(Map.of(PositionsConfig.MARKETDATA, "off", PositionsConfig.ACCOUNTS, roster.toString()));
            omsPart.start(Map.of(OmsConfig.ACCOUNTS, roster.toString()));
            risk.start(riskOverrides);
            awaitConnected();
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Waits until every channel is READY and every feed follows its source: a part started before the one it reads
     * left its channel in reconnect back-off, where calls fail at once.
     */
    void awaitConnected() throws InterruptedException {
        for (String part : java.util.List.of(GatewayPart.NAME, PositionsPart.NAME, OmsPart.NAME, RiskPart.NAME)) {
            TestStack.await(() -> stack.channel(part).getState(true) == io.grpc.ConnectivityState.READY,
                    java.time.Duration.ofSeconds(30), "the channel to " + part + " ready");
        }
        TestStack.await(() -> positions.instance().fills().live(), java.time.Duration.ofSeconds(30),
                () -> "positions-svc following oms-svc: " + positions.instance().fills().state());
        TestStack.await(() -> risk.instance().orderEvents().live(), java.time.Duration.ofSeconds(30),
                () -> "risk-svc following oms-svc: " + risk.instance().orderEvents().state());
    }

    /** Moves the tape to a local time of the tape's day. */
    void advanceTo(int hour, int minute, int second) {
        TradingGateway.advanceTo(gateway, B3Tape.at(hour, minute, second));
    }

    @Override
    public void close() {
        stack.close();
    }
}
