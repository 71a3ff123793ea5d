package blackbox.web.upstream;

import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DLL session as the browser sees it, from dll-gateway's {@code StreamSessionState}: one stream for the whole
 * process, reopened every 2 s while the gateway cannot be reached (the state is then {@code disconnected}).
 */
public final class SessionWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);

    /** {@code state}: connected, partial, reconnecting or disconnected; {@code since}: when it became so. */
    public record View(String state, String detail, Instant since) {
    }

    private final MarketDataGatewayGrpc.MarketDataGatewayStub stub;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private volatile View current = new View("disconnected", "waiting for dll-gateway", Instant.now());
    private volatile Context.CancellableContext call;
    private volatile boolean closed;

    public SessionWatch(ManagedChannel gateway, ScheduledExecutorService scheduler) {
        this.stub = MarketDataGatewayGrpc.newStub(gateway);
        this.scheduler = scheduler;
    }

    public void start() {
        open();
    }

    public View current() {
        return current;
    }

    /** Called on a gRPC thread for each change; must not block. */
    public AutoCloseable listen(Consumer<View> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The browser's word for a gateway state. */
    public static String name(SessionState s) {
        return switch (s.getState()) {
            case CONNECTION_STATE_CONNECTED -> "connected";
            case CONNECTION_STATE_PARTIAL -> "partial";
            case CONNECTION_STATE_RECONNECTING, CONNECTION_STATE_CONNECTING -> "reconnecting";
            default -> "disconnected";
        };
    }

    private void open() {
        if (closed) return;
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        ctx.run(() -> stub.streamSessionState(StreamSessionStateRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(SessionState s) {
                Instant since = s.getChangedNanos() > 0
                        ? Instant.ofEpochSecond(0, s.getChangedNanos()) : Instant.now();
                update(new View(name(s), s.getDetail(), since));
            }

            @Override
            public void onError(Throwable t) {
                lost(t.getMessage());
            }

            @Override
            public void onCompleted() {
                lost("stream completed");
            }
        }));
    }

    private void lost(String why) {
        if (closed) return;
        if (!"disconnected".equals(current.state())) {
            log.warn("dll-gateway session stream lost: {}", why);
            update(new View("disconnected", "dll-gateway unreachable: " + why, Instant.now()));
        }
        scheduler.schedule(this::open, 2, TimeUnit.SECONDS);
    }

    private void update(View v) {
        View before = current;
        current = v;
        if (!before.state().equals(v.state())) for (Consumer<View> l : listeners) l.accept(v);
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = call;
        if (c != null) c.cancel(null);
    }
}
