package blackbox.web.ws;

import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventMessage;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.StreamOrderEventsRequest;
import blackbox.positions.v1.PositionUpdate;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.positions.v1.StreamPositionsRequest;
import blackbox.risk.v1.RiskEvent;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.StreamRiskEventsRequest;
import blackbox.web.auth.AuthUser;
import blackbox.web.auth.TokenService;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.orders.OrderJson;
import blackbox.web.orders.OrderSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws/desk}, one instance per connection: the order side pushed live (web-bff/README.md "WebSocket /ws/desk").
 * Auth first as on {@code /ws/market}; then {@code {"type":"subscribe","stream":"orders","after_sequence":N}} (oms-svc's
 * order events of the desk's accounts: the stored ones after N, {@code caught_up}, then live), {@code "positions"}
 * (positions-svc's snapshot then every change of the desk's accounts) or {@code "risk"} (risk-svc's events).
 *
 * <p>Nothing is coalesced here: every order event is sent, in sequence order. A browser too slow for its bounded queue
 * is closed with 4008 and resumes with the last sequence it processed; when oms-svc's stream breaks, web-bff says
 * {@code reconnecting} and reopens it after the last sequence it sent (no gap, no event twice).
 */
public final class DeskSocket implements WsListener {
    private static final long RETRY_MILLIS = 1000;

    /** What every connection shares. */
    public record Shared(TokenService tokens, Optional<OrderSide> side, ScheduledExecutorService scheduler, int queueCapacity,
                         OriginPolicy origins) {
    }

    private final Shared shared;
    private Outbox out;
    private volatile AuthUser user;
    private ScheduledFuture<?> authTimer;
    private final StringBuilder partial = new StringBuilder();
    private final java.util.List<Context.CancellableContext> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public DeskSocket(Shared shared) {
        this.shared = shared;
    }

    @Override
    public Optional<io.helidon.http.Headers> onHttpUpgrade(HttpPrologue prologue, io.helidon.http.Headers headers)
            throws io.helidon.websocket.WsUpgradeException {
        String origin = headers.first(io.helidon.http.HeaderNames.ORIGIN).orElse(null);
        String host = headers.first(io.helidon.http.HeaderNames.HOST).orElse("");
        if (!shared.origins().allows(origin, host)) throw new io.helidon.websocket.WsUpgradeException("origin not allowed: " + origin);
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        out = new Outbox(session, shared.queueCapacity());
        out.start();
        authTimer = shared.scheduler().schedule(() -> {
            if (user == null) out.closeAfterPending(MarketSocket.UNAUTHORIZED, "no auth message within 5 s");
        }, 5, TimeUnit.SECONDS);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        partial.append(text);
        if (!last) {
            if (partial.length() > 65_536) out.closeNow(1009, "message too big");
            return;
        }
        String message = partial.toString();
        partial.setLength(0);
        JsonNode m;
        try {
            m = Json.parse(message);
        } catch (InvalidInput e) {
            error("invalid_argument", e.field(), e.value(), e.getMessage());
            return;
        }
        String type = m.path("type").asText("");
        if (user == null) {
            authenticate(type, m);
            return;
        }
        try {
            switch (type) {
                case "subscribe" -> subscribe(m);
                case "ping" -> send(Json.object().put("type", "pong"));
                default -> throw new InvalidInput("type", type, "must be subscribe or ping");
            }
        } catch (InvalidInput e) {
            error("invalid_argument", e.field(), e.value(), e.getMessage());
        }
    }

    private void authenticate(String type, JsonNode m) {
        if (!"auth".equals(type)) {
            unauthorized("the first message must be {\"type\":\"auth\",\"token\":...}");
            return;
        }
        switch (shared.tokens().verify(m.path("token").asText(null))) {
            case TokenService.Verdict.Valid v -> {
                user = v.user();
                authTimer.cancel(false);
                ObjectNode ok = Json.object().put("type", "authenticated").put("username", user.username());
                var roles = ok.putArray("roles");
                user.roleIds().forEach(roles::add);
                send(ok);
            }
            case TokenService.Verdict.Refused r -> unauthorized("access token refused: " + r.reason());
        }
    }

    private void unauthorized(String detail) {
        send(Json.object().put("type", "error").put("code", "unauthorized").put("detail", detail));
        out.closeAfterPending(MarketSocket.UNAUTHORIZED, "unauthorized");
    }

    private void subscribe(JsonNode m) {
        OrderSide side = shared.side().orElse(null);
        if (side == null) {
            error("unavailable", null, null, "this web-bff has no order side configured");
            return;
        }
        String stream = m.path("stream").asText("");
        switch (stream) {
            case "orders" -> {
                JsonNode after = m.path("after_sequence");
                long afterSequence = 0;
                if (!after.isMissingNode() && !after.isNull()) {
                    if (!after.isIntegralNumber() || after.asLong() < 0) {
                        throw new InvalidInput("after_sequence", after.toString(), "must be the last sequence processed (integer >= 0)");
                    }
                    afterSequence = after.asLong();
                }
                send(Json.object().put("type", "subscribed").put("stream", "orders"));
                orders(side, afterSequence);
            }
            case "positions" -> {
                send(Json.object().put("type", "subscribed").put("stream", "positions"));
                positions(side);
            }
            case "risk" -> {
                send(Json.object().put("type", "subscribed").put("stream", "risk"));
                risk(side);
            }
            default -> throw new InvalidInput("stream", stream, "must be orders, positions or risk");
        }
    }

    // ---------------------------------------------------------------- orders: never coalesced, resumed by sequence

    private void orders(OrderSide side, long afterSequence) {
        if (closed) return;
        long[] last = {afterSequence};
        StreamOrderEventsRequest.Builder request = StreamOrderEventsRequest.newBuilder().setAfterSequence(afterSequence);
        side.accounts().ofDesk(side.desk()).forEach(a -> request.addAccounts(a.account()));
        open(() -> as(OrderManagementGrpc.newStub(side.oms())).streamOrderEvents(request.build(), new StreamObserver<>() {
            @Override
            public void onNext(OrderEventMessage msg) {
                if (msg.hasCaughtUp()) {
                    send(Json.object().put("type", "caught_up").put("stream", "orders").put("last_sequence", msg.getCaughtUp().getLastSequence()));
                    return;
                }
                OrderEvent e = msg.getEvent();
                if (e.getSequence() <= last[0]) return; // already sent before a reconnect
                last[0] = e.getSequence();
                ObjectNode n = OrderJson.event(e);
                n.put("type", "order_event");
                n.put("event", e.getType().name().substring("ORDER_EVENT_TYPE_".length()));
                n.put("cl_ord_id", e.getClOrdId());
                n.put("order_id", e.getOrderId());
                n.put("account", e.getAccount());
                n.put("block_id", e.getBlockId());
                n.put("symbol", Symbol.of(e.getInstrument()).text());
                n.put("side", OrderJson.side(blackbox.oms.v1.Side.forNumber(e.getSideValue())));
                n.put("price", e.getPrice());
                send(n);
            }

            @Override
            public void onError(Throwable t) {
                reconnecting("orders", t, () -> orders(side, last[0]));
            }

            @Override
            public void onCompleted() {
                reconnecting("orders", new IllegalStateException("oms-svc ended the stream"), () -> orders(side, last[0]));
            }
        }));
    }

    // ---------------------------------------------------------------- positions and risk

    private void positions(OrderSide side) {
        if (closed) return;
        open(() -> PositionsGrpc.newStub(side.positions()).streamPositions(StreamPositionsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(PositionUpdate u) {
                ObjectNode n;
                switch (u.getPayloadCase()) {
                    case POSITION -> {
                        if (!inDesk(side, u.getPosition().getAccount())) return;
                        n = Json.object().put("type", "position");
                        n.set("position", blackbox.web.orders.PositionJson.position(u.getPosition()));
                    }
                    case BALANCES -> {
                        if (!inDesk(side, u.getBalances().getAccount())) return;
                        n = Json.object().put("type", "balances");
                        var b = u.getBalances();
                        n.putObject("balances").put("account", b.getAccount()).put("as_of", b.getAsOf()).put("d0", b.getD0())
                                .put("d1", b.getD1()).put("d2", b.getD2());
                    }
                    case SNAPSHOT_DONE -> n = Json.object().put("type", "snapshot_done").put("stream", "positions");
                    default -> {
                        return; // the all-accounts consolidation is not the desk's: the browser sums its positions
                    }
                }
                n.put("sequence", u.getSequence());
                n.put("snapshot", u.getSnapshot());
                send(n);
            }

            @Override
            public void onError(Throwable t) {
                // positions-svc sends a new snapshot on every call: reopening loses nothing
                reconnecting("positions", t, () -> positions(side));
            }

            @Override
            public void onCompleted() {
                reconnecting("positions", new IllegalStateException("positions-svc ended the stream"), () -> positions(side));
            }
        }));
    }

    private void risk(OrderSide side) {
        if (closed) return;
        open(() -> as(RiskGrpc.newStub(side.risk())).streamRiskEvents(StreamRiskEventsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(RiskEvent e) {
                ObjectNode n = Json.object().put("type", "risk_event").put("event", e.getEventCase().name().toLowerCase(java.util.Locale.ROOT));
                try {
                    n.set("detail", Json.MAPPER.readTree(JsonFormat.printer().preservingProtoFieldNames().print(e)));
                } catch (Exception ex) {
                    n.put("detail", e.toString());
                }
                send(n);
            }

            @Override
            public void onError(Throwable t) {
                reconnecting("risk", t, () -> risk(side));
            }

            @Override
            public void onCompleted() {
                reconnecting("risk", new IllegalStateException("risk-svc ended the stream"), () -> risk(side));
            }
        }));
    }

    // ---------------------------------------------------------------- plumbing

    private void open(Runnable call) {
        Context.CancellableContext context = Context.current().withCancellation();
        streams.add(context);
        context.run(call);
    }

    private void reconnecting(String stream, Throwable t, Runnable reopen) {
        if (closed) return;
        send(Json.object().put("type", "stream").put("stream", stream).put("state", "reconnecting")
                .put("detail", io.grpc.Status.fromThrowable(t).toString()).put("retry_in_ms", RETRY_MILLIS));
        shared.scheduler().schedule(reopen, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S as(S stub) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-blackbox-user", Metadata.ASCII_STRING_MARSHALLER), user.username());
        headers.put(Metadata.Key.of("x-blackbox-roles", Metadata.ASCII_STRING_MARSHALLER), String.join(",", user.roleIds()));
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static boolean inDesk(OrderSide side, String account) {
        return side.accounts().find(account).map(a -> a.desk().equals(side.desk())).orElse(false);
    }

    private void error(String code, String field, String value, String detail) {
        ObjectNode n = Json.object().put("type", "error").put("code", code).put("detail", detail);
        if (field != null) n.put("field", field).put("value", value);
        send(n);
    }

    private void send(ObjectNode n) {
        out.send(Json.write(n));
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        cleanup();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        cleanup();
    }

    private void cleanup() {
        closed = true;
        if (authTimer != null) authTimer.cancel(false);
        streams.forEach(c -> c.cancel(null));
        streams.clear();
        if (out != null) out.stop();
    }
}
