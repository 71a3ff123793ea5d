package blackbox.cli.stack;

import blackbox.candles.CandleApp;
import blackbox.cli.StackFile;
import blackbox.gateway.Gateway;
import blackbox.marketdata.MarketDataApp;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.platform.telemetry.Telemetry;
import blackbox.web.WebBffApp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack {@link StackServices#start} started. {@link #close()} stops everything in reverse order of start: the
 * web server, candle-svc, marketdata-svc (writes what it has spooled), the gateway (finalizes the DLL session), the
 * channels, Redis, the connection pool and PostgreSQL, and deletes the stack file. Idempotent; thread-safe (the
 * shutdown hook and a test may both call it).
 */
public final class RunningStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);

    private final Path dataDir;
    private final Telemetry telemetry;
    private final Instant startedAt = Instant.now();
    private boolean closed;
    private boolean stackFileWritten;

    /** The CA, the certificates and every channel between the services. */
    StackTls tls;
    ReplayPlan replay;
    Database database;
    String databaseUrl;
    EmbeddedRedisServer redis;
    String redisUrl;
    Gateway gateway;
    String gatewayTarget;
    /** What routing the gateway logged in with (accounts, passwords, journal); empty for a market-data-only login. */
    String routing = "";
    MarketDataApp marketdata;
    String marketdataTarget;
    CandleApp candles;
    String candlesTarget;
    /** The routing roster oms-svc, positions-svc and web-bff read (the gateway's). */
    java.nio.file.Path roster;
    blackbox.web.orders.DeskAccounts accounts = blackbox.web.orders.DeskAccounts.none();
    /** The desk web-bff serves (its users see only its accounts). */
    String desk = blackbox.web.orders.DeskAccounts.ROSTER_DESK;
    blackbox.positions.PositionsApp positions;
    String positionsTarget;
    blackbox.oms.OmsApp oms;
    String omsTarget;
    blackbox.risk.RiskApp risk;
    String riskTarget;
    WebBffApp web;
    String webUrl;
    /** "user / password (role)" lines for the console. */
    List<String> demoUsers = List.of();

    RunningStack(Path dataDir, Config config) {
        this.dataDir = dataDir;
        this.telemetry = Telemetry.create("blackbox", config);
    }

    Telemetry telemetry() {
        return telemetry;
    }

    public Path dataDir() {
        return dataDir;
    }

    public ReplayPlan replay() {
        return replay;
    }

    public Database database() {
        return database;
    }

    public Gateway gateway() {
        return gateway;
    }

    public MarketDataApp marketdata() {
        return marketdata;
    }

    public CandleApp candles() {
        return candles;
    }

    public blackbox.oms.OmsApp oms() {
        return oms;
    }

    public blackbox.positions.PositionsApp positions() {
        return positions;
    }

    public blackbox.risk.RiskApp risk() {
        return risk;
    }

    /** The client accounts of the routing roster (empty for a market-data-only stack). */
    public blackbox.web.orders.DeskAccounts accounts() {
        return accounts;
    }

    public WebBffApp web() {
        return web;
    }

    /** @return the web app's address, e.g. {@code http://127.0.0.1:8080/} */
    public String webUrl() {
        return webUrl;
    }

    /** What the stack file records: this process and every endpoint. */
    public StackFile stackFile() {
        return new StackFile(ProcessHandle.current().pid(), startedAt.toString(), dataDir.toString(), gatewayTarget,
                marketdataTarget, candlesTarget, webUrl, databaseUrl, redisUrl, omsTarget, riskTarget, positionsTarget,
                tls == null ? null : tls.dir().map(Path::toString).orElse(null));
    }

    /** Writes {@code <data dir>/stack.json}, which the other commands read to find this stack. */
    public synchronized void writeStackFile() throws IOException {
        stackFile().write(dataDir);
        stackFileWritten = true;
    }

    /** Endpoint lines for the console. */
    public List<String> endpointLines() {
        List<String> lines = new ArrayList<>();
        lines.add("  dll-gateway     " + gatewayTarget + "   (gRPC blackbox.gateway.v1: MarketDataGateway, Trading)");
        if (!routing.isEmpty()) lines.add("  routing         " + routing);
        lines.add("  marketdata-svc  " + marketdataTarget + "   (gRPC blackbox.marketdata.v1)");
        lines.add("  candle-svc      " + candlesTarget + "   (gRPC blackbox.candles.v1, blackbox.indicators.v1)");
        if (oms != null) {
            lines.add("  oms-svc         " + omsTarget + "   (gRPC blackbox.oms.v1.OrderManagement)");
            lines.add("  risk-svc        " + riskTarget + "   (gRPC blackbox.risk.v1.Risk; panic file " + dataDir.resolve("PANIC") + ")");
            lines.add("  positions-svc   " + positionsTarget + "   (gRPC blackbox.positions.v1.Positions)");
            lines.add("  accounts        " + accounts.all().stream().filter(a -> a.enabled()).count() + " client accounts of " + roster
                    + " (web-bff's desk " + desk + "):");
            lines.addAll(OrderSide.rosterLines(accounts));
        }
        lines.add("  gRPC security   " + (tls == null ? "-" : tls.describe()));
        lines.add("  web app         " + webUrl);
        lines.add("  PostgreSQL      " + databaseUrl);
        lines.add("  Redis           " + redisUrl);
        demoUsers.forEach(u -> lines.add("  demo user       " + u));
        lines.add("  memory          " + StackMemory.measure(postgresPid()).summary());
        return lines;
    }

    /** The embedded PostgreSQL server's process id, while running. */
    public OptionalLong postgresPid() {
        return database == null ? OptionalLong.empty()
                : database.embeddedServer().map(s -> s.serverPid()).orElse(OptionalLong.empty());
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (stackFileWritten) StackFile.delete(dataDir);
        quietly("web-bff", () -> {
            if (web != null) web.close();
        });
        quietly("risk-svc", () -> {
            if (risk != null) risk.close();
        });
        quietly("oms-svc", () -> {
            if (oms != null) oms.close();
        });
        quietly("positions-svc", () -> {
            if (positions != null) positions.close();
        });
        quietly("candle-svc", () -> {
            if (candles != null) candles.close();
        });
        quietly("marketdata-svc", () -> {
            if (marketdata != null) marketdata.close();
        });
        quietly("channels", () -> {
            if (tls != null) tls.close();
        });
        quietly("dll-gateway", () -> {
            if (gateway != null) gateway.close();
        });
        quietly("Redis", () -> {
            if (redis != null) redis.close();
        });
        quietly("PostgreSQL", () -> {
            if (database != null) database.close();
        });
        quietly("telemetry", telemetry::close);
    }

    private interface Closer {
        void run() throws Exception;
    }

    private static void quietly(String what, Closer closer) {
        try {
            closer.run();
        } catch (Exception | LinkageError e) {
            log.warn("stopping {}: {}", what, e.toString());
        }
    }
}
