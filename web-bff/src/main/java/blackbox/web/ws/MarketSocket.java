package blackbox.web.ws;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.web.auth.AuthUser;
import blackbox.web.auth.TokenService;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.core.Timeframes;
import blackbox.web.upstream.SessionWatch;
import blackbox.web.upstream.TradeHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code /ws/market}, one instance per connection. The first message must be {@code {"type":"auth","token":...}}
 * within 5 s (else close 4401); then {@code subscribe}/{@code unsubscribe} messages (protocol in web-bff/README.md).
 * Called by Helidon on the connection's thread; upstream data arrives on gRPC threads and leaves through the
 * {@link Outbox}.
 */
public final class MarketSocket implements WsListener {
    public static final int UNAUTHORIZED = 4401;
    static final int MAX_SUBSCRIPTIONS = 64;
    static final int MAX_SPECS = 16;

    /** What every connection shares. */
    public record Shared(TokenService tokens, CandlesGrpc.CandlesStub candles, IndicatorsGrpc.IndicatorsStub indicators,
                         TradeHub<TradeBatch> trades, SessionWatch session, ScheduledExecutorService scheduler, LongSupplier nanoClock,
                         int maxUpdatesPerSecond, int queueCapacity, OriginPolicy origins) {
    }

    private final Shared shared;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private Outbox out;
    private volatile AuthUser user;
    private ScheduledFuture<?> authTimer;
    private AutoCloseable sessionListener;

    public MarketSocket(Shared shared) {
        this.shared = shared;
    }

    @Override
    public java.util.Optional<io.helidon.http.Headers> onHttpUpgrade(HttpPrologue prologue, io.helidon.http.Headers headers)
            throws io.helidon.websocket.WsUpgradeException {
        String origin = headers.first(io.helidon.http.HeaderNames.ORIGIN).orElse(null);
        String host = headers.first(io.helidon.http.HeaderNames.HOST).orElse("");
        if (!shared.origins().allows(origin, host)) {
            throw new io.helidon.websocket.WsUpgradeException("origin not allowed: " + origin);
        }
        return java.util.Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        out = new Outbox(session, shared.queueCapacity());
        out.start();
        authTimer = shared.scheduler().schedule(() -> {
            if (user == null) out.closeAfterPending(UNAUTHORIZED, "no auth message within 5 s");
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
            error(null, "invalid_argument", e);
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
                case "unsubscribe" -> unsubscribe(m);
                case "ping" -> send(Json.object().put("type", "pong"));
                default -> throw new InvalidInput("type", type, "must be subscribe, unsubscribe or ping");
            }
        } catch (InvalidInput e) {
            error(m.path("id").isTextual() ? m.path("id").asText() : null, "invalid_argument", e);
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
                ArrayNode roles = ok.putArray("roles");
                user.roleIds().forEach(roles::add);
                send(ok);
                synchronized (this) {
                    sessionListener = shared.session().listen(this::sessionState);
                }
                sessionState(shared.session().current());
            }
            case TokenService.Verdict.Refused r -> unauthorized("access token refused: " + r.reason());
        }
    }

    private void unauthorized(String detail) {
        send(Json.object().put("type", "error").put("code", "unauthorized").put("detail", detail));
        out.closeAfterPending(UNAUTHORIZED, "unauthorized");
    }

    private void sessionState(SessionWatch.View v) {
        send(Json.object().put("type", "session").put("state", v.state()).put("detail", v.detail())
                .put("since", v.since().toString()));
    }

    private void subscribe(JsonNode m) {
        String id = id(m);
        if (subscriptions.containsKey(id)) throw new InvalidInput("id", id, "is already subscribed on this connection");
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            throw new InvalidInput("id", id, "too many subscriptions on one connection (max " + MAX_SUBSCRIPTIONS + ")");
        }
        Symbol symbol = Symbol.parse("symbol", m.path("symbol").isTextual() ? m.path("symbol").asText() : null);
        String timeframe = Timeframes.parse("timeframe", m.path("timeframe").isTextual() ? m.path("timeframe").asText() : null);
        JsonNode streams = m.path("streams");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new InvalidInput("streams", streams.toString(), "must be a non-empty list of candles, trades, indicators:<spec>");
        }
        boolean candles = false;
        boolean trades = false;
        List<String> specs = new ArrayList<>();
        for (JsonNode s : streams) {
            String name = s.asText("");
            if (name.equals("candles")) candles = true;
            else if (name.equals("trades")) trades = true;
            else if (name.startsWith("indicators:") && name.length() > "indicators:".length() && name.length() < 80) {
                specs.add(name.substring("indicators:".length()).trim());
            } else {
                throw new InvalidInput("streams", name, "each stream must be candles, trades or indicators:<spec> e.g. indicators:ema(9)");
            }
        }
        if (specs.size() > MAX_SPECS) throw new InvalidInput("streams", String.valueOf(specs.size()), "at most " + MAX_SPECS + " indicators");
        JsonNode resume = m.path("resume_after");
        long resumeAfter = 0;
        if (!resume.isMissingNode() && !resume.isNull()) {
            if (!resume.canConvertToLong() || !resume.isIntegralNumber() || resume.asLong() < 0) {
                throw new InvalidInput("resume_after", resume.toString(), "must be the time_nanos (integer >= 0) of the last closed candle");
            }
            resumeAfter = resume.asLong();
        }
        Subscription sub = new Subscription(id, symbol, timeframe, out, shared.scheduler(), shared.nanoClock(),
                shared.maxUpdatesPerSecond());
        subscriptions.put(id, sub);
        // the acknowledgement is queued before anything the upstreams send
        send(Json.object().put("type", "subscribed").put("id", id));
        if (candles) sub.startCandles(shared.candles(), resumeAfter);
        if (trades) sub.startTrades(shared.trades());
        if (!specs.isEmpty()) sub.startIndicators(shared.indicators(), specs, resumeAfter);
    }

    private void unsubscribe(JsonNode m) {
        String id = id(m);
        Subscription sub = subscriptions.remove(id);
        if (sub == null) {
            send(Json.object().put("type", "error").put("id", id).put("code", "not_found").put("field", "id")
                    .put("value", id).put("detail", "no subscription with id \"" + id + "\" on this connection"));
            return;
        }
        sub.close();
        send(Json.object().put("type", "unsubscribed").put("id", id));
    }

    private static String id(JsonNode m) {
        JsonNode id = m.path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
            throw new InvalidInput("id", id.isMissingNode() ? null : id.toString(), "must be a string of 1-64 characters");
        }
        return id.asText();
    }

    private void error(String id, String code, InvalidInput e) {
        ObjectNode n = Json.object().put("type", "error");
        if (id != null) n.put("id", id);
        n.put("code", code).put("field", e.field()).put("value", e.value()).put("detail", e.getMessage());
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
        if (authTimer != null) authTimer.cancel(false);
        synchronized (this) {
            if (sessionListener != null) {
                try {
                    sessionListener.close();
                } catch (Exception ignored) {
                    // removing a listener from a list
                }
            }
        }
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
        if (out != null) out.stop();
    }
}
