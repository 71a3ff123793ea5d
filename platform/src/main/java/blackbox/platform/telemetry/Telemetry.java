package blackbox.platform.telemetry;

import blackbox.platform.config.Config;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenTelemetry for one service: metrics and traces, exporters off by default.
 *
 * <p>Configuration: {@code BLACKBOX_OTLP_ENDPOINT} (e.g. {@code http://localhost:4317}) turns on OTLP export of
 * traces and metrics; unset, nothing is exported but instruments still work (and cost little).
 * {@code BLACKBOX_OTLP_METRIC_INTERVAL} sets the metric export interval (default 10s).
 * The SDK is built with OpenTelemetry's autoconfigure module, so the standard {@code OTEL_*} variables
 * also apply when set.
 */
public final class Telemetry implements AutoCloseable {
    public static final String OTLP_ENDPOINT = "BLACKBOX_OTLP_ENDPOINT";
    public static final String OTLP_METRIC_INTERVAL = "BLACKBOX_OTLP_METRIC_INTERVAL";

    private final OpenTelemetrySdk sdk;
    private final String serviceName;

    private Telemetry(OpenTelemetrySdk sdk, String serviceName) {
        this.sdk = sdk;
        this.serviceName = serviceName;
    }

    /**
     * Builds the SDK for {@code serviceName}.
     *
     * @throws blackbox.platform.config.ConfigException when an endpoint or interval is malformed
     */
    public static Telemetry create(String serviceName, Config config) {
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.service.name", serviceName);
        var endpoint = config.find(OTLP_ENDPOINT);
        if (endpoint.isPresent()) {
            String url = endpoint.get();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw Config.invalid(OTLP_ENDPOINT, url, "must be an http:// or https:// URL");
            }
            properties.put("otel.exporter.otlp.endpoint", url);
            properties.put("otel.traces.exporter", "otlp");
            properties.put("otel.metrics.exporter", "otlp");
            properties.put("otel.metric.export.interval",
                    String.valueOf(config.duration(OTLP_METRIC_INTERVAL, java.time.Duration.ofSeconds(10)).toMillis()));
        } else {
            properties.put("otel.traces.exporter", "none");
            properties.put("otel.metrics.exporter", "none");
        }
        properties.put("otel.logs.exporter", "none");
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> properties)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Telemetry(sdk, serviceName);
    }

    /**
     * Telemetry over an SDK the caller built, e.g. a test's with an in-memory span exporter; closing it closes
     * {@code sdk}.
     */
    public static Telemetry of(String serviceName, OpenTelemetrySdk sdk) {
        return new Telemetry(sdk, serviceName);
    }

    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    public Meter meter() {
        return sdk.getMeter("blackbox." + serviceName);
    }

    /** A server interceptor that opens a span per gRPC call, continuing the caller's W3C trace context. */
    public io.grpc.ServerInterceptor grpcServerTracing() {
        return io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry.create(sdk).createServerInterceptor();
    }

    /** A client interceptor that opens a span per gRPC call and sends the W3C trace context. */
    public io.grpc.ClientInterceptor grpcClientTracing() {
        return io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry.create(sdk).createClientInterceptor();
    }

    public Tracer tracer() {
        return sdk.getTracer("blackbox." + serviceName);
    }

    @Override
    public void close() {
        sdk.close();
    }
}
