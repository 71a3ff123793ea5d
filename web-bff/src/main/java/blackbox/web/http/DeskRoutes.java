package blackbox.web.http;

import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelOrderRequest;
import blackbox.oms.v1.GetAuditTrailRequest;
import blackbox.oms.v1.GetAuditTrailResponse;
import blackbox.oms.v1.GetOrderRequest;
import blackbox.oms.v1.ListOrdersRequest;
import blackbox.oms.v1.ListOrdersResponse;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.Order;
import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.oms.v1.AlgorithmKind;
import blackbox.positions.v1.Balances;
import blackbox.positions.v1.GetBalancesRequest;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.web.auth.AuthUser;
import blackbox.web.auth.Role;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.orders.DeskAccounts;
import blackbox.web.orders.OrderJson;
import blackbox.web.orders.OrderRequests;
import blackbox.web.orders.OrderSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The desk's routes below {@code /api/v1}: accounts, orders (single, cancel, replace, list, one with its audit trail),
 * blocks (preview, submit), positions and balances — thin adapters over oms-svc and positions-svc. Every user reads;
 * only {@code trader} sends, replaces and cancels; everything is limited to the accounts of this web-bff's desk (an
 * account outside it is refused 403 naming it, an order outside it is not found). The acting user travels to oms-svc
 * in the {@code x-blackbox-user} header ({@link Callers}): oms-svc records it with the order and in the audit trail.
 */
public final class DeskRoutes {
    private static final long DEADLINE_SECONDS = 30;
    private static final ZoneId B3 = ZoneId.of("America/Sao_Paulo");
    private static final long DAY_NANOS = 86_400_000_000_000L;
    static final String OMS = "oms-svc";
    static final String POSITIONS = "positions-svc";

    private final Optional<OrderSide> side;
    private final Clock clock;

    public DeskRoutes(Optional<OrderSide> side, Clock clock) {
        this.side = side;
        this.clock = clock;
    }

    void routes(Routes rules) {
        rules.get("/accounts", this::accounts)
                .post("/orders", this::submit)
                .get("/orders", this::list)
                // a block child's ClOrdID is "<block_id>/<n>": the id may span segments (the path is matched decoded)
                .get("/orders/{clOrdId:.+}", this::show)
                .post("/orders/{clOrdId:.+}/cancel", this::cancel)
                .post("/orders/{clOrdId:.+}/replace", this::replace)
                .post("/blocks/preview", this::preview)
                .post("/blocks", this::submitBlock)
                .get("/positions", this::positions)
                .get("/balances", this::balances);
    }

    // ---------------------------------------------------------------- accounts

    private void accounts(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        OrderSide s = side();
        ObjectNode out = Json.object();
        out.put("desk", s.desk());
        ArrayNode list = out.putArray("accounts");
        for (DeskAccounts.Account a : s.accounts().ofDesk(s.desk())) {
            ObjectNode n = list.addObject();
            n.put("account", a.account());
            n.put("name", a.name());
            n.put("group", a.group());
            n.put("group_name", a.groupName());
            n.put("enabled", a.enabled());
        }
        Responses.ok(res, out);
    }

    // ---------------------------------------------------------------- orders

    private void submit(ServerRequest req, ServerResponse res) {
        AuthUser user = require(SecurityFilter.user(req), Role.TRADER);
        OrderSide s = side();
        SubmitOrderRequest request = OrderRequests.submit(Bodies.json(req));
        deskAccount(s, "account", request.getAccount());
        SubmitOrderResponse r = Upstream.call(OMS, () -> oms(s, user).submitOrder(request));
        ObjectNode out = Json.object();
        out.set("order", OrderJson.order(r.getOrder(), List.of()));
        out.put("duplicate", r.getDuplicate());
        // a retried submit (the same ClOrdID and terms) answers the order as it is now, fills included
        if (r.getDuplicate()) out.set("order", OrderJson.order(r.getOrder(), trail(s, user, r.getOrder().getClOrdId()).getEventsList()));
        Responses.json(res, r.getDuplicate() ? 200 : 201, out);
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        AuthUser user = require(SecurityFilter.user(req), Role.TRADER);
        OrderSide s = side();
        String id = deskOrder(s, user, req.path().pathParameters().get("clOrdId")).getClOrdId();
        Order o = Upstream.call(OMS, () -> oms(s, user).cancelOrder(CancelOrderRequest.newBuilder().setClOrdId(id).build())).getOrder();
        ObjectNode out = Json.object();
        out.set("order", OrderJson.order(o, trail(s, user, id).getEventsList()));
        Responses.ok(res, out);
    }

    private void replace(ServerRequest req, ServerResponse res) {
        AuthUser user = require(SecurityFilter.user(req), Role.TRADER);
        OrderSide s = side();
        String id = deskOrder(s, user, req.path().pathParameters().get("clOrdId")).getClOrdId();
        var request = OrderRequests.replace(id, Bodies.json(req));
        Order o = Upstream.call(OMS, () -> oms(s, user).replaceOrder(request)).getOrder();
        ObjectNode out = Json.object();
        out.set("order", OrderJson.order(o, trail(s, user, id).getEventsList()));
        Responses.ok(res, out);
    }

    private void show(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        OrderSide s = side();
        Order o = deskOrder(s, user, req.path().pathParameters().get("clOrdId"));
        GetAuditTrailResponse trail = trail(s, user, o.getClOrdId());
        ObjectNode out = OrderJson.order(o, trail.getEventsList());
        ObjectNode audit = out.putObject("audit");
        ArrayNode commands = audit.putArray("commands");
        trail.getCommandsList().forEach(c -> commands.add(OrderJson.command(c)));
        ArrayNode events = audit.putArray("events");
        trail.getEventsList().forEach(e -> events.add(OrderJson.event(e)));
        Responses.ok(res, out);
    }

    /**
     * {@code GET /orders?account=&symbol=&status=&algorithm=&block=&strategy=&day=&limit=&page_token=}: the desk's
     * orders, newest first, each with its fills and acceptance time. {@code account} and {@code status} may repeat or
     * be comma-separated; {@code day} is a B3 date (America/Sao_Paulo) on the creation time.
     */
    private void list(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        OrderSide s = side();
        ListOrdersRequest.Builder b = ListOrdersRequest.newBuilder().setDesk(s.desk());
        for (String a : multi(req, "account")) b.addAccounts(deskAccount(s, "account", a).account());
        for (String st : multi(req, "status")) b.addStatuses(status(st));
        String symbol = Query.first(req, "symbol");
        if (symbol != null) b.setInstrument(Symbol.parse("symbol", symbol).toProto());
        String algorithm = Query.first(req, "algorithm");
        if (algorithm != null) b.setAlgorithm(algorithm(algorithm));
        String block = Query.first(req, "block");
        if (block != null) b.setBlockId(block);
        String strategy = Query.first(req, "strategy");
        if (strategy != null) b.setStrategyId(strategy);
        String day = Query.first(req, "day");
        if (day != null) {
            LocalDate d;
            try {
                d = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new InvalidInput("day", day, "must be a date YYYY-MM-DD");
            }
            long from = d.atStartOfDay(B3).toEpochSecond() * 1_000_000_000L;
            b.setFromNanos(from).setToNanos(d.plusDays(1).atStartOfDay(B3).toEpochSecond() * 1_000_000_000L);
        }
        String limit = Query.first(req, "limit");
        if (limit != null) b.setLimit(blackbox.web.core.TimeRange.parseInt("limit", limit, 1, 10_000));
        String page = Query.first(req, "page_token");
        if (page != null) b.setPageToken(page);
        ListOrdersResponse r = Upstream.call(OMS, () -> oms(s, user).listOrders(b.build()));
        List<OrderEvent> events = events(s, user, r.getOrdersList());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("orders");
        for (Order o : r.getOrdersList()) list.add(OrderJson.order(o, events));
        out.put("next_page_token", r.getNextPageToken());
        Responses.ok(res, out);
    }

    /** The NEW and TRADE events of {@code orders}: one audit read over their time window, paged. */
    private List<OrderEvent> events(OrderSide s, AuthUser user, List<Order> orders) {
        if (orders.isEmpty()) return List.of();
        Set<String> ids = new HashSet<>();
        long from = Long.MAX_VALUE;
        for (Order o : orders) {
            ids.add(o.getClOrdId());
            from = Math.min(from, o.getCreatedNanos());
        }
        long to = clock.millis() * 1_000_000L + DAY_NANOS; // a venue's ts_init never runs a day ahead of ours
        List<OrderEvent> out = new ArrayList<>();
        String page = "";
        long windowFrom = Math.max(1, from - 1_000_000_000L);
        do {
            GetAuditTrailRequest request = GetAuditTrailRequest.newBuilder().setFromNanos(windowFrom).setToNanos(to)
                    .setLimit(10_000).setPageToken(page).build();
            GetAuditTrailResponse r = Upstream.call(OMS, () -> oms(s, user).getAuditTrail(request));
            for (OrderEvent e : r.getEventsList()) {
                if (!ids.contains(e.getClOrdId())) continue;
                if (e.getType() == OrderEventType.ORDER_EVENT_TYPE_TRADE || e.getType() == OrderEventType.ORDER_EVENT_TYPE_NEW) out.add(e);
            }
            page = r.getNextPageToken();
        } while (!page.isEmpty());
        return out;
    }

    private GetAuditTrailResponse trail(OrderSide s, AuthUser user, String clOrdId) {
        GetAuditTrailResponse.Builder all = GetAuditTrailResponse.newBuilder();
        String page = "";
        do {
            GetAuditTrailRequest request = GetAuditTrailRequest.newBuilder().setClOrdId(clOrdId).setLimit(10_000).setPageToken(page).build();
            GetAuditTrailResponse r = Upstream.call(OMS, () -> oms(s, user).getAuditTrail(request));
            all.addAllCommands(r.getCommandsList()).addAllEvents(r.getEventsList());
            page = r.getNextPageToken();
        } while (!page.isEmpty());
        return all.build();
    }

    // ---------------------------------------------------------------- blocks

    private void preview(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        OrderSide s = side();
        BlockRequest request = deskBlock(s, OrderRequests.block(Bodies.json(req)));
        BlockPreview p = Upstream.call(OMS, () -> oms(s, user).previewBlock(request));
        Responses.ok(res, OrderJson.preview(p, request.getPrice()));
    }

    private void submitBlock(ServerRequest req, ServerResponse res) {
        AuthUser user = require(SecurityFilter.user(req), Role.TRADER);
        OrderSide s = side();
        BlockRequest request = deskBlock(s, OrderRequests.block(Bodies.json(req)));
        SubmitBlockResponse r = Upstream.call(OMS, () -> oms(s, user).submitBlock(request));
        ObjectNode out = Json.object();
        out.set("block", OrderJson.block(r.getBlock()));
        ArrayNode children = out.putArray("children");
        r.getChildrenList().forEach(c -> children.add(OrderJson.order(c, List.of())));
        out.put("duplicate", r.getDuplicate());
        Responses.json(res, r.getDuplicate() ? 200 : 201, out);
    }

    /** Every account of the block, or its client group, in the desk. */
    private static BlockRequest deskBlock(OrderSide s, BlockRequest request) {
        for (int i = 0; i < request.getAccountsCount(); i++) deskAccount(s, "accounts[" + i + "].account", request.getAccounts(i).getAccount());
        if (!request.getClientGroup().isEmpty()
                && s.accounts().ofDesk(s.desk()).stream().noneMatch(a -> a.group().equals(request.getClientGroup()))) {
            throw new ApiError(403, "Forbidden", "client_group " + request.getClientGroup() + " has no account in desk " + s.desk()
                    + ": client_group=" + request.getClientGroup(), "client_group", request.getClientGroup());
        }
        return request;
    }

    // ---------------------------------------------------------------- positions and balances

    /** {@code GET /positions?account=&symbol=}: the desk's positions and their consolidation per instrument. */
    private void positions(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        OrderSide s = side();
        GetPositionsRequest.Builder b = GetPositionsRequest.newBuilder();
        String account = Query.first(req, "account");
        if (account != null) b.setAccount(deskAccount(s, "account", account).account());
        String symbol = Query.first(req, "symbol");
        if (symbol != null) b.setInstrument(Symbol.parse("symbol", symbol).toProto());
        var r = Upstream.call(POSITIONS, () -> positions(s).getPositions(b.build()));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("positions");
        Map<String, List<Position>> bySymbol = new LinkedHashMap<>();
        for (Position p : r.getPositionsList()) {
            if (!inDesk(s, p.getAccount())) continue;
            list.add(blackbox.web.orders.PositionJson.position(p));
            bySymbol.computeIfAbsent(Symbol.of(p.getInstrument()).text(), k -> new ArrayList<>()).add(p);
        }
        ArrayNode consolidated = out.putArray("consolidated");
        bySymbol.forEach((sym, ps) -> consolidated.add(consolidated(sym, ps)));
        out.put("oms_sequence", r.getOmsSequence());
        Responses.ok(res, out);
    }

    /** Σ over the desk's accounts; the average is Σ cost / (Σ quantity × multiplier), 8 decimals half-even. */
    static ObjectNode consolidated(String symbol, List<Position> ps) {
        long quantity = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        long dayBuy = 0;
        long daySell = 0;
        String mark = "";
        BigDecimal multiplier = BigDecimal.ONE;
        for (Position p : ps) {
            quantity += p.getQuantity();
            cost = cost.add(decimal(p.getCost()));
            realized = realized.add(decimal(p.getRealized()));
            unrealized = unrealized.add(decimal(p.getUnrealized()));
            costs = costs.add(decimal(p.getCosts()));
            dayBuy += p.getDayBuyQuantity();
            daySell += p.getDaySellQuantity();
            if (mark.isEmpty()) mark = p.getMarkPrice();
            if (!p.getMultiplier().isEmpty()) multiplier = new BigDecimal(p.getMultiplier());
        }
        ObjectNode n = Json.object();
        n.put("symbol", symbol);
        n.put("accounts", ps.size());
        n.put("quantity", quantity);
        n.put("avg_price", quantity == 0 ? "0"
                : cost.divide(BigDecimal.valueOf(quantity).multiply(multiplier), 8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        n.put("cost", cost.toPlainString());
        n.put("day_buy_quantity", dayBuy);
        n.put("day_sell_quantity", daySell);
        n.put("realized_pnl", realized.toPlainString());
        n.put("unrealized_pnl", unrealized.toPlainString());
        n.put("costs", costs.toPlainString());
        n.put("mark_price", mark);
        return n;
    }

    /** {@code GET /balances?account=}: D+0/D+1/D+2 per account (BRL decimal strings) and the desk's total. */
    private void balances(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        OrderSide s = side();
        GetBalancesRequest.Builder b = GetBalancesRequest.newBuilder();
        String account = Query.first(req, "account");
        if (account != null) b.setAccount(deskAccount(s, "account", account).account());
        var r = Upstream.call(POSITIONS, () -> positions(s).getBalances(b.build()));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("balances");
        BigDecimal d0 = BigDecimal.ZERO;
        BigDecimal d1 = BigDecimal.ZERO;
        BigDecimal d2 = BigDecimal.ZERO;
        for (Balances x : r.getBalancesList()) {
            if (!inDesk(s, x.getAccount())) continue;
            ObjectNode n = list.addObject();
            n.put("account", x.getAccount());
            n.put("as_of", x.getAsOf());
            n.put("d0", x.getD0());
            n.put("d1", x.getD1());
            n.put("d2", x.getD2());
            n.put("settling_d1", x.getSettlingD1());
            n.put("settling_d2", x.getSettlingD2());
            n.put("d1_date", x.getD1Date());
            n.put("d2_date", x.getD2Date());
            d0 = d0.add(decimal(x.getD0()));
            d1 = d1.add(decimal(x.getD1()));
            d2 = d2.add(decimal(x.getD2()));
        }
        ObjectNode total = out.putObject("total");
        total.put("d0", d0.toPlainString());
        total.put("d1", d1.toPlainString());
        total.put("d2", d2.toPlainString());
        Responses.ok(res, out);
    }

    // ---------------------------------------------------------------- helpers

    private OrderSide side() {
        return side.orElseThrow(() -> new ApiError(503, "Service Unavailable",
                "this web-bff has no order side configured (oms-svc, risk-svc, positions-svc)"));
    }

    static AuthUser require(AuthUser user, Role... roles) {
        for (Role r : roles) if (user.has(r)) return user;
        throw new ApiError(403, "Forbidden", "role " + java.util.Arrays.stream(roles).map(Role::id)
                .collect(java.util.stream.Collectors.joining(" or ")) + " required; " + user.username() + " has " + user.roleIds());
    }

    static DeskAccounts.Account deskAccount(OrderSide s, String field, String account) {
        return s.accounts().find(account).filter(a -> a.desk().equals(s.desk()))
                .orElseThrow(() -> new ApiError(403, "Forbidden", field + " " + account + " is not an account of desk " + s.desk()
                        + ": " + field + "=" + account, field, account));
    }

    private static boolean inDesk(OrderSide s, String account) {
        return s.accounts().find(account).map(a -> a.desk().equals(s.desk())).orElse(false);
    }

    /** The order when it is the desk's; another desk's order is not found, as an unknown one. */
    private Order deskOrder(OrderSide s, AuthUser user, String clOrdId) {
        Order o = Upstream.call(OMS, () -> oms(s, user).getOrder(GetOrderRequest.newBuilder().setClOrdId(clOrdId).build()));
        if (!inDesk(s, o.getAccount())) throw new ApiError(404, "Not Found", "no order cl_ord_id=" + clOrdId, "cl_ord_id", clOrdId);
        return o;
    }

    private static OrderManagementGrpc.OrderManagementBlockingStub oms(OrderSide s, AuthUser user) {
        return Callers.as(OrderManagementGrpc.newBlockingStub(s.oms()), user).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static PositionsGrpc.PositionsBlockingStub positions(OrderSide s) {
        return PositionsGrpc.newBlockingStub(s.positions()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static List<String> multi(ServerRequest req, String name) {
        List<String> out = new ArrayList<>();
        for (String v : req.query().all(name, List::of)) {
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    static OrdStatus status(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            OrdStatus s = OrdStatus.valueOf("ORD_STATUS_" + t);
            if (s != OrdStatus.ORD_STATUS_UNSPECIFIED) return s;
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new InvalidInput("status", text, "must be one of PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, "
                + "PENDING_REPLACE, CANCELED, EXPIRED, REJECTED, DENIED, UNKNOWN");
    }

    static AlgorithmKind algorithm(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            AlgorithmKind k = AlgorithmKind.valueOf("ALGORITHM_KIND_" + t);
            if (k != AlgorithmKind.ALGORITHM_KIND_UNSPECIFIED && k != AlgorithmKind.UNRECOGNIZED) return k;
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new InvalidInput("algorithm", text, "must be one of full, iceberg, twap, vwap, cover_up_to, oco");
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
