package blackbox.web.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A java.net.http WebSocket that keeps every message with its receive time (System.nanoTime). */
final class WsClient implements WebSocket.Listener {
    record Received(long atNanos, JsonNode json) {
        String type() {
            return json.path("type").asText();
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static WsClient connect(String base, String... headers) throws Exception {
        return connectTo(base, "/ws/market", headers);
    }

    static WsClient connectTo(String base, String path, String... headers) throws Exception {
        WsClient c = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        c.socket = b.buildAsync(URI.create(base.replace("http://", "ws://") + path), c).get(10, TimeUnit.SECONDS);
        return c;
    }

    static WsClient authenticated(String base, String token) throws Exception {
        WsClient c = connect(base);
        c.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        c.await(m -> m.type().equals("authenticated"), "authenticated");
        return c;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    Received await(Predicate<Received> what, String description) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (Received r : received) if (what.test(r)) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + description + "; got " + received.stream().map(r -> r.json().toString()).toList());
    }

    List<Received> ofType(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(new Received(System.nanoTime(), Http.MAPPER.readTree(partial.toString())));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
    }
}
