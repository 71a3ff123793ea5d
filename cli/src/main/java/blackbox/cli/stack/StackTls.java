package blackbox.cli.stack;

import blackbox.platform.security.CertificateAuthority;
import blackbox.platform.security.Identities;
import blackbox.platform.security.MutualTls;
import blackbox.platform.service.Startup;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How the stack's services reach each other: by default over mutual TLS, with a private CA and one certificate per
 * {@link Identities identity} kept in {@code <data dir>/tls} (owner-only, reused by the next {@code up}), each
 * service's server admitting the callers its allow-lists name and each caller dialling with its own certificate;
 * with {@link StackOptions#PLAINTEXT} (`up --plaintext`), plain text on loopback, no caller authenticated.
 *
 * <p>Channels are one per (caller, target), shut down by {@link #close()}. Thread-safe.
 */
final class StackTls implements AutoCloseable {
    static final String DIRECTORY = "tls";

    private final Optional<Path> dir;
    private final Map<String, MutualTls> identities;
    private final Telemetry telemetry;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    private StackTls(Optional<Path> dir, Map<String, MutualTls> identities, Telemetry telemetry) {
        this.dir = dir;
        this.identities = identities;
        this.telemetry = telemetry;
    }

    /** The CA and the certificates in {@code <data dir>/tls}, created when missing; none in plain-text mode. */
    static StackTls prepare(StackOptions options, Telemetry telemetry) {
        if (Boolean.parseBoolean(options.environment().getOrDefault(StackOptions.PLAINTEXT, "false"))) {
            return new StackTls(Optional.empty(), Map.of(), telemetry);
        }
        Path dir = options.dataDir().resolve(DIRECTORY);
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, "BlackBox stack CA");
        Map<String, MutualTls> identities = new TreeMap<>();
        for (String identity : Identities.ALL) identities.put(identity, MutualTls.load(ca.issue(identity, dir)));
        return new StackTls(Optional.of(dir), Map.copyOf(identities), telemetry);
    }

    /** The directory of the CA and certificates; empty in plain-text mode. */
    Optional<Path> dir() {
        return dir;
    }

    /** The progress line's detail. */
    String describe() {
        return dir.map(d -> "mutual TLS: a private CA and " + identities.size() + " certificates (" + String.join(", ",
                        new TreeMap<>(identities).keySet()) + ") in " + d + ", owner-only")
                .orElse("PLAIN TEXT (--plaintext): a loopback-only development stack, no caller authenticated");
    }

    /** The server builder of {@code identity}'s service on {@link StackServices#HOST}:{@code port} (0: a free one). */
    NettyServerBuilder server(String identity, int port) {
        InetSocketAddress address = new InetSocketAddress(StackServices.HOST, port);
        return dir.isEmpty() ? NettyServerBuilder.forAddress(address) : tls(identity).server(address);
    }

    /**
     * {@code caller}'s channel to {@code target}, accepting messages up to {@link Startup#MAX_INBOUND_MESSAGE_BYTES}
     * and sending the current trace context; the same channel for the same pair.
     */
    ManagedChannel channel(String caller, String target) {
        return channels.computeIfAbsent(caller + " " + target, k -> {
            NettyChannelBuilder builder = dir.isEmpty() ? NettyChannelBuilder.forTarget(target).usePlaintext() : tls(caller).channel(target);
            return builder.maxInboundMessageSize(Startup.MAX_INBOUND_MESSAGE_BYTES).intercept(telemetry.grpcClientTracing()).build();
        });
    }

    private MutualTls tls(String identity) {
        MutualTls tls = identities.get(identity);
        if (tls == null) throw new IllegalArgumentException("no certificate for identity " + identity + ": one of " + identities.keySet());
        return tls;
    }

    @Override
    public void close() throws InterruptedException {
        List<ManagedChannel> all = new ArrayList<>(channels.values());
        channels.clear();
        for (ManagedChannel c : all) c.shutdownNow();
        for (ManagedChannel c : all) c.awaitTermination(2, TimeUnit.SECONDS);
    }
}
