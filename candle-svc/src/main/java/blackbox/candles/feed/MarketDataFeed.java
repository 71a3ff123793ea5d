package blackbox.candles.feed;

import blackbox.candles.engine.CandleEngine;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * marketdata-svc's trade stream (every instrument), kept open: trades go to the {@link CandleEngine}; when the
 * stream breaks it is opened again with back-off. Every time marketdata-svc confirms a stream is registered (its
 * {@code StreamOpened} notice), {@code onOpened} runs (the app records a catch-up for every known instrument, so
 * trades accepted while candle-svc was not listening are rebuilt by the reprocess job: its read, issued after the
 * notice, sees every trade accepted before it, and every later one comes on the stream). A {@code Repaired} notice (marketdata-svc recovered a window of trades after a gap or a restart)
 * goes to {@code onRepaired}: the recovered trades were streamed to the streams open at the time, and this one may
 * not have been one of them, so the app rebuilds the window from the store.
 *
 * <p>Flow control: one message is requested at a time, after the previous one was handed to the engine, whose
 * inbox is bounded; a candle-svc that cannot keep up slows marketdata-svc's sending, and if it falls too far behind
 * marketdata-svc ends the stream (RESOURCE_EXHAUSTED) and the catch-up repairs the rest.
 */
public final class MarketDataFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketDataFeed.class);

    private final ManagedChannel channel;
    private final CandleEngine engine;
    private final Runnable onOpened;
    private final java.util.function.Consumer<blackbox.marketdata.v1.Repaired> onRepaired;
    private final Duration backoffMax;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "marketdata-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong trades = new AtomicLong();
    private final AtomicLong streamsOpened = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean active;
    private volatile boolean connected;
    private volatile ClientCallStreamObserver<StreamTradesRequest> call;
    private long backoffMs = 250;

    /**
     * @param onOpened runs on the feed's thread each time marketdata-svc confirms a stream is registered
     * @param onRepaired runs on the feed's thread for each repaired window that recovered trades
     */
    public MarketDataFeed(ManagedChannel channel, CandleEngine engine, Runnable onOpened,
                          java.util.function.Consumer<blackbox.marketdata.v1.Repaired> onRepaired, Duration backoffMax) {
        this.channel = channel;
        this.engine = engine;
        this.onOpened = onOpened;
        this.onRepaired = onRepaired;
        this.backoffMax = backoffMax;
    }

    public void start() {
        scheduler.execute(this::open);
    }

    /** @return true while a stream is open on a connected channel */
    public boolean connected() {
        return active && channel.getState(false) == io.grpc.ConnectivityState.READY;
    }

    public long tradesReceived() {
        return trades.get();
    }

    public long streamsOpened() {
        return streamsOpened.get();
    }

    private void open() {
        if (!running) return;
        MarketDataGrpc.newStub(channel).withWaitForReady().streamTrades(StreamTradesRequest.getDefaultInstance(),
                new ClientResponseObserver<StreamTradesRequest, TradeStreamMessage>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamTradesRequest> requestStream) {
                        call = requestStream;
                        requestStream.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(TradeStreamMessage message) {
                        markConnected();
                        if (message.hasTrades()) {
                            try {
                                engine.submit(message.getTrades().getTradesList());
                                trades.addAndGet(message.getTrades().getTradesCount());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                call.cancel("stopping", e);
                                return;
                            }
                        } else if (message.hasOpened()) {
                            // registered at marketdata-svc: from here on every trade reaches this stream, and a
                            // read issued now sees every trade accepted before (the catch-up reads after this)
                            scheduler.execute(() -> {
                                try {
                                    onOpened.run();
                                } catch (RuntimeException e) {
                                    log.warn("recording the catch-up failed: {}", e.toString());
                                }
                            });
                        } else if (message.hasRepaired() && message.getRepaired().getTradesRecovered() > 0) {
                            blackbox.marketdata.v1.Repaired repaired = message.getRepaired();
                            scheduler.execute(() -> {
                                try {
                                    onRepaired.accept(repaired);
                                } catch (RuntimeException e) {
                                    log.warn("recording the rebuild of a repaired window failed: {}", e.toString());
                                }
                            });
                        }
                        call.request(1);
                    }

                    @Override
                    public void onError(Throwable t) {
                        lost(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        lost(Status.UNAVAILABLE.withDescription("marketdata-svc ended the trade stream"));
                    }
                });
        active = true;
        streamsOpened.incrementAndGet();
    }

    private void markConnected() {
        if (!connected) {
            connected = true;
            backoffMs = 250;
            log.info("marketdata-svc trade stream open");
        }
    }

    private void lost(Status status) {
        connected = false;
        active = false;
        if (!running) return;
        log.warn("marketdata-svc trade stream lost ({}: {}); reopening in {} ms", status.getCode(),
                status.getDescription(), backoffMs);
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, backoffMax.toMillis());
        scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        running = false;
        ClientCallStreamObserver<StreamTradesRequest> c = call;
        if (c != null) c.cancel("candle-svc stopping", null);
        scheduler.shutdownNow();
    }
}
