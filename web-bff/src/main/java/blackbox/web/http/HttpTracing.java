package blackbox.web.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;

/**
 * A server span per REST request under {@code /api/}, continuing the caller's W3C trace context
 * ({@code traceparent}) and current while the handler runs, so the gRPC calls it makes to candle-svc,
 * marketdata-svc, oms-svc... are its children (their channels send the context on). Named by the HTTP method
 * (the path holds tickers and ids: it goes in {@code url.path}, not in the name); 5xx answers mark the span an
 * error. Static files and WebSocket upgrades are not traced.
 *
 * <p>Runs on the request's thread: Helidon SE runs the filter chain and the handler on one virtual thread.
 */
public final class HttpTracing implements Filter {
    private static final TextMapGetter<ServerRequestHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ServerRequestHeaders headers) {
            List<String> names = new ArrayList<>();
            for (Header h : headers) names.add(h.name());
            return names;
        }

        @Override
        public String get(ServerRequestHeaders headers, String key) {
            return headers == null ? null : headers.first(HeaderNames.create(key)).orElse(null);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public HttpTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("blackbox.web-bff");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(SecurityFilter.API + "/")) {
            chain.proceed();
            return;
        }
        String method = req.prologue().method().text();
        Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), req.headers(), HEADERS);
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", path)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            chain.proceed();
            int status = res.status().code();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) span.setStatus(StatusCode.ERROR);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
