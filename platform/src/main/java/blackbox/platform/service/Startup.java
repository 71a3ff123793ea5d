package blackbox.platform.service;

import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service's {@link ServiceMain.Starter} starts its parts with, each registered to be closed at shutdown in
 * reverse order of start: telemetry (made before the starter runs, so closed last), the database, client channels,
 * the service itself ({@link #closeOnShutdown}) and the periodic stats line (made last, so stopped first).
 *
 * <p>Used by the thread that runs {@code main} while starting; {@link #closeAll()} runs on the shutdown hook.
 */
public final class Startup {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);
    /** The largest message a client channel accepts: history pages and exports are big. */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private record Resource(String name, AutoCloseable closeable) {
    }

    private final String service;
    private final Config raw;
    private final Telemetry telemetry;
    private final List<Resource> started = new ArrayList<>();

    Startup(String service, Config raw, Telemetry telemetry) {
        this.service = service;
        this.raw = raw;
        this.telemetry = telemetry;
        closeOnShutdown("telemetry", telemetry);
    }

    /** The service's name, e.g. {@code marketdata-svc}. */
    public String service() {
        return service;
    }

    /** The raw configuration the service's settings were parsed from. */
    public Config raw() {
        return raw;
    }

    /** The service's telemetry ({@code BLACKBOX_OTLP_*}). */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Connects to the configured PostgreSQL, starting the embedded server when no URL is set. The embedded
     * server's own shutdown hook is removed: JVM hooks run concurrently, and it would stop the database while the
     * service still writes; the database closes after everything started later.
     */
    public Database database(DatabaseConfig config) {
        Database database = Database.connect(config);
        database.embeddedServer().ifPresent(server -> server.handOverShutdown());
        return closeOnShutdown("database", database);
    }

    /**
     * A plaintext client channel to another service ({@code host:port}), accepting messages up to
     * {@link #MAX_INBOUND_MESSAGE_BYTES}, sending the current trace context with each call
     * ({@link Telemetry#grpcClientTracing()}); shut down at shutdown.
     */
    public ManagedChannel channel(String target) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .intercept(telemetry.grpcClientTracing()).build();
        closeOnShutdown("channel to " + target, () -> {
            channel.shutdownNow();
            channel.awaitTermination(2, TimeUnit.SECONDS);
        });
        return channel;
    }

    /** A Netty server builder on {@code host:port} (0 for a free port) for the service's gRPC server. */
    public NettyServerBuilder server(String host, int port) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(host, port));
    }

    /** Registers {@code resource} to be closed at shutdown, before everything registered earlier. */
    public <T extends AutoCloseable> T closeOnShutdown(String name, T resource) {
        synchronized (started) {
            started.add(new Resource(name, resource));
        }
        return resource;
    }

    /**
     * Logs {@code line} every {@code every} on a daemon thread, stopped first at shutdown.
     *
     * @param every zero for never
     */
    public void logStats(Duration every, Supplier<String> line) {
        if (every.isZero() || every.isNegative()) return;
        ScheduledExecutorService stats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats");
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        stats.scheduleAtFixedRate(() -> log.info(line.get()), millis, millis, TimeUnit.MILLISECONDS);
        closeOnShutdown("stats", stats::shutdownNow);
    }

    /** Closes everything registered, last first; a failure is logged and the rest still closed. Idempotent. */
    void closeAll() {
        List<Resource> toClose;
        synchronized (started) {
            toClose = new ArrayList<>(started.reversed());
            started.clear();
        }
        for (Resource r : toClose) {
            try {
                r.closeable().close();
            } catch (Exception | LinkageError e) {
                log.warn("{}: closing {} failed: {}", service, r.name(), e.toString());
            }
        }
    }
}
