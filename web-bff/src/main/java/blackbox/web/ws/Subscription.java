package blackbox.web.ws;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.LiveCandle;
import blackbox.candles.v1.StreamCandlesRequest;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.indicators.v1.LiveIndicatorValue;
import blackbox.indicators.v1.StreamIndicatorsRequest;
import blackbox.web.core.Coalescer;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import blackbox.web.upstream.ResumingStream;
import blackbox.web.upstream.TradeHub;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
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
 *
 * <p>Self-healing: each upstream stream is a {@link ResumingStream}. When candle-svc or marketdata-svc restarts, the
 * browser gets {@code {"type":"stream","id","stream","state":"reconnecting","detail","retry_in_ms"}}, the stream is
 * reopened with back-off, and {@code "state":"live"} follows once it is back. Candles resume after the last close
 * sent to this browser (before any close: just before the first forming bucket seen), indicators after the oldest of
 * each spec's last final value; a close or final value at or before what was sent is dropped, so the browser sees no
 * gap and nothing twice. (A correction of an older candle made while the stream was down is not resent.)
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
    /** The newest close sent, or just before the first forming bucket seen: where a reopened candle stream resumes. */
    private long candlesResumeAfter;
    private long lastClosedSent;
    /** Per spec (candle-svc's name), the bucket of the newest final value sent. */
    private final Map<String, Long> lastFinalSent = new HashMap<>();
    /** Per spec, where a reopened indicator stream must resume for it: its last final, or just before its first value. */
    private final Map<String, Long> specResume = new HashMap<>();
    private List<String> specs = List.of();
    private long indicatorsResumeFloor;
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

    /** A listener of one upstream stream that passes its messages to {@code onMessage} under this object's lock. */
    private <T> ResumingStream.Listener<T> listener(String stream, java.util.function.Consumer<T> onMessage) {
        return new ResumingStream.Listener<>() {
            @Override
            public void message(T message) {
                onMessage.accept(message);
            }

            @Override
            public void state(ResumingStream.State state, String detail, long retryInMillis) {
                streamState(stream, state, detail, retryInMillis);
            }

            @Override
            public void refused(Status status) {
                upstreamFailed(stream, status);
            }
        };
    }

    synchronized void startCandles(CandlesGrpc.CandlesStub stub, long resumeAfter) {
        candlesResumeAfter = resumeAfter;
        lastClosedSent = resumeAfter;
        ResumingStream<StreamCandlesRequest, LiveCandle> stream = new ResumingStream<>("candle-svc candles",
                (from, observer) -> stub.withWaitForReady().streamCandles(StreamCandlesRequest.newBuilder()
                        .setInstrument(symbol.toProto()).setTimeframe(timeframe).setResumeAfterBucketNanos(from).build(), observer),
                this::candlesResumePoint, listener("candles", this::candle), scheduler);
        upstreams.add(stream);
        stream.start();
    }

    private synchronized long candlesResumePoint() {
        return candlesResumeAfter;
    }

    synchronized void startTrades(TradeHub<TradeBatch> hub) {
        upstreams.add(hub.subscribe(symbol, new TradeHub.Listener<>() {
            @Override
            public void trades(TradeBatch batch) {
                Subscription.this.trades(batch);
            }

            @Override
            public void state(ResumingStream.State state, String detail, long retryInMillis) {
                streamState("trades", state, detail, retryInMillis);
            }
        }));
    }

    synchronized void startIndicators(IndicatorsGrpc.IndicatorsStub stub, List<String> specs, long resumeAfter) {
        for (String spec : specs) provisional.put(spec, new Coalescer<>(maxPerSecond, (older, newer) -> newer));
        this.specs = List.copyOf(specs);
        this.indicatorsResumeFloor = resumeAfter;
        ResumingStream<StreamIndicatorsRequest, LiveIndicatorValue> stream = new ResumingStream<>("candle-svc indicators",
                (from, observer) -> stub.withWaitForReady().streamIndicators(StreamIndicatorsRequest.newBuilder()
                        .setInstrument(symbol.toProto()).setTimeframe(timeframe).addAllSpecs(specs)
                        .setResumeAfterBucketNanos(from).build(), observer),
                this::indicatorsResumePoint, listener("indicators", this::indicator), scheduler);
        upstreams.add(stream);
        stream.start();
    }

    /**
     * The oldest of the specs' resume points (each spec's last final value sent, or just before its first provisional
     * one): every spec gets all its finals after it again, and a spec that had some of them drops those. Until every
     * spec has a point, the browser's own {@code resume_after}.
     */
    private synchronized long indicatorsResumePoint() {
        if (specResume.size() < new java.util.HashSet<>(specs).size()) return indicatorsResumeFloor;
        long point = Long.MAX_VALUE;
        for (long p : specResume.values()) point = Math.min(point, p);
        return Math.max(point, indicatorsResumeFloor);
    }


    private synchronized void candle(LiveCandle c) {
        if (closed) return;
        long bucket = c.getCandle().getBucketStartNanos();
        if (c.getState() == LiveCandle.State.FORMING) {
            if (bucket <= lastClosedSent) return; // a forming update of a bucket already closed here
            if (candlesResumeAfter == 0) candlesResumeAfter = bucket - 1;
            forming.offer(c, nanoClock.getAsLong()).ifPresent(this::sendCandle);
            scheduleFlush(forming);
            return;
        }
        if (c.getState() == LiveCandle.State.CLOSED) {
            if (bucket <= lastClosedSent) return; // resent after a reopened stream: the browser has it
            lastClosedSent = bucket;
            candlesResumeAfter = Math.max(candlesResumeAfter, bucket);
        }
        forming.discardPendingIf(p -> p.getCandle().getBucketStartNanos() <= bucket);
        sendCandle(c);
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
        String spec = v.getSpec(); // candle-svc's canonical name
        Coalescer<LiveIndicatorValue> c = provisional.computeIfAbsent(spec,
                k -> new Coalescer<>(maxPerSecond, (older, newer) -> newer));
        long bucket = v.getValue().getBucketStartNanos();
        Long last = lastFinalSent.get(spec);
        if (v.getKind() == LiveIndicatorValue.Kind.PROVISIONAL) {
            if (last != null && bucket <= last) return; // the bucket's final value went out already
            specResume.putIfAbsent(spec, bucket - 1);
            c.offer(v, nanoClock.getAsLong()).ifPresent(this::sendIndicator);
            scheduleFlush(c);
            return;
        }
        if (v.getKind() == LiveIndicatorValue.Kind.FINAL) {
            if (last != null && bucket <= last) return; // resent after a reopened stream: the browser has it
            lastFinalSent.put(spec, bucket);
            specResume.put(spec, bucket);
        }
        c.discardPendingIf(p -> p.getValue().getBucketStartNanos() <= bucket);
        sendIndicator(v);
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

    /** Tells the browser an upstream stream is reconnecting, or live again. */
    private synchronized void streamState(String stream, ResumingStream.State state, String detail, long retryInMillis) {
        if (closed) return;
        ObjectNode n = Json.object();
        n.put("type", "stream");
        n.put("id", id);
        n.put("stream", stream);
        n.put("state", state == ResumingStream.State.LIVE ? "live" : "reconnecting");
        n.put("detail", detail);
        if (state == ResumingStream.State.RECONNECTING) n.put("retry_in_ms", retryInMillis);
        out.send(Json.write(n));
    }

    /** An upstream refused the stream for good (a bad spec, an unknown instrument): the browser is told once. */
    private synchronized void upstreamFailed(String stream, Status s) {
        if (closed) return;
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
                : "; other streams continue"));
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
