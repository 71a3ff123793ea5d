package blackbox.web.upstream;

import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.ReadTradesRequest;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.web.core.Symbol;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live trades fanned out to WebSocket subscriptions: one marketdata-svc {@code StreamTrades} call per instrument,
 * opened by its first listener and cancelled when the last one leaves, however many browsers watch it. Listeners
 * are called on gRPC threads and must only hand off (never block).
 *
 * <p>Self-healing: a broken stream (marketdata-svc restarted or away) is reopened with back-off
 * ({@link ResumingStream}); listeners hear {@code RECONNECTING} and {@code LIVE}. Once marketdata-svc confirms the
 * new stream is registered (its {@code StreamOpened} notice), the trades accepted since the last one delivered are
 * read back ({@code ReadTrades}, which sees every trade accepted before the call) and delivered, so a restart leaves
 * no gap. Every
 * trade goes out once: the (time, trade number) of the last {@value #REMEMBERED} trades per instrument are
 * remembered, and a trade seen again (the catch-up overlapping the live stream) is dropped. Trades repaired by
 * marketdata-svc after a gap arrive on the live stream like any other, older than the newest (listeners must not
 * assume time order across batches); when its {@code Repaired} notice comes, the window is read back too, so
 * trades recovered before this stream was open are not missed.
 *
 * @param <B> what listeners receive: each upstream batch is wrapped once ({@code wrap}) and the same object handed to
 *     every listener, so work done on it (e.g. its JSON) is shared
 */
public final class TradeHub<B> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TradeHub.class);
    /** Trades remembered per instrument to drop repeats. */
    static final int REMEMBERED = 50_000;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    /** A subscriber of one instrument's trades. */
    public interface Listener<B> {
        void trades(B batch);

        /** The upstream stream's state changed ({@code retryInMillis} for RECONNECTING). */
        void state(ResumingStream.State state, String detail, long retryInMillis);
    }

    private final MarketDataGrpc.MarketDataStub stub;
    private final ScheduledExecutorService scheduler;
    private final Map<Symbol, Upstream> upstreams = new HashMap<>();
    private final Function<List<Trade>, B> wrap;
    private boolean closed;

    public TradeHub(ManagedChannel marketData, ScheduledExecutorService scheduler, Function<List<Trade>, B> wrap) {
        this.stub = MarketDataGrpc.newStub(marketData);
        this.scheduler = scheduler;
        this.wrap = wrap;
    }

    /** Starts delivering {@code symbol}'s trade batches to {@code listener}; close the result to stop. */
    public AutoCloseable subscribe(Symbol symbol, Listener<B> listener) {
        Upstream start = null;
        synchronized (this) {
            if (closed) throw new IllegalStateException("trade hub closed");
            Upstream up = upstreams.computeIfAbsent(symbol, Upstream::new);
            up.listeners.add(listener);
            if (up.listeners.size() == 1) start = up;
        }
        if (start != null) start.stream.start();
        return () -> unsubscribe(symbol, listener);
    }

    /** Upstream calls open now (one per watched instrument). */
    public synchronized int openStreams() {
        return upstreams.size();
    }

    private void unsubscribe(Symbol symbol, Listener<B> listener) {
        Upstream stop = null;
        synchronized (this) {
            Upstream up = upstreams.get(symbol);
            if (up == null || !up.listeners.remove(listener)) return;
            if (up.listeners.isEmpty()) {
                upstreams.remove(symbol);
                stop = up;
            }
        }
        if (stop != null) stop.stream.close();
    }

    @Override
    public void close() {
        List<Upstream> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(upstreams.values());
            upstreams.clear();
        }
        all.forEach(u -> u.stream.close());
    }

    private record Key(long timeNanos, int tradeNumber) {
    }

    private final class Upstream implements ResumingStream.Listener<TradeStreamMessage> {
        final Symbol symbol;
        final List<Listener<B>> listeners = new CopyOnWriteArrayList<>();
        final ResumingStream<StreamTradesRequest, TradeStreamMessage> stream;
        /** The last trades delivered (guarded by this). */
        private final LinkedHashMap<Key, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
        private long newestNanos;

        Upstream(Symbol symbol) {
            this.symbol = symbol;
            StreamTradesRequest request = StreamTradesRequest.newBuilder().addInstruments(symbol.toProto()).build();
            this.stream = new ResumingStream<>("marketdata-svc trades of " + symbol.text(),
                    (from, observer) -> stub.withWaitForReady().streamTrades(request, observer), () -> 0, this, scheduler);
        }

        @Override
        public void message(TradeStreamMessage m) {
            if (m.hasTrades()) {
                deliver(m.getTrades().getTradesList());
            } else if (m.hasOpened()) {
                // registered at marketdata-svc: a read issued now sees every trade accepted before, and every
                // later one comes on the stream, so the window the stream was down is read back from here
                scheduler.execute(this::catchUp);
            } else if (m.hasRepaired() && m.getRepaired().getTradesRecovered() > 0) {
                // the repaired window's trades went out on the stream as they were recovered, but only to the
                // streams open then: read the window back, so none of them is missing here
                long from = m.getRepaired().getFromNanos();
                long to = m.getRepaired().getToNanos() + 1; // the notice's bound is inclusive
                scheduler.execute(() -> read(from, to)); // the read sees every trade accepted before it
            }
        }

        /** Hands the trades not delivered before to every listener, as one batch. */
        private void deliver(List<Trade> trades) {
            List<Trade> fresh = new ArrayList<>(trades.size());
            synchronized (this) {
                for (Trade t : trades) {
                    if (seen.put(new Key(t.getTimeNanos(), t.getTradeNumber()), Boolean.TRUE) == null) {
                        fresh.add(t);
                        newestNanos = Math.max(newestNanos, t.getTimeNanos());
                    }
                }
            }
            if (fresh.isEmpty()) return;
            B batch = wrap.apply(fresh.size() == trades.size() ? trades : fresh);
            for (Listener<B> l : listeners) l.trades(batch);
        }

        @Override
        public void state(ResumingStream.State state, String detail, long retryInMillis) {
            if (state == ResumingStream.State.RECONNECTING) log.warn("{}; reopening in {} ms", detail, retryInMillis);
            for (Listener<B> l : listeners) l.state(state, detail, retryInMillis);
        }

        @Override
        public void refused(Status status) {
            log.warn("marketdata-svc refused the trade stream of {}: {}", symbol.text(), status);
        }

        /** Reads what marketdata-svc stored since the newest trade delivered (the window the stream was down). */
        private void catchUp() {
            long from;
            synchronized (this) {
                from = newestNanos;
            }
            if (from != 0) read(from, from + DAY_NANOS);
        }

        /** Delivers the stored trades of [from, to) not delivered yet. */
        private void read(long from, long to) {
            if (listeners.isEmpty() || to <= from) return;
            stub.readTrades(ReadTradesRequest.newBuilder().setInstrument(symbol.toProto()).setFromNanos(from)
                    .setToNanos(to).build(), new StreamObserver<TradeBatch>() {
                        @Override
                        public void onNext(TradeBatch batch) {
                            deliver(batch.getTradesList());
                        }

                        @Override
                        public void onError(Throwable t) {
                            log.warn("reading back the stored trades of {} failed: {}", symbol.text(), Status.fromThrowable(t));
                        }

                        @Override
                        public void onCompleted() {
                            // every stored trade of the window went out (those already delivered were dropped)
                        }
                    });
        }
    }
}
