package blackbox.web.upstream;

import blackbox.gateway.v1.Trade;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.web.core.Symbol;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live trades fanned out to WebSocket subscriptions: one marketdata-svc {@code StreamTrades} call per instrument,
 * opened by its first listener and cancelled when the last one leaves, however many browsers watch it. Listeners
 * are called on the gRPC thread and must only hand off (never block). A broken stream is reopened after a second.
 *
 * @param <B> what listeners receive: each upstream batch is wrapped once ({@code wrap}) and the same object handed to
 *     every listener, so work done on it (e.g. its JSON) is shared
 */
public final class TradeHub<B> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TradeHub.class);
    private final MarketDataGrpc.MarketDataStub stub;
    private final ScheduledExecutorService scheduler;
    private final Map<Symbol, Upstream> upstreams = new java.util.HashMap<>();
    private final java.util.function.Function<List<Trade>, B> wrap;
    private volatile boolean closed;

    public TradeHub(ManagedChannel marketData, ScheduledExecutorService scheduler, java.util.function.Function<List<Trade>, B> wrap) {
        this.stub = MarketDataGrpc.newStub(marketData);
        this.scheduler = scheduler;
        this.wrap = wrap;
    }

    /** Starts delivering {@code symbol}'s trade batches to {@code listener}; close the result to stop. */
    public synchronized AutoCloseable subscribe(Symbol symbol, Consumer<B> listener) {
        Upstream up = upstreams.computeIfAbsent(symbol, Upstream::new);
        up.listeners.add(listener);
        if (up.listeners.size() == 1) up.open();
        return () -> unsubscribe(symbol, listener);
    }

    /** Upstream calls open now (one per watched instrument). */
    public synchronized int openStreams() {
        return (int) upstreams.values().stream().filter(u -> u.call != null).count();
    }

    private synchronized void unsubscribe(Symbol symbol, Consumer<B> listener) {
        Upstream up = upstreams.get(symbol);
        if (up == null || !up.listeners.remove(listener)) return;
        if (up.listeners.isEmpty()) {
            upstreams.remove(symbol);
            up.cancel();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        upstreams.values().forEach(Upstream::cancel);
        upstreams.clear();
    }

    private final class Upstream {
        final Symbol symbol;
        final List<Consumer<B>> listeners = new CopyOnWriteArrayList<>();
        Context.CancellableContext call;

        Upstream(Symbol symbol) {
            this.symbol = symbol;
        }

        void open() {
            Context.CancellableContext ctx = Context.current().withCancellation();
            call = ctx;
            ctx.run(() -> stub.streamTrades(StreamTradesRequest.newBuilder().addInstruments(symbol.toProto()).build(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(TradeStreamMessage m) {
                            if (!m.hasTrades()) return;
                            B batch = wrap.apply(m.getTrades().getTradesList());
                            for (Consumer<B> l : listeners) l.accept(batch);
                        }

                        @Override
                        public void onError(Throwable t) {
                            reopenLater(ctx, t.toString());
                        }

                        @Override
                        public void onCompleted() {
                            reopenLater(ctx, "completed");
                        }
                    }));
        }

        void reopenLater(Context.CancellableContext ended, String why) {
            synchronized (TradeHub.this) {
                if (closed || call != ended || listeners.isEmpty()) return;
                log.warn("trade stream for {} ended ({}); reopening in 1 s", symbol, why);
                call = null;
            }
            scheduler.schedule(() -> {
                synchronized (TradeHub.this) {
                    if (!closed && call == null && !listeners.isEmpty() && upstreams.get(symbol) == this) open();
                }
            }, 1, TimeUnit.SECONDS);
        }

        void cancel() {
            if (call != null) call.cancel(null);
            call = null;
        }
    }
}
