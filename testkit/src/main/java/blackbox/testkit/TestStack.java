package blackbox.testkit;

import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.redis.EmbeddedRedisServer;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BlackBox in one JVM for a component test: the infrastructure every service needs, started when first asked
 * for, and a registry of the services ("parts") a test starts on it, talking over in-process gRPC.
 *
 * <ul>
 *   <li>{@link #database()}: one embedded PostgreSQL in this stack's data directory and one {@link Database}
 *       (pool of 8) shared by every part, as {@code blackbox up} shares one server; {@link #postgres()} stops and
 *       starts it for outage tests.</li>
 *   <li>{@link #redis()}: one embedded Redis, started when first asked for.</li>
 *   <li>{@link #telemetry()}: one {@link Telemetry} (exporters off, or the test's) for every part; the channels
 *       carry the trace context.</li>
 *   <li>{@link #serverBuilder(String)} and {@link #channel(String)}: per part name, an in-process server name
 *       unique to this stack and one cached channel to it. Channels outlive restarts of their part's server: a
 *       client of a restarted part reconnects by itself.</li>
 *   <li>{@link #start}, {@link #stop}, {@link #restart}: parts by name. A part is started by a {@link Starter}
 *       given the test's configuration overrides; a restart runs the last starter again with the last (or new)
 *       overrides. {@link #close()} closes the running parts in reverse order of their first start, then the
 *       channels, the database, Redis and the data directory.</li>
 * </ul>
 *
 * <p>Services' test-jars wrap their part in a {@link Part} (e.g. {@code MarketDataPart.on(stack)}). Waiting is
 * {@link #await}, which fails naming what it waited for; never a sleep.
 *
 * <p>Drive a stack from the test's thread. {@link #channel}, {@link #instance}, {@link #database()} and
 * {@link #await} may be called from any thread.
 */
public final class TestStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TestStack.class);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final int POOL_SIZE = 8;

    /** Starts a part on the test's configuration overrides (keys of the part's own configuration). */
    @FunctionalInterface
    public interface Starter<T extends AutoCloseable> {
        T start(Map<String, String> overrides) throws Exception;
    }

    /** A part as the registry knows it: how to start it again, and the instance while it runs. */
    private static final class Registered {
        Starter<?> starter;
        Map<String, String> overrides;
        AutoCloseable instance;
    }

    private final String name;
    private final String serverPrefix = InProcessServerBuilder.generateName();
    private final Path dataDir;
    private final Telemetry telemetry;
    private final Map<String, Registered> parts = new LinkedHashMap<>();
    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private Database database;
    private EmbeddedRedisServer redis;
    private boolean closed;

    /**
     * A stack with a fresh temporary data directory; nothing is started yet.
     *
     * @param name names the telemetry service and the data directory, e.g. {@code "marketdata-test"}
     */
    public TestStack(String name) throws IOException {
        this(name, Telemetry.create(name, Config.of(Map.of())));
    }

    /**
     * As {@link #TestStack(String)}, every part on {@code telemetry} (e.g. over an in-memory span exporter, to follow
     * a trace across parts); closed with the stack.
     */
    public TestStack(String name, Telemetry telemetry) throws IOException {
        this.name = name;
        this.dataDir = Files.createTempDirectory("blackbox-" + name + "-");
        // when the tests run as root, PostgreSQL runs as an unprivileged user that must enter this directory
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.telemetry = telemetry;
    }

    /** This stack's own data directory (PostgreSQL in {@code postgres/}, Redis in {@code redis/}); deleted by {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * The shared database, starting the embedded PostgreSQL server on first use (a few seconds).
     *
     * @throws UncheckedIOException when the server does not start (as {@link Database#connect} does)
     */
    public synchronized Database database() {
        if (database == null) {
            try {
                postgres = EmbeddedPostgresServer.start(dataDir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
            }
            database = Database.connect(DatabaseConfig.external(postgres.jdbcUrl(), "postgres", "", POOL_SIZE));
        }
        return database;
    }

    /** The embedded PostgreSQL server behind {@link #database()} (started if needed), e.g. to stop and start it. */
    public synchronized EmbeddedPostgresServer postgres() {
        database();
        return postgres;
    }

    /**
     * The embedded Redis server (256 MiB), started on first use.
     *
     * @throws UncheckedIOException when it does not start
     */
    public synchronized EmbeddedRedisServer redis() {
        if (redis == null) {
            try {
                redis = EmbeddedRedisServer.start(dataDir, 0, 256);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start in " + dataDir, e);
            }
        }
        return redis;
    }

    /** The in-process server name of {@code part} in this stack (unique across stacks in the JVM). */
    public String serverName(String part) {
        return serverPrefix + "/" + part;
    }

    /** A new in-process server builder for {@code part}; its clients use {@link #channel(String)}. */
    public ServerBuilder<?> serverBuilder(String part) {
        return InProcessServerBuilder.forName(serverName(part));
    }

    /**
     * The channel to {@code part}'s in-process server, made on first use and kept until {@link #close()}; it sends
     * the current trace context with each call, as the services' channels do.
     */
    public synchronized ManagedChannel channel(String part) {
        if (closed) throw new IllegalStateException("stack " + name + " is closed");
        return channels.computeIfAbsent(part, p -> InProcessChannelBuilder.forName(serverName(p))
                .intercept(telemetry.grpcClientTracing()).build());
    }

    /**
     * Starts a part, first closing the running instance of that name if there is one. The part keeps the place of
     * its first start in the closing order.
     *
     * @param overrides the test's configuration, handed to {@code starter} now and on {@link #restart(String)}
     * @return what the starter started
     * @throws Exception what the starter threw (nothing is registered as running then)
     */
    public <T extends AutoCloseable> T start(String part, Map<String, String> overrides, Starter<T> starter) throws Exception {
        Registered registered;
        synchronized (this) {
            if (closed) throw new IllegalStateException("stack " + name + " is closed");
            registered = parts.computeIfAbsent(part, p -> new Registered());
        }
        stopInstance(part, registered);
        Map<String, String> copy = Map.copyOf(overrides);
        T instance = starter.start(copy);
        synchronized (this) {
            registered.starter = starter;
            registered.overrides = copy;
            registered.instance = instance;
        }
        return instance;
    }

    /** Restarts a part with its last starter and last overrides (stopped or running). */
    public AutoCloseable restart(String part) throws Exception {
        return restart(part, registered(part).overrides);
    }

    /** Restarts a part with its last starter and these overrides instead of the last ones. */
    public AutoCloseable restart(String part, Map<String, String> overrides) throws Exception {
        return start(part, overrides, registered(part).starter);
    }

    /** Stops a part; it can be restarted. No-op when it is not running. */
    public void stop(String part) throws Exception {
        Registered registered;
        synchronized (this) {
            registered = parts.get(part);
        }
        if (registered != null) stopInstance(part, registered);
    }

    public synchronized boolean running(String part) {
        Registered registered = parts.get(part);
        return registered != null && registered.instance != null;
    }

    /**
     * The running instance of a part.
     *
     * @throws IllegalStateException when it is not running
     * @throws ClassCastException when it is not a {@code type}
     */
    public synchronized <T> T instance(String part, Class<T> type) {
        Registered registered = parts.get(part);
        if (registered == null || registered.instance == null) {
            throw new IllegalStateException(part + " is not running in stack " + name + " (running: " + runningParts() + ")");
        }
        return type.cast(registered.instance);
    }

    /** The names of the running parts, in order of first start. */
    public synchronized List<String> runningParts() {
        return parts.entrySet().stream().filter(e -> e.getValue().instance != null).map(Map.Entry::getKey).toList();
    }

    private synchronized Registered registered(String part) {
        Registered registered = parts.get(part);
        if (registered == null || registered.starter == null) {
            throw new IllegalStateException(part + " was never started in stack " + name);
        }
        return registered;
    }

    private void stopInstance(String part, Registered registered) throws Exception {
        AutoCloseable instance;
        synchronized (this) {
            instance = registered.instance;
            registered.instance = null;
        }
        if (instance != null) {
            log.debug("stopping {}", part);
            instance.close();
        }
    }

    /**
     * Polls {@code condition} every 10 ms until it holds.
     *
     * @param what what is awaited, for the failure (evaluated only then, so it can show the current state)
     * @throws AssertionError {@code timed out after 10 s waiting for <what>} when {@code timeout} passes first
     */
    public static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + seconds(timeout) + " waiting for " + what.get());
            }
            Thread.sleep(POLL);
        }
    }

    /** {@link #await(BooleanSupplier, Duration, Supplier)} with a fixed description. */
    public static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        await(condition, timeout, () -> what);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The repository root: the {@code blackbox.repo.root} system property the build sets, else the nearest
     * directory above the working directory holding {@code samples/} and {@code pom.xml}.
     *
     * @throws IllegalStateException when neither finds it
     */
    public static Path repoRoot() {
        String root = System.getProperty("blackbox.repo.root");
        if (root != null && !root.isBlank()) return Path.of(root);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.isRegularFile(dir.resolve("pom.xml"))) return dir;
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath()
                + " (run the tests through Maven, which sets blackbox.repo.root)");
    }

    /** A file of the repository, e.g. {@code samples/replay/binance-spot-sample.replay.csv}. */
    public static Path repoFile(String relative) {
        return repoRoot().resolve(relative);
    }

    /**
     * {@code ../shared/data} beside the repository: the real B3 trade files, present on the team's machines and
     * CI, never in the repository (no redistribution licence; see its README).
     */
    public static Path sharedData() {
        return repoRoot().resolve("../shared/data").normalize();
    }

    /**
     * A file or folder of the shared data, or the calling test is skipped: the reason, naming the path, is
     * printed and the test aborted ({@link Assumptions#abort(String)}), so a run without the data says what it
     * did not check.
     *
     * @param relative e.g. {@code b3-btg-2025/trades}
     */
    public static Path skipUnlessSharedData(String relative) {
        Path path = sharedData().resolve(relative).normalize();
        if (!Files.exists(path)) {
            String reason = "shared data absent (" + path + "): skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return path;
    }

    /**
     * Closes the running parts in reverse order of first start, then the channels, the database and its server,
     * Redis and telemetry, and deletes the data directory. Everything is attempted; then the first failure is
     * thrown (a checked one wrapped in {@link IllegalStateException}) with the others suppressed. Idempotent.
     */
    @Override
    public void close() {
        List<Map.Entry<String, Registered>> toStop;
        List<ManagedChannel> toShut;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toStop = new ArrayList<>(parts.entrySet());
            toShut = new ArrayList<>(channels.values());
        }
        Closing closing = new Closing();
        for (Map.Entry<String, Registered> e : toStop.reversed()) {
            closing.run(e.getKey(), () -> stopInstance(e.getKey(), e.getValue()));
        }
        for (ManagedChannel channel : toShut) {
            closing.run("channel", () -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        }
        closing.run("database", () -> {
            if (database != null) database.close();
        });
        closing.run("PostgreSQL", () -> {
            if (postgres != null) postgres.close();
        });
        closing.run("Redis", () -> {
            if (redis != null) redis.close();
        });
        closing.run("telemetry", telemetry::close);
        closing.run("data directory", () -> deleteTree(dataDir));
        closing.rethrow();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Runs every closing step, keeping the first failure. */
    private static final class Closing {
        private Exception first;

        interface Step {
            void run() throws Exception;
        }

        void run(String what, Step step) {
            try {
                step.run();
            } catch (Exception e) {
                log.warn("closing {}: {}", what, e.toString());
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }

        void rethrow() {
            if (first == null) return;
            if (first instanceof InterruptedException) Thread.currentThread().interrupt();
            if (first instanceof RuntimeException unchecked) throw unchecked;
            throw new IllegalStateException("closing the stack: " + first, first);
        }
    }
}
