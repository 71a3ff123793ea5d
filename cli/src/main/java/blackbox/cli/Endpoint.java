package blackbox.cli;

import blackbox.platform.security.MutualTls;
import blackbox.platform.security.TlsFiles;
import io.grpc.ManagedChannel;
import java.util.Optional;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a service of a running stack answers ({@code host:port}), how to reach it, and how its gRPC failures read to
 * a user.
 *
 * @param service which service
 * @param target {@code host:port}
 * @param tls the operator's certificate, key and the stack's CA for mutual TLS; empty: plain text
 */
public record Endpoint(Service service, String target, Optional<TlsFiles> tls) {

    /** A plain-text endpoint. */
    public Endpoint(Service service, String target) {
        this(service, target, Optional.empty());
    }

    /** A channel over mutual TLS as the operator, or plain text; close it with {@link #close}. */
    public ManagedChannel open() {
        if (tls.isEmpty()) return NettyChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            return MutualTls.load(tls.get()).channel(target).build();
        } catch (RuntimeException e) {
            throw new CliException("cannot use the TLS certificate " + tls.get().certificate() + ": " + e.getMessage());
        }
    }

    public static void close(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a call; a gRPC failure becomes a {@link CliException} with one clear line. */
    public <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw error(e);
        }
    }

    /** The one line for a failed call to this service. */
    public CliException error(StatusRuntimeException e) {
        Status status = e.getStatus();
        String name = service.displayName();
        String detail = status.getDescription() == null ? "" : status.getDescription();
        String message = switch (status.getCode()) {
            case UNAVAILABLE -> "cannot reach " + name + " at " + target + ": is `blackbox up` running?";
            case DEADLINE_EXCEEDED -> name + " at " + target + " did not answer in time";
            case UNIMPLEMENTED -> name + " at " + target + " does not serve this yet (UNIMPLEMENTED"
                    + (detail.isEmpty() ? "" : ": " + detail) + ")";
            case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS ->
                    name + " refused: " + (detail.isEmpty() ? status.getCode().toString() : detail);
            case UNAUTHENTICATED, PERMISSION_DENIED -> name + " refused the credentials: " + status.getCode()
                    + (detail.isEmpty() ? "" : ": " + detail);
            default -> name + " at " + target + " failed: " + status.getCode() + (detail.isEmpty() ? "" : ": " + detail);
        };
        boolean usage = switch (status.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> true;
            default -> false;
        };
        return new CliException(message, usage ? CliException.USAGE : CliException.FAILED);
    }
}
