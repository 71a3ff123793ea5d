package blackbox.risk.breakers;

import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's routing connection, from its {@code StreamSessionState}: each change of
 * {@code routing_connected} goes to {@link BreakerFeeds#onRouting}, but only once routing has been seen connected
 * (a gateway that is still logging in is not a loss). Losing this stream is not a routing loss (risk-svc's own link
 * to the gateway failed): it is reported through {@link #state()} and the stream reopened.
 */
public final class RoutingFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFeed.class);

    private final MarketDataGatewayGrpc.MarketDataGatewayStub stub;
    private final BreakerFeeds feeds;
    private final ScheduledExecutorService scheduler;
    private final Duration retry;
    private volatile boolean seenConnected;
    private volatile Boolean routing;
    private volatile boolean open;
    private volatile boolean closed;
    private volatile String state = "not started";
    private ClientCallStreamObserver<StreamSessionStateRequest> call; // guarded by this

    public RoutingFeed(Channel gateway, BreakerFeeds feeds, ScheduledExecutorService scheduler, Duration retry) {
        this.stub = MarketDataGatewayGrpc.newStub(gateway);
        this.feeds = feeds;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    public void start() {
        openStream();
    }

    /** Is the session state stream open? */
    public boolean isOpen() {
        return open;
    }

    public String state() {
        return state;
    }

    private void openStream() {
        if (closed) return;
        stub.streamSessionState(StreamSessionStateRequest.getDefaultInstance(),
                new ClientResponseObserver<StreamSessionStateRequest, SessionState>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamSessionStateRequest> stream) {
                        synchronized (RoutingFeed.this) {
                            call = stream;
                        }
                    }

                    @Override
                    public void onNext(SessionState s) {
                        open = true;
                        boolean connected = s.getRoutingConnected();
                        state = "gateway routing " + (connected ? "connected" : "not connected");
                        Boolean before = routing;
                        routing = connected;
                        if (connected) seenConnected = true;
                        if (seenConnected && (before == null || before != connected)) feeds.onRouting(connected, s.getChangedNanos());
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended(Status.fromThrowable(t).toString());
                    }

                    @Override
                    public void onCompleted() {
                        ended("the gateway ended the session state stream");
                    }
                });
    }

    private void ended(String why) {
        open = false;
        routing = null;
        state = "gateway session state stream down: " + why;
        if (closed) return;
        LOG.debug("gateway session state stream ended: {}", why);
        scheduler.schedule(this::openStream, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (call != null) call.cancel("risk-svc stopping", null);
        }
    }
}
