package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.platform.telemetry.Telemetry;
import blackbox.testkit.TestStack;
import blackbox.web.testing.WebPart;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace follows a browser's request through web-bff into the services behind it: the REST request continues
 * the browser's {@code traceparent}, and each gRPC call web-bff makes (candle-svc, marketdata-svc, dll-gateway for
 * the instrument search) is a client span under it whose server span, in the called service, is its child. Spans
 * are caught by OpenTelemetry's in-memory exporter on the stack's one SDK; the links are asserted by trace and
 * span ids, so a hop that drops the context fails the test. A subscription goes one hop further: web-bff →
 * marketdata-svc → dll-gateway.
 */
@Timeout(120)
class TraceAcrossServicesComponentTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String BROWSER_SPAN = "00f067aa0ba902b7";
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    @Test
    void aRestRequestAndTheGrpcCallsBehindItAreOneTrace(@TempDir Path dir) throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (TestStack stack = new TestStack("trace-test", Telemetry.of("trace-test", sdk(spans)))) {
            Http http = startWeb(stack, dir);
            String token = http.token("alice", WebPart.PASSWORD);
            spans.reset();

            Http.Answer found = http.send("GET", "/api/v1/market/instruments?q=va", token, null,
                    "traceparent", "00-" + TRACE_ID + "-" + BROWSER_SPAN + "-01");
            assertEquals(200, found.status(), found.body());

            // the server spans end after the answer is written: wait for the REST span itself
            TestStack.await(() -> serverSpan(spans.getFinishedSpanItems()).isPresent(), WAIT, "the REST request's span");
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(TRACE_ID)).toList();
            SpanData rest = serverSpan(trace).orElseThrow();
            assertEquals(BROWSER_SPAN, rest.getParentSpanId(), "the REST span continues the browser's");
            assertEquals("/api/v1/market/instruments", rest.getAttributes().get(
                    io.opentelemetry.api.common.AttributeKey.stringKey("url.path")));

            List<SpanData> calls = trace.stream()
                    .filter(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(rest.getSpanId())).toList();
            assertFalse(calls.isEmpty(), "web-bff's gRPC calls are children of the REST span: " + names(trace));
            Set<String> services = calls.stream().map(c -> c.getName().substring(0, c.getName().indexOf('/')))
                    .collect(Collectors.toSet());
            assertTrue(services.size() >= 2, "the search asks more than one service: " + services);
            for (SpanData call : calls) {
                TestStack.await(() -> spans.getFinishedSpanItems().stream()
                        .anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(call.getSpanId())),
                        WAIT, "the server span of " + call.getName());
            }
            List<SpanData> all = spans.getFinishedSpanItems();
            for (SpanData call : calls) {
                SpanData served = all.stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(call.getSpanId()))
                        .findFirst().orElseThrow();
                assertEquals(TRACE_ID, served.getTraceId(), call.getName());
                assertEquals(call.getName(), served.getName(), "the called service serves the same method");
            }
        }
    }

    @Test
    void aSubscriptionIsOneTraceFromTheBrowserThroughMarketDataToTheGateway(@TempDir Path dir) throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (TestStack stack = new TestStack("trace-sub-test", Telemetry.of("trace-sub-test", sdk(spans)))) {
            Http http = startWeb(stack, dir);
            String token = http.token("alice", WebPart.PASSWORD);
            spans.reset();

            // the first subscriber of VALE3: marketdata-svc subscribes at the gateway while serving the call
            assertEquals(200, http.send("PUT", "/api/v1/market/subscriptions/VALE3", token, null,
                    "traceparent", "00-" + TRACE_ID + "-" + BROWSER_SPAN + "-01").status());
            String chain = "PUT > blackbox.marketdata.v1.MarketData/Subscribe > blackbox.gateway.v1.";
            TestStack.await(() -> path(spans.getFinishedSpanItems()).startsWith(chain), WAIT,
                    "the chain " + chain + "..., got " + path(spans.getFinishedSpanItems()));
        }
    }

    /** The spans of the test's trace from the REST span down, one per service hop: "PUT > svc/Method > ...". */
    private static String path(List<SpanData> spans) {
        List<SpanData> trace = spans.stream().filter(s -> s.getTraceId().equals(TRACE_ID)).toList();
        StringBuilder out = new StringBuilder();
        String parent = BROWSER_SPAN;
        while (true) {
            String p = parent;
            Optional<SpanData> server = trace.stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(p)).findFirst();
            if (server.isEmpty()) return out.toString();
            if (!out.isEmpty()) out.append(" > ");
            out.append(server.get().getName());
            // the next hop: a client call made while serving, answered by a server span in the next service
            Optional<SpanData> call = trace.stream()
                    .filter(s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(server.get().getSpanId()))
                    .filter(c -> trace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(c.getSpanId())))
                    .findFirst();
            if (call.isEmpty()) return out.toString();
            parent = call.get().getSpanId();
        }
    }

    /** The gateway replaying one VALE3 trade, marketdata-svc, candle-svc and web-bff; a client of web-bff. */
    private static Http startWeb(TestStack stack, Path dir) throws Exception {
        Path tape = dir.resolve("one.replay.csv");
        Files.writeString(tape, "# blackbox-replay v1\n"
                + "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n"
                + "1741190901755015679,VALE3,B,T,1,55.1,200,3,0,0,,,\n");
        WebPart web = WebPart.on(stack);
        web.startWithUpstream(Map.of(GatewayConfig.REPLAY, tape.toString()), Map.of());
        return new Http(web.base());
    }

    private static OpenTelemetrySdk sdk(InMemorySpanExporter spans) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private static Optional<SpanData> serverSpan(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("GET")
                && s.getTraceId().equals(TRACE_ID)).findFirst();
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName()).toList();
    }
}
