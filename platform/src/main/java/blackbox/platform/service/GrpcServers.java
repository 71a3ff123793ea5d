package blackbox.platform.service;

import blackbox.platform.health.GrpcHealth;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

/** What every BlackBox gRPC server carries besides its own services. */
public final class GrpcServers {
    private GrpcServers() {
    }

    /**
     * Adds to {@code builder} (Netty in production, in-process in tests): a span per call continuing the caller's
     * W3C trace ({@link Telemetry#grpcServerTracing()}), the standard health-checking service
     * ({@code grpc.health.v1.Health}) from {@code health}, and server reflection ({@code grpc.reflection.v1}, for
     * grpcurl and the operator's tools). Call before adding the service's own services and building.
     *
     * @return {@code builder}
     */
    public static ServerBuilder<?> withStandardServices(ServerBuilder<?> builder, Telemetry telemetry, GrpcHealth health) {
        return builder.intercept(telemetry.grpcServerTracing())
                .addService(health.service())
                .addService(ProtoReflectionServiceV1.newInstance());
    }
}
