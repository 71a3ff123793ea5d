package blackbox.web.ws;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.LiveCandle;
import blackbox.candles.v1.StreamCandlesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.indicators.v1.LiveIndicatorValue;
import blackbox.indicators.v1.StreamIndicatorsRequest;
import blackbox.web.core.Coalescer;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.upstream.TradeHub;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One {@code subscribe} of one WebSocket: the candle stream (candle-svc {@code StreamCandles}, resumable), the
 * shared trade stream of the instrument, and indicator values ({@code StreamIndicators}), each coalesced to at most
 * N updates a second. Closed/corrected/removed candles and final/corrected indicator values are sent as they come,
 * in order, after dropping any held forming value they make obsolete. Every send happens under this object's lock,
 * so the order of the upstream is the order on the wire.
 */
final class Subscription implements AutoCloseable {
    private final String id;
    private final Symbol symbol;
    private final String timeframe;
    private final Outbox out;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final int maxPerSecond;
    private final Coalescer<LiveCandle> forming;
    private final Coalescer<TradeBatch> trades;
    private final String tradesPrefix;
    private final Map<String, Coalescer<LiveIndicatorValue>> provisional = new HashMap<>();
    private final Map<Coalescer<?>, Boolean> flushScheduled = new HashMap<>();
    private final List<AutoCloseable> upstreams = new ArrayList<>();
    private boolean closed;

    Subscription(String id, Symbol symbol, String timeframe, Outbox out, ScheduledExecutorService scheduler,
                 LongSupplier nanoClock, int maxPerSecond, int maxTradesPerSecond) {
        this.id = id;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.out = out;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.maxPerSecond = maxPerSecond;
        this.forming = new Coalescer<>(maxPerSecond, (older, newer) -> newer);
        this.trades = new Coalescer<>(maxTradesPerSecond, TradeBatch::merge);
        this.tradesPrefix = "{\"type\":\"trades\",\"id\":" + Json.write(Json.MAPPER.getNodeFactory().textNode(id)) + ",\"trades\":";
    }

    synchronized void startCandles(CandlesGrpc.CandlesStub stub, long resumeAfter) {
        Context.CancellableContext ctx = Context.current().withCancellation();
        upstreams.add(() -> ctx.cancel(null));
        ctx.run(() -> stub.streamCandles(StreamCandlesRequest.newBuilder().setInstrument(symbol.toProto())
                .setTimeframe(timeframe).setResumeAfterBucketNanos(resumeAfter).build(), new StreamObserver<>() {
            @Override
            public void onNext(LiveCandle c) {
                candle(c);
            }

            @Override
            public void onError(Throwable t) {
                upstreamFailed("candles", t);
            }

            @Override
            public void onCompleted() {
                upstreamFailed("candles", Status.UNAVAILABLE.withDescription("candle stream ended").asRuntimeException());
            }
        }));
    }

    synchronized void startTrades(TradeHub<TradeBatch> hub) {
        upstreams.add(hub.subscribe(symbol, this::trades));
    }

    synchronized void startIndicators(IndicatorsGrpc.IndicatorsStub stub, List<String> specs, long resumeAfter) {
        for (String spec : specs) provisional.put(spec, new Coalescer<>(maxPerSecond, (older, newer) -> newer));
        Context.CancellableContext ctx = Context.current().withCancellation();
        upstreams.add(() -> ctx.cancel(null));
        ctx.run(() -> stub.streamIndicators(StreamIndicatorsRequest.newBuilder().setInstrument(symbol.toProto())
                .setTimeframe(timeframe).addAllSpecs(specs).setResumeAfterBucketNanos(resumeAfter).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(LiveIndicatorValue v) {
                        indicator(v);
                    }

                    @Override
                    public void onError(Throwable t) {
                        upstreamFailed("indicators", t);
                    }

                    @Override
                    public void onCompleted() {
                        upstreamFailed("indicators", Status.UNAVAILABLE.withDescription("indicator stream ended").asRuntimeException());
                    }
                }));
    }

    private synchronized void candle(LiveCandle c) {
        if (closed) return;
        long bucket = c.getCandle().getBucketStartNanos();
        if (c.getState() == LiveCandle.State.FORMING) {
            forming.offer(c, nanoClock.getAsLong()).ifPresent(this::sendCandle);
            scheduleFlush(forming);
        } else {
            forming.discardPendingIf(p -> p.getCandle().getBucketStartNanos() <= bucket);
            sendCandle(c);
        }
    }

    private void sendCandle(LiveCandle c) {
        ObjectNode n = Json.object();
        n.put("type", "candle");
        n.put("id", id);
        n.put("state", switch (c.getState()) {
            case FORMING -> "forming";
            case CLOSED -> "closed";
            case CORRECTED -> "corrected";
            case REMOVED -> "removed";
            default -> "unknown";
        });
        n.set("candle", Json.candle(c.getCandle()));
        out.send(Json.write(n));
    }

    private synchronized void trades(TradeBatch batch) {
        if (closed) return;
        trades.offer(batch, nanoClock.getAsLong()).ifPresent(this::sendTrades);
        scheduleFlush(trades);
    }

    private void sendTrades(TradeBatch batch) {
        out.send(tradesPrefix + batch.json() + "}");
    }

    private synchronized void indicator(LiveIndicatorValue v) {
        if (closed) return;
        Coalescer<LiveIndicatorValue> c = provisional.computeIfAbsent(v.getSpec(),
                s -> new Coalescer<>(maxPerSecond, (older, newer) -> newer));
        if (v.getKind() == LiveIndicatorValue.Kind.PROVISIONAL) {
            c.offer(v, nanoClock.getAsLong()).ifPresent(this::sendIndicator);
            scheduleFlush(c);
        } else {
            long bucket = v.getValue().getBucketStartNanos();
            c.discardPendingIf(p -> p.getValue().getBucketStartNanos() <= bucket);
            sendIndicator(v);
        }
    }

    private void sendIndicator(LiveIndicatorValue v) {
        ObjectNode n = Json.object();
        n.put("type", "indicator");
        n.put("id", id);
        n.put("spec", v.getSpec());
        n.put("kind", switch (v.getKind()) {
            case PROVISIONAL -> "provisional";
            case FINAL -> "final";
            case CORRECTED -> "corrected";
            default -> "unknown";
        });
        n.put("time", Json.iso(v.getValue().getBucketStartNanos()));
        n.put("time_nanos", v.getValue().getBucketStartNanos());
        n.put("ready", v.getValue().getReady());
        ArrayNode outputs = n.putArray("outputs");
        v.getOutputsList().forEach(outputs::add);
        ArrayNode values = n.putArray("values");
        v.getValue().getValuesList().forEach(values::add);
        out.send(Json.write(n));
    }

    /** One pending flush per coalescer: when it fires, whatever is held by then goes out. */
    private <T> void scheduleFlush(Coalescer<T> c) {
        if (!c.hasPending() || flushScheduled.getOrDefault(c, false)) return;
        long delay = Math.max(0, c.dueAtNanos() - nanoClock.getAsLong());
        flushScheduled.put(c, true);
        scheduler.schedule(() -> flush(c), delay, TimeUnit.NANOSECONDS);
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> void flush(Coalescer<T> c) {
        flushScheduled.put(c, false);
        if (closed) return;
        Optional<T> due = c.flush(nanoClock.getAsLong());
        due.ifPresent(v -> {
            if (c == forming) sendCandle((LiveCandle) v);
            else if (c == trades) sendTrades((TradeBatch) v);
            else sendIndicator((LiveIndicatorValue) v);
        });
        scheduleFlush(c);
    }

    private synchronized void upstreamFailed(String stream, Throwable t) {
        if (closed) return;
        Status s = Status.fromThrowable(t);
        if (s.getCode() == Status.Code.CANCELLED) return;
        ObjectNode n = Json.object();
        n.put("type", "error");
        n.put("id", id);
        n.put("stream", stream);
        n.put("code", switch (s.getCode()) {
            case UNIMPLEMENTED -> "unimplemented";
            case INVALID_ARGUMENT -> "invalid_argument";
            case NOT_FOUND -> "not_found";
            default -> "unavailable";
        });
        n.put("detail", stream + " stream: " + s.getCode() + (s.getDescription() == null ? "" : " " + s.getDescription())
                + (s.getCode() == Status.Code.UNIMPLEMENTED ? " (not offered by this candle-svc; other streams continue)"
                : "; subscribe again with resume_after to continue"));
        out.send(Json.write(n));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (AutoCloseable u : upstreams) {
            try {
                u.close();
            } catch (Exception ignored) {
                // cancelling a call or leaving the hub cannot fail in a way the browser could act on
            }
        }
    }
}
