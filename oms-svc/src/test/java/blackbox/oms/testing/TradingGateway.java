package blackbox.oms.testing;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.testing.GatewayPart;
import blackbox.testkit.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway part with routing for oms-svc's tests: full login, its order journal and the simulated broker's journal
 * under the stack's directory, a roster, a tape held until {@link #advanceTo} moves it ({@code replay.start=manual},
 * max speed), B3 hours off unless asked for.
 */
public final class TradingGateway {
    private TradingGateway() {
    }

    /**
     * Overrides for {@link GatewayPart#start(Map)}.
     *
     * @param roster the simulator's roster (also oms-svc's accounts file)
     * @param replay the tape
     * @param simOptions more simulator options ({@code key=value;...}), may be empty
     */
    public static Map<String, String> overrides(TestStack stack, Path roster, Path replay, String simOptions) {
        Map<String, String> o = new HashMap<>();
        o.put(GatewayConfig.MARKET_ONLY, "false");
        o.put(GatewayConfig.JOURNAL_DIR, stack.dataDir().resolve("gateway-journal").toString());
        o.put(GatewayConfig.SIM_ROSTER, roster.toString());
        o.put(GatewayConfig.REPLAY, replay.toString());
        o.put(GatewayConfig.SPEED, "max");
        o.put(GatewayConfig.SUBSCRIBE, "");
        o.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual" + (simOptions.isEmpty() ? "" : ";" + simOptions));
        return o;
    }

    /** Moves the simulator's tape to {@code tsNanos} (UTC): every tape event up to it is delivered first. */
    public static void advanceTo(GatewayPart gateway, long tsNanos) {
        int rc = ProfitDLL.load(gateway.gateway().library()).simulator().orElseThrow().SimAdvanceReplay(tsNanos);
        if (rc != 0) throw new AssertionError("SimAdvanceReplay(" + tsNanos + ") -> " + rc);
    }

    /**
     * A roster of {@code n} enabled client accounts at broker 85 ({@code 7000001}, {@code 7000002}, ...), password
     * {@code demo123}, R$ 1,000,000 each, group "Bloco Teste" ({@code bloco-teste} in oms-svc).
     */
    public static Path roster(Path dir, int n) throws IOException {
        StringBuilder b = new StringBuilder("# blackbox-sim-roster v1\n"
                + "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n");
        for (int i = 1; i <= n; i++) {
            b.append("Bloco Teste,85,BTG Pactual CTVM,").append(7_000_000 + i).append(",,Cliente ").append(i)
                    .append(",owner,1,demo123,1000000.00,\n");
        }
        Path file = dir.resolve("roster-" + n + ".csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The account id oms-svc gives the {@code i}-th account of {@link #roster} (from 1). */
    public static String account(int i) {
        return Integer.toString(7_000_000 + i);
    }
}
