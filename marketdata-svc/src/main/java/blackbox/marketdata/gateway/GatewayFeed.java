package blackbox.marketdata.gateway;

import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's real-time trade stream, kept open: when it breaks (the gateway restarted, the network
 * dropped, we were too slow and got cut off) it opens it again with back-off and tells the listener, which
 * re-subscribes and repairs the window.
 */
public final class GatewayFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayFeed.class);

    /** Receives the stream; called on gRPC threads, one message at a time. */
    public interface Listener {
        /** The stream is (again) open. */
        void onConnected(boolean reconnect);

        void onTrades(List<Trade> trades);

        /** The gateway reports it may have missed trades in this window (its DLL disconnected). */
        void onGap(Gap gap);

        /** The stream broke; it will be opened again. */
        void onDisconnected(Status status);
    }

    private final ManagedChannel channel;
    private final Listener listener;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile boolean connected;
    private Duration backoff;
    private boolean everConnected;

    public GatewayFeed(ManagedChannel channel, Listener listener, Duration backoffInitial, Duration backoffMax) {
        this.channel = channel;
        this.listener = listener;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.backoff = backoffInitial;
    }

    public void start() {
        running = true;
        scheduler.execute(this::open);
    }

    public boolean connected() {
        return connected;
    }

    private void open() {
        if (!running) return;
        blackbox.gateway.v1.MarketDataGatewayGrpc.newStub(channel).withWaitForReady()
                .streamTrades(StreamTradesRequest.getDefaultInstance(), new StreamObserver<>() {
                    @Override
                    public void onNext(TradeStreamMessage message) {
                        switch (message.getPayloadCase()) {
                            case TRADES -> listener.onTrades(message.getTrades().getTradesList());
                            case GAP -> listener.onGap(message.getGap());
                            default -> {
                                // ticker state changes are not marketdata-svc's business
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        broken(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        broken(Status.UNAVAILABLE.withDescription("the gateway ended the trade stream"));
                    }
                });
        // The call is started; with waitForReady it is queued until the channel connects. Report the
        // connection once the channel is READY, so re-subscription happens against a live gateway.
        scheduler.execute(this::awaitReady);
    }

    private void awaitReady() {
        if (!running) return;
        var state = channel.getState(true);
        if (state == io.grpc.ConnectivityState.READY) {
            connected = true;
            backoff = backoffInitial;
            boolean reconnect = everConnected;
            everConnected = true;
            log.info("trade stream from the gateway {}", reconnect ? "open again" : "open");
            listener.onConnected(reconnect);
        } else {
            // The gateway may be restarting: keep asking, and never let the channel sit in its own long back-off.
            if (state == io.grpc.ConnectivityState.TRANSIENT_FAILURE) channel.resetConnectBackoff();
            scheduler.schedule(this::awaitReady, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void broken(Status status) {
        if (!running) return;
        connected = false;
        log.warn("trade stream from the gateway broke: {} {}; opening again in {} ms", status.getCode(),
                status.getDescription(), backoff.toMillis());
        listener.onDisconnected(status);
        long wait = backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(backoffMax) > 0 ? backoffMax : backoff.multipliedBy(2);
        scheduler.schedule(this::open, wait, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        running = false;
        scheduler.shutdownNow();
    }
}
