package blackbox.platform.service;

import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.config.ConfigException;
import blackbox.platform.security.MutualTls;
import blackbox.platform.security.TlsFiles;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * <p>gRPC runs over mutual TLS when {@code BLACKBOX_TLS_CERT}, {@code BLACKBOX_TLS_KEY} and {@code BLACKBOX_TLS_CA}
 * name the service's certificate, key and the stack's CA ({@link TlsFiles}): its server admits only the callers
 * {@link blackbox.platform.security.CallerPolicy#blackbox()} allows, its channels present its certificate. Without
 * them, plain text, allowed only on a loopback host and said at start.
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
    private final Optional<MutualTls> tls;
    private final List<Resource> started = new ArrayList<>();

    /** @throws ConfigException naming a TLS file key that is missing, unreadable or not PEM */
    Startup(String service, Config raw, Telemetry telemetry) {
        this.service = service;
        this.raw = raw;
        this.telemetry = telemetry;
        closeOnShutdown("telemetry", telemetry);
        this.tls = TlsFiles.from(raw).map(files -> {
            try {
                return MutualTls.load(files);
            } catch (RuntimeException e) {
                throw new ConfigException(TlsFiles.CERT, "cannot use " + files + ": " + e.getMessage());
            }
        });
        tls.ifPresent(t -> log.info("{}: gRPC over mutual TLS as {} (CA {})", service, t.identity(), t.files().trustedCa()));
    }

    /** The service's mutual TLS, empty in the loopback-only plain-text mode. */
    public Optional<MutualTls> tls() {
        return tls;
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
     * A client channel to another service ({@code host:port}) over mutual TLS when configured (else plain text),
     * accepting messages up to {@link #MAX_INBOUND_MESSAGE_BYTES}, sending the current trace context with each call
     * ({@link Telemetry#grpcClientTracing()}); shut down at shutdown.
     */
    public ManagedChannel channel(String target) {
        NettyChannelBuilder builder = tls.map(t -> t.channel(target)).orElseGet(() -> NettyChannelBuilder.forTarget(target).usePlaintext());
        ManagedChannel channel = builder
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .intercept(telemetry.grpcClientTracing()).build();
        closeOnShutdown("channel to " + target, () -> {
            channel.shutdownNow();
            channel.awaitTermination(2, TimeUnit.SECONDS);
        });
        return channel;
    }

    /**
     * A Netty server builder on {@code host:port} (0 for a free port) for the service's gRPC server: mutual TLS with
     * the callers' allow-lists when configured, else plain text on a loopback host.
     *
     * @throws ConfigException when plain text is asked of a host that is not loopback
     */
    public NettyServerBuilder server(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (tls.isPresent()) return tls.get().server(address);
        if (!loopback(host)) {
            throw new ConfigException(TlsFiles.CERT, "plain-text gRPC is for a loopback-only development stack, and "
                    + service + " is to listen on " + host + ": set " + TlsFiles.CERT + ", " + TlsFiles.KEY + " and " + TlsFiles.CA);
        }
        log.warn("{}: plain-text gRPC on {}:{}, no caller authenticated: a loopback-only development mode (set {}, {} and {} for"
                + " mutual TLS)", service, host, port, TlsFiles.CERT, TlsFiles.KEY, TlsFiles.CA);
        return NettyServerBuilder.forAddress(address);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
