package blackbox.marketdata.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server stream fed by one producer thread that can wait (a database cursor, a job): {@link #send} blocks
 * until the transport {@code isReady()}, so at most about one message waits in gRPC's buffers whatever the
 * client's pace, and the producer reads no further ahead than the client. A client that reads nothing for
 * {@code stallLimit} is ended with RESOURCE_EXHAUSTED so it cannot hold a producer thread forever.
 *
 * <p>Construct it in the gRPC handler's thread (it installs the call's ready and cancel handlers); then
 * {@link #send}, {@link #complete} and {@link #fail} from the one producer thread.
 *
 * @param <M> the stream's message type
 */
final class ReadySender<M> {
    /** The call is over (cancelled by the client, stalled, or the producer was interrupted): stop producing. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    private final ServerCallStreamObserver<M> observer;
    private final long stallNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readyOrCancelled = lock.newCondition();
    private volatile boolean cancelled;
    private boolean over; // producer thread only

    ReadySender(ServerCallStreamObserver<M> observer, Duration stallLimit) {
        this.observer = observer;
        this.stallNanos = stallLimit.toNanos();
        observer.setOnReadyHandler(this::wake);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            wake();
        });
    }

    /** True once the client cancelled the call (or its deadline passed). Any thread. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * Sends one message once the transport can take it; blocks the calling (producer) thread until then.
     *
     * @throws Stopped when the call is cancelled, the client read nothing for the stall limit (the call is then
     *     ended with RESOURCE_EXHAUSTED), or the thread is interrupted (the call is ended with UNAVAILABLE)
     */
    void send(M message) {
        if (over) throw new Stopped("the call is over");
        long deadline = System.nanoTime() + stallNanos;
        lock.lock();
        try {
            while (!cancelled && !observer.isReady()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(Status.RESOURCE_EXHAUSTED.withDescription("client read nothing for "
                            + TimeUnit.NANOSECONDS.toSeconds(stallNanos) + " s; the stream was ended, ask again"));
                    throw new Stopped("client stalled");
                }
                readyOrCancelled.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1))); // the timeout is a backstop only
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(Status.UNAVAILABLE.withDescription("marketdata-svc is stopping; ask again"));
            throw new Stopped("interrupted");
        } finally {
            lock.unlock();
        }
        if (!cancelled) {
            try {
                observer.onNext(message);
                return;
            } catch (StatusRuntimeException e) { // grpc-java refuses a message once the call is cancelled
                if (!cancelled && e.getStatus().getCode() != Status.Code.CANCELLED) throw e;
            }
        }
        over = true;
        throw new Stopped("cancelled by the client");
    }

    /** Ends the stream normally (nothing when it is over already). */
    void complete() {
        if (over || cancelled) return;
        over = true;
        try {
            observer.onCompleted();
        } catch (RuntimeException e) {
            if (!cancelled) throw e;
        }
    }

    /** Ends the stream with an error (nothing when it is over already). */
    void fail(Status status) {
        if (over || cancelled) return;
        over = true;
        try {
            observer.onError(status.asRuntimeException());
        } catch (RuntimeException e) {
            if (!cancelled) throw e;
        }
    }

    private void wake() {
        lock.lock();
        try {
            readyOrCancelled.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
