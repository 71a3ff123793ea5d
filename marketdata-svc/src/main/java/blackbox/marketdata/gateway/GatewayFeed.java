package blackbox.marketdata.gateway;

import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
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
 *
 * <p>One supervisor task, every {@link #TICK}, owns the stream's life: it opens a stream when there is none
 * (after the back-off), announces it once the channel is READY, and cancels a stream that is still not
 * connected after {@link #CONNECT_TIMEOUT} (a gateway may vanish while the call is being set up, leaving
 * it pending), so the next tick opens a fresh one. It never lets the channel sit in gRPC's own (long)
 * reconnect back-off. A failing tick is logged, never fatal to the supervisor.
 */
public final class GatewayFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayFeed.class);
    static final Duration TICK = Duration.ofMillis(200);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Receives the stream; called on gRPC threads, one message at a time. */
    public interface Listener {
        /** The stream is (again) open. Called on the feed's own thread. */
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
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile boolean connected;

    // supervisor thread only
    private ClientCallStreamObserver<StreamTradesRequest> call;
    private long callStartedNanos;
    private long nextAttemptNanos;
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
        supervisor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the stream is open and the channel READY, until it breaks. */
    public boolean connected() {
        return connected;
    }

    private void tick() {
        try {
            if (!running) return;
            long now = System.nanoTime();
            if (call == null) {
                if (now >= nextAttemptNanos) open(now);
                return;
            }
            if (connected) return;
            ConnectivityState state = channel.getState(true);
            if (state == ConnectivityState.READY) {
                connected = true;
                backoff = backoffInitial;
                boolean reconnect = everConnected;
                everConnected = true;
                log.info("trade stream from the gateway {}", reconnect ? "open again" : "open");
                listener.onConnected(reconnect);
            } else if (now - callStartedNanos > CONNECT_TIMEOUT.toNanos()) {
                call.cancel("gateway not reachable in " + CONNECT_TIMEOUT.toSeconds() + " s", null); // -> broken()
            } else if (state == ConnectivityState.TRANSIENT_FAILURE) {
                channel.resetConnectBackoff(); // our back-off governs, not gRPC's
            }
        } catch (RuntimeException e) {
            log.error("gateway feed supervisor: {}", e.toString(), e);
        }
    }

    private void open(long now) {
        callStartedNanos = now;
        try {
            startCall();
        } catch (RuntimeException e) {
            // Seen when the gateway shuts down while the call is being set up (in-process transport: "'executor'
            // must not be null"): the call never started, so forget it and try again after the back-off.
            call = null;
            nextAttemptNanos = now + backoff.toNanos();
            log.warn("could not open the trade stream ({}); retrying in {} ms", e.toString(), backoff.toMillis());
        }
    }

    private void startCall() {
        MarketDataGatewayGrpc.newStub(channel).withWaitForReady().streamTrades(StreamTradesRequest.getDefaultInstance(),
                new ClientResponseObserver<StreamTradesRequest, TradeStreamMessage>() {
                    private ClientCallStreamObserver<StreamTradesRequest> mine;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamTradesRequest> requestStream) {
                        mine = requestStream;
                        call = requestStream; // runs synchronously inside streamTrades, on the supervisor thread
                    }

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
                        broken(mine, Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        broken(mine, Status.UNAVAILABLE.withDescription("the gateway ended the trade stream"));
                    }
                });
    }

    /** A stream ended (gRPC thread): hand over to the supervisor, which reopens after the back-off. */
    private void broken(ClientCallStreamObserver<StreamTradesRequest> stream, Status status) {
        if (!running) return;
        supervisor.execute(() -> {
            if (stream != call) return; // an older stream, already replaced
            connected = false;
            call = null;
            log.warn("trade stream from the gateway broke: {} {}; opening again in {} ms", status.getCode(),
                    status.getDescription(), backoff.toMillis());
            listener.onDisconnected(status);
            nextAttemptNanos = System.nanoTime() + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(backoffMax) > 0 ? backoffMax : backoff.multipliedBy(2);
        });
    }

    @Override
    public void close() {
        running = false;
        supervisor.shutdownNow();
        var current = call;
        if (current != null) current.cancel("marketdata-svc stopping", null);
    }
}
