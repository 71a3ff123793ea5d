package blackbox.web.http;

import blackbox.risk.v1.GetLimitsRequest;
import blackbox.risk.v1.GetSwitchesRequest;
import blackbox.risk.v1.GetSwitchesResponse;
import blackbox.risk.v1.HaltMode;
import blackbox.risk.v1.HaltReport;
import blackbox.risk.v1.HaltRequest;
import blackbox.risk.v1.KillSwitch;
import blackbox.risk.v1.Limit;
import blackbox.risk.v1.LimitChange;
import blackbox.risk.v1.PanicRequest;
import blackbox.risk.v1.ReduceRequest;
import blackbox.risk.v1.ResumeRequest;
import blackbox.risk.v1.RiskGrpc;
import blackbox.risk.v1.Scope;
import blackbox.risk.v1.ScopeType;
import blackbox.risk.v1.SetLimitsRequest;
import blackbox.risk.v1.SwitchChangeResponse;
import blackbox.risk.v1.WorkingOrder;
import blackbox.web.auth.AuthUser;
import blackbox.web.auth.Role;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.orders.OrderSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/v1/risk/*} over risk-svc: limits (read by every user, set by {@code risk}/{@code admin}), kill switches,
 * halt / reduce / resume of a scope and the panic button ({@code risk}/{@code admin}). web-bff checks the role first;
 * risk-svc checks it again from the {@code x-blackbox-roles} header. A logged-in risk session needs nothing but its
 * access token here: the login throttle never stands between it and a halt or the panic button.
 *
 * <p>Scopes are {@code {type: desk|strategy|account|instrument|account_instrument, key}} (risk.proto's keys: desk "",
 * instrument {@code TICKER:EXCHANGE}, account×instrument {@code ACCOUNT/TICKER:EXCHANGE}); an account outside the desk
 * is refused.
 */
public final class RiskRoutes {
    private static final long DEADLINE_SECONDS = 30;
    /** A halt that waits for its report waits for every cancel's confirmation or risk-svc's timeout. */
    private static final long HALT_DEADLINE_SECONDS = 90;
    static final String RISK = "risk-svc";
    private final Optional<OrderSide> side;

    public RiskRoutes(Optional<OrderSide> side) {
        this.side = side;
    }

    void routes(Routes rules) {
        rules.get("/risk/limits", this::limits)
                .put("/risk/limits", this::setLimits)
                .get("/risk/switches", this::switches)
                .post("/risk/halt", this::halt)
                .post("/risk/reduce", this::reduce)
                .post("/risk/resume", this::resume)
                .post("/risk/panic", this::panic);
    }

    private void limits(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        OrderSide s = side();
        GetLimitsRequest.Builder b = GetLimitsRequest.newBuilder();
        String type = Query.first(req, "scope_type");
        if (type != null) b.setScope(scope(s, type, Query.first(req, "scope_key"), "scope_type"));
        var r = Upstream.call(RISK, () -> risk(s, user, DEADLINE_SECONDS).getLimits(b.build()));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("limits");
        for (Limit l : r.getLimitsList()) list.add(limit(l));
        Responses.ok(res, out);
    }

    /** {@code PUT /risk/limits {changes:[{scope:{type,key}, kind, value}], reason}}: value empty or null clears. */
    private void setLimits(ServerRequest req, ServerResponse res) {
        AuthUser user = DeskRoutes.require(SecurityFilter.user(req), Role.RISK, Role.ADMIN);
        OrderSide s = side();
        JsonNode body = Bodies.json(req);
        SetLimitsRequest.Builder b = SetLimitsRequest.newBuilder().setReason(reason(body));
        JsonNode changes = body.get("changes");
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            throw new InvalidInput("changes", changes == null ? null : changes.toString(), "must be a non-empty array of {scope, kind, value}");
        }
        int i = 0;
        for (JsonNode c : changes) {
            String at = "changes[" + i++ + "]";
            JsonNode kind = c.get("kind");
            if (kind == null || !kind.isTextual() || kind.asText().isBlank()) throw new InvalidInput(at + ".kind", kind == null ? null : kind.toString(), "is required");
            JsonNode value = c.get("value");
            b.addChanges(LimitChange.newBuilder().setScope(scopeOf(s, c.get("scope"), at + ".scope"))
                    .setKind(kind.asText().trim().toUpperCase(Locale.ROOT))
                    .setValue(value == null || value.isNull() ? "" : value.isNumber() ? value.decimalValue().toPlainString() : value.asText().trim()));
        }
        var r = Upstream.call(RISK, () -> risk(s, user, DEADLINE_SECONDS).setLimits(b.build()));
        ObjectNode out = Json.object();
        out.put("version", r.getVersion());
        Responses.ok(res, out);
    }

    private void switches(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        OrderSide s = side();
        GetSwitchesResponse r = Upstream.call(RISK, () -> risk(s, user, DEADLINE_SECONDS).getSwitches(GetSwitchesRequest.getDefaultInstance()));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("switches");
        for (KillSwitch k : r.getSwitchesList()) list.add(killSwitch(k));
        out.put("state_known", r.getStateKnown());
        out.put("unknown_reason", r.getUnknownReason());
        Responses.ok(res, out);
    }

    /** {@code {scope, mode: keep|flatten|correct, reason, wait_for_report?}}. */
    private void halt(ServerRequest req, ServerResponse res) {
        AuthUser user = DeskRoutes.require(SecurityFilter.user(req), Role.RISK, Role.ADMIN);
        OrderSide s = side();
        JsonNode body = Bodies.json(req);
        HaltRequest request = HaltRequest.newBuilder().setScope(scopeOf(s, body.get("scope"), "scope")).setMode(mode(body))
                .setReason(reason(body)).setWaitForReport(body.path("wait_for_report").asBoolean(false)).build();
        Responses.ok(res, change(Upstream.call(RISK, () -> risk(s, user, HALT_DEADLINE_SECONDS).halt(request))));
    }

    private void reduce(ServerRequest req, ServerResponse res) {
        AuthUser user = DeskRoutes.require(SecurityFilter.user(req), Role.RISK, Role.ADMIN);
        OrderSide s = side();
        JsonNode body = Bodies.json(req);
        ReduceRequest request = ReduceRequest.newBuilder().setScope(scopeOf(s, body.get("scope"), "scope")).setReason(reason(body)).build();
        Responses.ok(res, change(Upstream.call(RISK, () -> risk(s, user, DEADLINE_SECONDS).reduce(request))));
    }

    private void resume(ServerRequest req, ServerResponse res) {
        AuthUser user = DeskRoutes.require(SecurityFilter.user(req), Role.RISK, Role.ADMIN);
        OrderSide s = side();
        JsonNode body = Bodies.json(req);
        ResumeRequest request = ResumeRequest.newBuilder().setScope(scopeOf(s, body.get("scope"), "scope")).setReason(reason(body)).build();
        Responses.ok(res, change(Upstream.call(RISK, () -> risk(s, user, DEADLINE_SECONDS).resume(request))));
    }

    /** {@code {flatten?, reason, wait_for_report?}}: the desk HALTED, every working order cancelled. */
    private void panic(ServerRequest req, ServerResponse res) {
        AuthUser user = DeskRoutes.require(SecurityFilter.user(req), Role.RISK, Role.ADMIN);
        OrderSide s = side();
        JsonNode body = Bodies.json(req);
        PanicRequest request = PanicRequest.newBuilder().setFlatten(body.path("flatten").asBoolean(false)).setReason(reason(body))
                .setWaitForReport(body.path("wait_for_report").asBoolean(false)).build();
        Responses.ok(res, change(Upstream.call(RISK, () -> risk(s, user, HALT_DEADLINE_SECONDS).panic(request))));
    }

    // ---------------------------------------------------------------- shapes

    private static Scope scopeOf(OrderSide s, JsonNode scope, String field) {
        if (scope == null || !scope.isObject()) {
            throw new InvalidInput(field, scope == null ? null : scope.toString(), "must be {type: desk|strategy|account|instrument|account_instrument, key}");
        }
        JsonNode type = scope.get("type");
        JsonNode key = scope.get("key");
        return scope(s, type == null || type.isNull() ? null : type.asText(), key == null || key.isNull() ? null : key.asText(), field + ".type");
    }

    /** A scope from its type and key, the key normalised (an instrument {@code PETR4} is {@code PETR4:B}). */
    static Scope scope(OrderSide s, String type, String key, String field) {
        if (type == null || type.isBlank()) throw new InvalidInput(field, type, "is required: desk, strategy, account, instrument or account_instrument");
        String k = key == null ? "" : key.strip();
        String keyField = field.endsWith(".type") ? field.substring(0, field.length() - 5) + ".key" : "scope_key";
        return switch (type.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "desk" -> Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_DESK).setKey("").build();
            case "strategy" -> {
                if (k.isEmpty()) throw new InvalidInput(keyField, k, "is required for a strategy scope");
                yield Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_STRATEGY).setKey(k).build();
            }
            case "account" -> Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_ACCOUNT)
                    .setKey(DeskRoutes.deskAccount(s, keyField, k).account()).build();
            case "instrument" -> Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_INSTRUMENT)
                    .setKey(Symbol.parse(keyField, k).ticker() + ":" + Symbol.parse(keyField, k).exchange()).build();
            case "account_instrument" -> {
                int slash = k.indexOf('/');
                if (slash < 0) throw new InvalidInput(keyField, k, "must be ACCOUNT/SYMBOL, e.g. 4512031/PETR4");
                String account = DeskRoutes.deskAccount(s, keyField, k.substring(0, slash)).account();
                Symbol sym = Symbol.parse(keyField, k.substring(slash + 1));
                yield Scope.newBuilder().setType(ScopeType.SCOPE_TYPE_ACCOUNT_INSTRUMENT).setKey(account + "/" + sym.ticker() + ":" + sym.exchange()).build();
            }
            default -> throw new InvalidInput(field, type, "must be desk, strategy, account, instrument or account_instrument");
        };
    }

    private static HaltMode mode(JsonNode body) {
        JsonNode m = body.get("mode");
        String text = m == null || m.isNull() ? "keep" : m.asText();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "keep" -> HaltMode.HALT_MODE_KEEP;
            case "flatten" -> HaltMode.HALT_MODE_FLATTEN;
            case "correct" -> HaltMode.HALT_MODE_CORRECT;
            default -> throw new InvalidInput("mode", text, "must be keep, flatten or correct");
        };
    }

    private static String reason(JsonNode body) {
        JsonNode r = body.get("reason");
        if (r == null || !r.isTextual() || r.asText().isBlank()) throw new InvalidInput("reason", r == null ? null : r.toString(), "is required (it is audited)");
        return r.asText().strip();
    }

    static ObjectNode scopeJson(Scope s) {
        ObjectNode n = Json.object();
        n.put("type", s.getType().name().substring("SCOPE_TYPE_".length()).toLowerCase(Locale.ROOT));
        n.put("key", s.getKey());
        return n;
    }

    static ObjectNode limit(Limit l) {
        ObjectNode n = Json.object();
        n.set("scope", scopeJson(l.getScope()));
        n.put("kind", l.getKind());
        n.put("value", l.getValue());
        n.put("changed_by", l.getChangedBy());
        n.put("reason", l.getReason());
        n.put("changed_at", Json.iso(l.getChangedNanos()));
        n.put("version", l.getVersion());
        return n;
    }

    static ObjectNode killSwitch(KillSwitch k) {
        ObjectNode n = Json.object();
        n.set("scope", scopeJson(k.getScope()));
        n.put("state", k.getState().name().substring("SWITCH_STATE_".length()));
        n.put("mode", k.getMode() == HaltMode.HALT_MODE_UNSPECIFIED ? "" : k.getMode().name().substring("HALT_MODE_".length()).toLowerCase(Locale.ROOT));
        n.put("changed_by", k.getChangedBy());
        n.put("reason", k.getReason());
        n.put("changed_at", Json.iso(k.getChangedNanos()));
        n.put("version", k.getVersion());
        return n;
    }

    static ObjectNode change(SwitchChangeResponse r) {
        ObjectNode n = Json.object();
        n.put("changed", r.getChanged());
        n.put("unchanged_reason", r.getUnchangedReason());
        n.set("switch", killSwitch(r.getSwitch()));
        if (r.hasReport()) {
            HaltReport h = r.getReport();
            ObjectNode rep = n.putObject("report");
            rep.put("cancels_sent", h.getCancelsSent());
            rep.set("confirmed", orders(h.getConfirmedList()));
            rep.set("rejected", orders(h.getRejectedList()));
            rep.set("unconfirmed", orders(h.getUnconfirmedList()));
            rep.set("failed", orders(h.getFailedList()));
            ArrayNode flatten = rep.putArray("flatten_orders");
            h.getFlattenOrdersList().forEach(flatten::add);
            rep.put("closed_elsewhere_recorded", h.getClosedElsewhereRecorded());
        }
        return n;
    }

    private static ArrayNode orders(List<WorkingOrder> orders) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (WorkingOrder w : orders) {
            ObjectNode n = a.addObject();
            n.put("cl_ord_id", w.getClOrdId());
            n.put("account", w.getAccount());
            n.put("symbol", w.getInstrument().getTicker() + (w.getInstrument().getExchange().equals("B") ? "" : ":" + w.getInstrument().getExchange()));
            n.put("leaves_qty", w.getLeavesQty());
        }
        return a;
    }

    private OrderSide side() {
        return side.orElseThrow(() -> new ApiError(503, "Service Unavailable",
                "this web-bff has no order side configured (oms-svc, risk-svc, positions-svc)"));
    }

    private static RiskGrpc.RiskBlockingStub risk(OrderSide s, AuthUser user, long deadlineSeconds) {
        return Callers.as(RiskGrpc.newBlockingStub(s.risk()), user).withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS);
    }
}
