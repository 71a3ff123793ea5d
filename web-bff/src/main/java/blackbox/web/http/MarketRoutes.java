package blackbox.web.http;

import blackbox.candles.v1.Candle;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.candles.v1.ListInstrumentsRequest;
import blackbox.gateway.v1.InstrumentId;
import blackbox.indicators.v1.GetIndicatorRequest;
import blackbox.indicators.v1.GetIndicatorResponse;
import blackbox.indicators.v1.IndicatorDescription;
import blackbox.indicators.v1.IndicatorParameter;
import blackbox.indicators.v1.IndicatorValue;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.indicators.v1.ListIndicatorsRequest;
import blackbox.marketdata.v1.IngestedInstrument;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.ListSubscriptionsRequest;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.marketdata.v1.SubscribeResponse;
import blackbox.marketdata.v1.UnsubscribeRequest;
import blackbox.web.auth.AuthUser;
import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.core.TimeRange;
import blackbox.web.core.Timeframes;
import blackbox.web.upstream.SessionWatch;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** {@code /api/v1/market/*}, {@code /api/v1/candles}, {@code /api/v1/indicators}: thin adapters over the gRPC services. */
public final class MarketRoutes {
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long DEADLINE_SECONDS = 30;
    private final MarketDataGrpc.MarketDataBlockingStub marketData;
    private final CandlesGrpc.CandlesBlockingStub candles;
    private final IndicatorsGrpc.IndicatorsBlockingStub indicators;
    private final blackbox.gateway.v1.MarketDataGatewayGrpc.MarketDataGatewayBlockingStub gateway;
    private final SessionWatch session;
    private final Clock clock;

    public MarketRoutes(ManagedChannel marketData, ManagedChannel candles, ManagedChannel gateway, SessionWatch session,
                        Clock clock) {
        this.marketData = MarketDataGrpc.newBlockingStub(marketData);
        this.gateway = blackbox.gateway.v1.MarketDataGatewayGrpc.newBlockingStub(gateway);
        this.candles = CandlesGrpc.newBlockingStub(candles);
        this.indicators = IndicatorsGrpc.newBlockingStub(candles);
        this.session = session;
        this.clock = clock;
    }

    /** Registers the routes below {@code /api/v1}. */
    void routes(Routes rules) {
        rules.get("/market/instruments", this::instruments)
                .get("/market/subscriptions", this::subscriptions)
                .put("/market/subscriptions/{symbol}", this::subscribe)
                .delete("/market/subscriptions/{symbol}", this::unsubscribe)
                .get("/market/session", this::session)
                .get("/candles", this::candles)
                .get("/indicators/catalog", this::catalog)
                .get("/indicators", this::indicators);
    }

    /**
     * Instruments whose symbol starts with {@code q}: those candle-svc has candles of, marketdata-svc ingests, and the
     * gateway knows (the DLL's list, the simulator's files). Each source is asked on its own: a search answers from the
     * sources that answered, naming the others in {@code unavailable} (a trader searching while the gateway restarts
     * still finds what is stored); only when none answers is it an error (the last one's status).
     */
    private void instruments(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        String q = query(req, "q");
        String prefix = q == null ? "" : q.trim().toUpperCase(Locale.ROOT);
        TreeSet<Symbol> all = new TreeSet<>(Symbol.ORDER);
        List<String> unavailable = new ArrayList<>();
        ApiError last = null;
        try {
            for (InstrumentId id : call(CANDLES, () -> candles.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .listInstruments(ListInstrumentsRequest.getDefaultInstance())).getInstrumentsList()) all.add(Symbol.of(id));
        } catch (ApiError e) {
            unavailable.add(CANDLES);
            last = e;
        }
        try {
            for (IngestedInstrument i : call(MARKETDATA, () -> marketData.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .listIngestion(ListIngestionRequest.getDefaultInstance())).getInstrumentsList()) all.add(Symbol.of(i.getInstrument()));
        } catch (ApiError e) {
            unavailable.add(MARKETDATA);
            last = e;
        }
        // and those the gateway knows but nobody ingests yet (the simulator's files; a search may precede a subscription)
        try {
            for (InstrumentId id : call(GATEWAY, () -> gateway.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .listKnownInstruments(blackbox.gateway.v1.ListKnownInstrumentsRequest.newBuilder()
                            .setTickerPrefix(prefix.contains(":") ? prefix.substring(0, prefix.indexOf(':')) : prefix)
                            .setLimit(10_000).build())).getInstrumentsList()) all.add(Symbol.of(id));
        } catch (ApiError e) {
            unavailable.add(GATEWAY);
            last = e;
        }
        if (unavailable.size() == 3) throw last;
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("instruments");
        for (Symbol s : all) if (s.text().startsWith(prefix)) list.add(Json.symbol(s));
        if (!unavailable.isEmpty()) {
            ArrayNode missing = out.putArray("unavailable");
            unavailable.forEach(missing::add);
        }
        Responses.ok(res, out);
    }

    private void subscriptions(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        TreeSet<Symbol> mine = new TreeSet<>(Symbol.ORDER);
        for (InstrumentId id : call(MARKETDATA, () -> marketData.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).listSubscriptions(
                ListSubscriptionsRequest.newBuilder().setUserId(user.username()).build())).getInstrumentsList()) {
            mine.add(Symbol.of(id));
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("subscriptions");
        mine.forEach(s -> list.add(Json.symbol(s)));
        Responses.ok(res, out);
    }

    private void subscribe(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        Symbol s = Symbol.parse("symbol", req.path().pathParameters().get("symbol"));
        SubscribeResponse r = call(MARKETDATA, () -> marketData.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).subscribe(
                SubscribeRequest.newBuilder().setUserId(user.username()).setInstrument(s.toProto()).build()));
        ObjectNode out = Json.symbol(s);
        out.put("newly_subscribed", r.getNewlySubscribed());
        Responses.ok(res, out);
    }

    private void unsubscribe(ServerRequest req, ServerResponse res) {
        AuthUser user = SecurityFilter.user(req);
        Symbol s = Symbol.parse("symbol", req.path().pathParameters().get("symbol"));
        boolean had = call(MARKETDATA, () -> marketData.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).unsubscribe(
                UnsubscribeRequest.newBuilder().setUserId(user.username()).setInstrument(s.toProto()).build())).getWasSubscribed();
        if (!had) throw new ApiError(404, "Not Found", "not subscribed: symbol=" + s.text());
        Responses.noContent(res);
    }

    private void session(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        SessionWatch.View v = session.current();
        ObjectNode out = Json.object();
        out.put("state", v.state());
        out.put("detail", v.detail());
        out.put("since", v.since().toString());
        Responses.ok(res, out);
    }

    /**
     * Shared parameters of the history reads. {@code fromGiven} false: the query had no {@code from} ({@code from}
     * is then {@code to} - 24 h, which candles replace by the newest {@code limit} candles before {@code to}).
     */
    private record Window(Symbol symbol, String timeframe, long from, long to, int limit, boolean fromGiven) {
    }

    private Window window(ServerRequest req) {
        Symbol symbol = Symbol.parse("symbol", query(req, "symbol"));
        String timeframe = Timeframes.parse("timeframe", query(req, "timeframe"));
        long now = clock.millis() * 1_000_000L;
        String toText = query(req, "to");
        long to = toText == null ? now : TimeRange.parseNanos("to", toText);
        String fromText = query(req, "from");
        long from = fromText == null ? to - DAY_NANOS : TimeRange.parseNanos("from", fromText);
        if (from >= to) throw new InvalidInput("from", fromText == null ? Json.iso(from) : fromText, "must be before to (" + Json.iso(to) + ")");
        String limitText = query(req, "limit");
        int limit = limitText == null ? 5000 : TimeRange.parseInt("limit", limitText, 1, 50_000);
        return new Window(symbol, timeframe, from, to, limit, fromText != null);
    }

    /**
     * Candles ascending. With {@code from}: the first {@code limit} of [from, to), {@code truncated} when more follow.
     * Without: the newest {@code limit} before {@code to} (candle-svc's {@code latest} pages, read backwards),
     * {@code truncated} when older ones precede them. An instrument subscribed but without trades yet has none.
     */
    private void candles(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        Window w = window(req);
        boolean latest = !w.fromGiven();
        long from = latest ? 0 : w.from();
        ObjectNode out = Json.object();
        out.put("symbol", w.symbol().text());
        out.put("timeframe", w.timeframe());
        ArrayNode list = out.putArray("candles");
        // with latest each page precedes the previous one: kept newest first, written in time order
        java.util.List<java.util.List<Candle>> pages = new java.util.ArrayList<>();
        String page = "";
        int remaining = w.limit();
        boolean truncated = false;
        while (true) {
            GetCandlesRequest request = GetCandlesRequest.newBuilder().setInstrument(w.symbol().toProto())
                    .setTimeframe(w.timeframe()).setFromNanos(from).setToNanos(w.to()).setLimit(remaining)
                    .setPageToken(page).setLatest(latest).build();
            GetCandlesResponse r = call(CANDLES, () -> candles.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .getCandles(request));
            pages.add(r.getCandlesList());
            remaining -= r.getCandlesCount();
            page = r.getNextPageToken();
            if (page.isEmpty()) break;
            if (remaining <= 0) {
                truncated = true;
                break;
            }
        }
        if (latest) java.util.Collections.reverse(pages);
        for (java.util.List<Candle> p : pages) for (Candle c : p) list.add(Json.candle(c));
        out.put("truncated", truncated);
        Responses.ok(res, out);
    }

    private void indicators(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        Window w = window(req);
        String spec = query(req, "spec");
        if (spec == null || spec.isBlank()) throw new InvalidInput("spec", spec, "is required, e.g. ema(9)");
        GetIndicatorResponse r = call(CANDLES, () -> indicators.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).getIndicator(
                GetIndicatorRequest.newBuilder().setInstrument(w.symbol().toProto()).setTimeframe(w.timeframe())
                        .setSpec(spec.trim()).setFromNanos(w.from()).setToNanos(w.to()).setLimit(w.limit()).build()));
        ObjectNode out = Json.object();
        out.put("symbol", w.symbol().text());
        out.put("timeframe", w.timeframe());
        out.put("spec", r.getSpec());
        ArrayNode outputs = out.putArray("outputs");
        r.getOutputsList().forEach(outputs::add);
        ArrayNode values = out.putArray("values");
        for (IndicatorValue v : r.getValuesList()) values.add(Json.indicatorValue(v));
        out.put("truncated", r.getTruncated());
        Responses.ok(res, out);
    }

    private void catalog(ServerRequest req, ServerResponse res) {
        SecurityFilter.user(req);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("indicators");
        for (IndicatorDescription d : call(CANDLES, () -> indicators.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listIndicators(ListIndicatorsRequest.getDefaultInstance())).getIndicatorsList()) {
            ObjectNode n = list.addObject();
            n.put("name", d.getName());
            n.put("title", d.getTitle());
            ArrayNode params = n.putArray("parameters");
            for (IndicatorParameter p : d.getParametersList()) {
                ObjectNode pn = params.addObject();
                pn.put("name", p.getName());
                pn.put("default", p.getDefaultValue());
                pn.put("min", p.getMin());
                pn.put("max", p.getMax());
                pn.put("integer", p.getInteger());
            }
            ArrayNode outputs = n.putArray("outputs");
            d.getOutputsList().forEach(outputs::add);
            n.put("overlay", d.getOverlay());
        }
        Responses.ok(res, out);
    }

    private static final String MARKETDATA = "marketdata-svc";
    private static final String CANDLES = "candle-svc";
    private static final String GATEWAY = "dll-gateway";

    /** Runs a gRPC call; a failure becomes the HTTP problem it means, naming the service. */
    private static <T> T call(String service, java.util.function.Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (io.grpc.StatusRuntimeException e) {
            throw Problems.fromGrpc(service, e);
        }
    }

    private static String query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().orElse(null);
    }
}
