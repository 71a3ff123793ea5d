package blackbox.platform.health;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * Publishes a {@link Health} through the standard gRPC health-checking service
 * ({@code grpc.health.v1.Health}): the overall service ({@code ""}) and each named gRPC service are
 * SERVING while every component is UP and NOT_SERVING otherwise.
 */
public final class GrpcHealth {
    private final HealthStatusManager manager = new HealthStatusManager();

    public GrpcHealth(Health health, String... grpcServiceNames) {
        health.addListener((component, status) -> {
            ServingStatus serving = health.healthy() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
            manager.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, serving);
            for (String name : grpcServiceNames) {
                manager.setStatus(name, serving);
            }
        });
    }

    public BindableService service() {
        return manager.getHealthService();
    }

    /** Marks everything NOT_SERVING for good: call when shutting down. */
    public void enterTerminalState() {
        manager.enterTerminalState();
    }
}
