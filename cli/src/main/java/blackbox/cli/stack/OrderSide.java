package blackbox.cli.stack;

import static blackbox.platform.security.Identities.OMS;
import static blackbox.platform.security.Identities.OPERATOR;
import static blackbox.platform.security.Identities.POSITIONS;
import static blackbox.platform.security.Identities.RISK;
import static blackbox.platform.security.Identities.WEB;

import blackbox.gateway.Gateway;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.platform.config.Config;
import blackbox.positions.PositionsApp;
import blackbox.positions.PositionsConfig;
import blackbox.positions.v1.ImportOpeningRequest;
import blackbox.positions.v1.ImportOpeningResponse;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.risk.RiskApp;
import blackbox.risk.RiskConfig;
import blackbox.web.orders.DeskAccounts;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The order side of {@code blackbox up}: positions-svc, oms-svc and risk-svc in this JVM, each on its own port and
 * schema, all on the gateway's routing roster (the simulator's bundled demo roster unless {@code --roster}), and the
 * demo opening (cash and positions of that roster, {@code demo-opening.csv}) imported into positions-svc for today.
 *
 * <p>Their ports are chosen before any starts (positions-svc follows oms-svc, oms-svc reads positions-svc, risk-svc
 * both), so each is given the others' addresses as separate processes would be.
 */
final class OrderSide {
    static final String OPENING_RESOURCE = "/blackbox/cli/stack/demo-opening.csv";
    private static final Duration READY = Duration.ofSeconds(30);

    private OrderSide() {
    }

    static String start(StackOptions options, RunningStack stack) throws Exception {
        if (stack.routing.isEmpty()) return "skipped: the gateway is logged in for market data only";
        stack.roster = roster(options);
        int omsPort = fixedPort(options, 50054);
        int riskPort = fixedPort(options, 50055);
        int positionsPort = fixedPort(options, 50056);
        String host = StackServices.HOST;
        stack.omsTarget = host + ":" + omsPort;
        stack.riskTarget = host + ":" + riskPort;
        stack.positionsTarget = host + ":" + positionsPort;
        StackTls tls = stack.tls;

        Map<String, String> p = new HashMap<>(options.environment());
        p.put(PositionsConfig.HOST, host);
        p.put(PositionsConfig.PORT, Integer.toString(positionsPort));
        p.put(PositionsConfig.OMS, stack.omsTarget);
        p.put(PositionsConfig.MARKETDATA, stack.marketdataTarget);
        p.put(PositionsConfig.GATEWAY, stack.gatewayTarget);
        p.put(PositionsConfig.ACCOUNTS, stack.roster.toString());
        p.putIfAbsent(PositionsConfig.STATS_INTERVAL, "0s");
        stack.positions = PositionsApp.start(PositionsConfig.from(Config.of(p)), stack.database, stack.redisUrl,
                tls.channel(POSITIONS, stack.omsTarget), tls.channel(POSITIONS, stack.marketdataTarget),
                tls.channel(POSITIONS, stack.gatewayTarget), tls.server(POSITIONS, positionsPort), stack.telemetry());
        String opening = importOpening(options, stack);

        Map<String, String> o = new HashMap<>(options.environment());
        o.put(OmsConfig.HOST, host);
        o.put(OmsConfig.PORT, Integer.toString(omsPort));
        o.put(OmsConfig.GATEWAY, stack.gatewayTarget);
        o.put(OmsConfig.ACCOUNTS, stack.roster.toString());
        o.put(OmsConfig.POSITIONS, stack.positionsTarget);
        o.put(OmsConfig.REDIS, stack.redisUrl);
        o.putIfAbsent(OmsConfig.STATS_INTERVAL, "PT0S");
        OmsConfig omsConfig = OmsConfig.from(Config.of(o));
        stack.oms = OmsApp.start(omsConfig, stack.database, tls.channel(OMS, stack.gatewayTarget),
                Optional.of(tls.channel(OMS, stack.positionsTarget)), Optional.of(stack.redisUrl), tls.server(OMS, omsPort),
                stack.telemetry());

        Map<String, String> r = new HashMap<>(options.environment());
        r.put(RiskConfig.HOST, host);
        r.put(RiskConfig.PORT, Integer.toString(riskPort));
        r.put(RiskConfig.REDIS_URL, stack.redisUrl);
        r.put(RiskConfig.OMS, stack.omsTarget);
        r.put(RiskConfig.POSITIONS, stack.positionsTarget);
        r.put(RiskConfig.GATEWAY, stack.gatewayTarget);
        // the panic signal file lives with the stack's data unless configured
        r.putIfAbsent(RiskConfig.PANIC_FILE, options.dataDir().resolve("PANIC").toString());
        r.putIfAbsent(RiskConfig.STATS_INTERVAL, "PT0S");
        stack.risk = RiskApp.start(RiskConfig.from(Config.of(r)), stack.database, stack.redisUrl, tls.channel(RISK, stack.omsTarget),
                tls.channel(RISK, stack.positionsTarget), tls.channel(RISK, stack.gatewayTarget), tls.server(RISK, riskPort),
                stack.telemetry());

        StackServices.await(() -> stack.oms.accountCheck().checked(), READY, "oms-svc's accounts checked at the gateway");
        if (!stack.oms.gates().awaitReconciled(READY)) {
            throw new IllegalStateException("oms-svc did not reconcile its accounts in doubt: " + stack.oms.gates().closed());
        }
        StackServices.await(() -> stack.oms.risk().view().snapshot().known(), READY, "oms-svc's risk state known");
        StackServices.await(() -> stack.positions.fills().live(), READY, "positions-svc following oms-svc");
        StackServices.await(() -> stack.risk.orderEvents().live(), READY, "risk-svc following oms-svc");
        stack.accounts = DeskAccounts.read(stack.roster);
        // a roster's accounts are desk "mesa"; an oms-svc accounts file names its desks: BLACKBOX_WEB_DESK picks web-bff's
        stack.desk = options.environment().getOrDefault(blackbox.web.WebBffConfig.DESK, DeskAccounts.ROSTER_DESK);
        Map<String, Long> groups = stack.accounts.all().stream().filter(DeskAccounts.Account::enabled)
                .collect(Collectors.groupingBy(DeskAccounts.Account::groupName, LinkedHashMap::new, Collectors.counting()));
        return "positions-svc " + stack.positionsTarget + ", oms-svc " + stack.omsTarget + ", risk-svc " + stack.riskTarget
                + " (schemas positions, oms, risk); " + groups.values().stream().mapToLong(Long::longValue).sum()
                + " accounts in " + groups.size() + " groups; " + opening;
    }

    /** The roster the gateway routes with: {@code BLACKBOX_SIM_ROSTER}, else the bundled one copied into the data dir. */
    private static Path roster(StackOptions options) throws IOException {
        String configured = options.environment().get(blackbox.gateway.GatewayConfig.SIM_ROSTER);
        if (configured != null && !configured.isBlank() && !configured.equalsIgnoreCase("demo")) return Path.of(configured);
        Path copy = options.dataDir().resolve("demo-roster.csv");
        try (InputStream in = Gateway.class.getResourceAsStream("/sim/demo-roster.csv")) {
            if (in == null) throw new IllegalStateException("the gateway jar carries no /sim/demo-roster.csv");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /**
     * The demo opening of the bundled roster, dated the replay's session day (today in the exchange's zone, or the last B3
     * trading day a rebased tape was moved to: the fills' day), through positions-svc's
     * ImportOpening (stored rows that differ are reported, not replaced). A custom roster gets none.
     */
    private static String importOpening(StackOptions options, RunningStack stack) throws IOException {
        String configured = options.environment().get(blackbox.gateway.GatewayConfig.SIM_ROSTER);
        if (configured != null && !configured.isBlank() && !configured.equalsIgnoreCase("demo")) {
            return "no opening imported (custom roster)";
        }
        String template;
        try (InputStream in = OrderSide.class.getResourceAsStream(OPENING_RESOURCE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String content = dated(template, stack.replay().sessionDay());
        ImportOpeningResponse r = PositionsGrpc.newBlockingStub(stack.tls.channel(OPERATOR, stack.positionsTarget)).withDeadlineAfter(30, TimeUnit.SECONDS)
                .importOpening(ImportOpeningRequest.newBuilder().setFileName("demo-opening.csv")
                        .setContent(ByteString.copyFromUtf8(content)).build());
        return "opening " + r.getTradeDate() + " imported: " + r.getPositions() + " positions, " + r.getCash()
                + " cash rows (" + r.getApplied() + " applied, " + r.getUnchanged() + " unchanged"
                + (r.getDifferencesCount() > 0 ? ", " + r.getDifferencesCount() + " differing kept" : "")
                + (r.getRefusedCount() > 0 ? ", " + r.getRefusedCount() + " refused: " + r.getRefused(0) : "") + ")";
    }

    /** The opening file with every data row's trade_date (second column) set to {@code date}. */
    static String dated(String template, LocalDate date) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            if (line.startsWith("position,") || line.startsWith("cash,")) {
                String[] f = line.split(",", -1);
                f[1] = date.toString();
                out.append(String.join(",", f));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The default port when free (and not {@code --free-ports}), else a free one chosen now. */
    private static int fixedPort(StackOptions options, int defaultPort) throws IOException {
        int p = StackServices.port(options, defaultPort);
        if (p != 0) return p;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(StackServices.HOST))) {
            return s.getLocalPort();
        }
    }

    /** The roster's accounts for the console: one line per group. */
    static List<String> rosterLines(DeskAccounts accounts) {
        Map<String, List<DeskAccounts.Account>> byGroup = accounts.all().stream()
                .collect(Collectors.groupingBy(DeskAccounts.Account::groupName, LinkedHashMap::new, Collectors.toList()));
        return byGroup.entrySet().stream().map(e -> "  " + e.getKey() + " (" + e.getValue().getFirst().group() + ", "
                + e.getValue().size() + "): " + e.getValue().stream()
                .map(a -> a.account() + " " + a.name() + (a.enabled() ? "" : " [disabled]"))
                .collect(Collectors.joining("; "))).toList();
    }

    /** For web-bff: the order side's channels and accounts, empty when the stack has none. */
    static Optional<blackbox.web.orders.OrderSide> forWeb(RunningStack stack) {
        if (stack.oms == null) return Optional.empty();
        StackTls tls = stack.tls;
        return Optional.of(new blackbox.web.orders.OrderSide(tls.channel(WEB, stack.omsTarget), tls.channel(WEB, stack.riskTarget),
                tls.channel(WEB, stack.positionsTarget), stack.accounts, stack.desk));
    }
}
