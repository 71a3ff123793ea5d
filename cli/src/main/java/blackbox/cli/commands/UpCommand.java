package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.DataDirs;
import blackbox.cli.Main;
import blackbox.cli.StackFile;
import blackbox.cli.stack.RunningStack;
import blackbox.cli.stack.StackOptions;
import blackbox.cli.stack.StackServices;
import blackbox.cli.stack.StackStartException;
import blackbox.cli.stack.StepListener;
import blackbox.gateway.GatewayConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code blackbox up}: the whole stack in this JVM until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts the whole stack in this JVM: embedded PostgreSQL and Redis, the ProfitDLL simulator"
                + " replaying trade files, dll-gateway (logged in with order routing on the simulator's demo roster),"
                + " marketdata-svc, candle-svc, positions-svc, oms-svc and risk-svc (the roster's accounts with the demo"
                + " opening cash and positions), web-bff. Prints the endpoints, the accounts and the stack's memory."
                + " Runs until Ctrl-C, then stops everything.",
                "Logs go to <data dir>/logs/blackbox.log (warnings also to the console)."})
public final class UpCommand implements Callable<Integer>, Main.NeedsEnvironment {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data of the embedded PostgreSQL and Redis, logs, the stack file (default: ${BLACKBOX_STACK_DIR:-~/.blackbox/stack}; root: /var/lib/blackbox/stack)")
    Path dataDir;

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
            description = "blackbox-replay v1 files (`blackbox import`) to replay (default: the bundled Binance sample, BTCUSDT/ETHUSDT)")
    List<Path> replay = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "realtime|max|Nx", defaultValue = "realtime",
            description = "replay pace (default: ${DEFAULT-VALUE})")
    String speed;

    @Option(names = "--rebase-to-today", description = "shift the replay so that its first trading day is today (on a weekend or B3 holiday: the last trading day)")
    boolean rebaseToToday;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "an external PostgreSQL (jdbc:postgresql://host:port/db; user/password from BLACKBOX_DATABASE_USER/_PASSWORD) instead of the embedded one")
    String databaseUrl;

    @Option(names = "--redis-url", paramLabel = "URL", description = "an external Redis (redis://host:port) instead of the embedded one")
    String redisUrl;

    @Option(names = "--exchange-timezones", paramLabel = "EXCHANGE=Zone,...", defaultValue = StackOptions.DEFAULT_TIMEZONES,
            description = "time zones of candle buckets per exchange; others America/Sao_Paulo (default: ${DEFAULT-VALUE})")
    String exchangeTimezones;

    @Option(names = "--free-ports", description = "every service on a free port (default: 50051, 50052, 50053 when free)")
    boolean freePorts;

    @Option(names = "--no-subscribe", negatable = false,
            description = "do not subscribe the replay's instruments (default: user 'blackbox' subscribes them all)")
    boolean noSubscribe;

    @Option(names = "--roster", paramLabel = "FILE",
            description = "the simulator's account roster for order routing (default: ${BLACKBOX_SIM_ROSTER:-the bundled demo roster of 24 client accounts})")
    Path roster;

    @Option(names = "--market-only", description = "log in for market data only, without order routing (default: routing with the roster)")
    boolean marketOnly;

    @Option(names = "--plaintext", description = "plain-text gRPC between the services, no caller authenticated (default: mutual TLS"
            + " with a private CA and certificates in <data dir>/tls)")
    boolean plaintext;

    private Map<String, String> environment = System.getenv();

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StackOptions options = options();
        // closed with the JVM: the logs stay routed while the stack runs
        blackbox.cli.UpLogs.route(options.dataDir().resolve("logs"), environment.getOrDefault("BLACKBOX_LOG_LEVEL", "info"));
        out.println("data directory: " + options.dataDir());
        Optional<StackFile> running = StackFile.readLive(options.dataDir());
        if (running.isPresent()) {
            throw new CliException("a stack (pid " + running.get().pid() + ") already runs on " + options.dataDir()
                    + ": stop it first, or use another --data-dir");
        }
        long t0 = System.nanoTime();
        RunningStack stack;
        try {
            stack = StackServices.start(options, StepListener.printing(out));
        } catch (StackStartException e) {
            throw new CliException(e.getMessage() + " (details in " + options.dataDir().resolve("logs/blackbox.log") + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("stopping...");
            out.flush();
            stack.close();
            out.println("stopped; nothing left running");
            out.flush();
            stopped.countDown();
        }, "blackbox-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stack.writeStackFile();
        out.printf("BlackBox is up in %.1f s (pid %d):%n", (System.nanoTime() - t0) / 1e9, ProcessHandle.current().pid());
        stack.endpointLines().forEach(out::println);
        String dir = dataDir == null ? "" : " --data-dir " + options.dataDir();
        out.println("try:  ./blackbox status" + dir + "    ./blackbox candles " + firstSymbol(stack) + " --tf 1m" + dir);
        out.println("Ctrl-C stops everything.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static String firstSymbol(RunningStack stack) {
        return stack.replay().instruments().isEmpty() ? "PETR4"
                : blackbox.cli.Symbols.format(stack.replay().instruments().getFirst());
    }

    StackOptions options() {
        if (!speed.matches("max|realtime|\\d+(\\.\\d+)?x")) {
            throw CliException.usage("must be realtime, max or <N>x such as 10x: --speed=" + speed);
        }
        for (Path file : replay) {
            if (!Files.isReadable(file)) throw CliException.usage("no such readable file: --replay " + file);
        }
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
            throw CliException.usage("must start with jdbc:postgresql://: --database-url=" + databaseUrl);
        }
        if (redisUrl != null && !redisUrl.matches("redis://[^:/]+(:\\d{1,5})?/?")) {
            throw CliException.usage("must be redis://HOST:PORT: --redis-url=" + redisUrl);
        }
        if (roster != null && !Files.isReadable(roster)) throw CliException.usage("no such readable file: --roster " + roster);
        if (roster != null && marketOnly) throw CliException.usage("--roster is for order routing, --market-only has none");
        Path dir = dataDir != null ? dataDir.toAbsolutePath().normalize() : DataDirs.defaultDir();
        Map<String, String> env = new java.util.HashMap<>(environment);
        if (roster != null) env.put(GatewayConfig.SIM_ROSTER, roster.toAbsolutePath().normalize().toString());
        if (marketOnly) env.put(GatewayConfig.MARKET_ONLY, "true");
        if (plaintext) env.put(StackOptions.PLAINTEXT, "true");
        return new StackOptions(dir, replay.stream().map(p -> p.toAbsolutePath().normalize()).toList(), speed,
                rebaseToToday, Optional.ofNullable(databaseUrl), Optional.ofNullable(redisUrl), exchangeTimezones,
                freePorts, !noSubscribe, StackOptions.STACK_USER, env);
    }
}
