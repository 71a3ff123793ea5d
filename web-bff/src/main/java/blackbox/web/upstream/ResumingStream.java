package blackbox.web.upstream;

import blackbox.web.core.Backoff;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One upstream gRPC server stream kept open for as long as its owner wants it: when it fails (the service restarted,
 * went away, ended the stream) it is opened again after a back-off (250 ms doubling to 5 s, with jitter), each time
 * from the resume point its owner gives ({@code resumeAfter}: e.g. the last close delivered), so nothing the owner
 * already has is asked for again and nothing after it is missed. Calls wait for the channel to be ready, so a
 * service that is down is simply waited for.
 *
 * <p>The owner hears {@link Listener#state} {@code RECONNECTING} once per outage (with the reason and the delay)
 * and {@code LIVE} once the new call is established (its stream is ready on a transport, or its first message
 * arrived); refusals that no retry can change (INVALID_ARGUMENT, NOT_FOUND, UNIMPLEMENTED, PERMISSION_DENIED,
 * UNAUTHENTICATED) end it with {@link Listener#refused}.
 *
 * <p>Threads: the listener is called on gRPC and scheduler threads, never while this object's lock is held (so it may
 * take its own lock and call {@link #close}); messages of a replaced call are dropped.
 *
 * @param <Q> the request type
 * @param <T> the message type
 */
public final class ResumingStream<Q, T> implements AutoCloseable {
    private static final Set<Status.Code> PERMANENT = Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.UNIMPLEMENTED, Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);

    public enum State { LIVE, RECONNECTING }

    /** Starts one call from {@code resumeAfter} (0 the first time, unless the owner says otherwise). */
    @FunctionalInterface
    public interface Opener<Q, T> {
        void open(long resumeAfter, ClientResponseObserver<Q, T> observer);
    }

    /** What the owner hears; never called under this object's lock. */
    public interface Listener<T> {
        void message(T message);

        /** {@code retryInMillis}: when the next attempt starts (RECONNECTING only). */
        void state(State state, String detail, long retryInMillis);

        /** The service refused the stream for good (e.g. a bad request); no retry follows. */
        void refused(Status status);
    }

    private final String what;
    private final Opener<Q, T> opener;
    private final LongSupplier resumeAfter;
    private final Listener<T> listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff = new Backoff(250, 5_000, () -> ThreadLocalRandom.current().nextDouble());
    private long generation;
    private Context.CancellableContext call;
    private State state = State.LIVE;
    private boolean closed;

    /**
     * @param what names the stream in the details the owner hears, e.g. "candle-svc candles"
     * @param resumeAfter asked before each reopening (the first call is opened with it too)
     */
    public ResumingStream(String what, Opener<Q, T> opener, LongSupplier resumeAfter, Listener<T> listener,
                          ScheduledExecutorService scheduler) {
        this.what = what;
        this.opener = opener;
        this.resumeAfter = resumeAfter;
        this.listener = listener;
        this.scheduler = scheduler;
    }

    /** Opens the first call. */
    public void start() {
        open();
    }

    private void open() {
        long gen;
        Context.CancellableContext ctx;
        synchronized (this) {
            if (closed) return;
            gen = ++generation;
            ctx = Context.current().withCancellation();
            call = ctx;
        }
        long from = resumeAfter.getAsLong();
        ctx.run(() -> opener.open(from, new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
                requestStream.setOnReadyHandler(() -> established(gen));
            }

            @Override
            public void onNext(T message) {
                if (!current(gen)) return;
                established(gen);
                listener.message(message);
            }

            @Override
            public void onError(Throwable t) {
                failed(gen, Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                failed(gen, Status.UNAVAILABLE.withDescription(what + " stream ended by the service"));
            }
        }));
    }

    private synchronized boolean current(long gen) {
        return !closed && gen == generation;
    }

    private void established(long gen) {
        synchronized (this) {
            if (closed || gen != generation || state == State.LIVE) return;
            state = State.LIVE;
            backoff.reset();
        }
        listener.state(State.LIVE, what + " stream open again", 0);
    }

    private void failed(long gen, Status status) {
        long delay;
        boolean announce;
        synchronized (this) {
            if (closed || gen != generation) return; // cancelled by us, or an older call
            call = null;
            if (PERMANENT.contains(status.getCode())) {
                closed = true;
            }
            announce = state == State.LIVE;
            state = State.RECONNECTING;
            delay = backoff.next();
        }
        if (PERMANENT.contains(status.getCode())) {
            listener.refused(status);
            return;
        }
        if (announce) {
            listener.state(State.RECONNECTING, what + " stream lost (" + status.getCode()
                    + (status.getDescription() == null ? "" : ": " + status.getDescription()) + ")", delay);
        }
        scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }

    /** Cancels the call in flight; nothing is reopened or delivered afterwards. Idempotent. */
    @Override
    public void close() {
        Context.CancellableContext c;
        synchronized (this) {
            if (closed && call == null) return;
            closed = true;
            c = call;
            call = null;
        }
        if (c != null) c.cancel(null);
    }
}
