package blackbox.testkit;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Records what a gRPC server stream sends, in order, and how it ended. Its {@code await} methods fail with the
 * stream's status as soon as the stream fails (or completes) before the awaited state, instead of timing out
 * with nothing to go on.
 *
 * <p>Thread-safe: gRPC calls the observer methods on its threads, the test reads on its own.
 *
 * @param <T> the message type
 */
public final class StreamCollector<T> implements StreamObserver<T> {
    private static final Duration POLL = Duration.ofMillis(10);

    private final List<T> items = new ArrayList<>();
    private Status error;
    private Throwable cause;
    private boolean completed;

    @Override
    public synchronized void onNext(T value) {
        items.add(value);
    }

    @Override
    public synchronized void onError(Throwable t) {
        error = Status.fromThrowable(t);
        cause = t;
    }

    @Override
    public synchronized void onCompleted() {
        completed = true;
    }

    /** A snapshot of the messages received so far, in arrival order. */
    public synchronized List<T> items() {
        return List.copyOf(items);
    }

    public synchronized int size() {
        return items.size();
    }

    /** The status the stream failed with, if it did. */
    public synchronized Optional<Status> error() {
        return Optional.ofNullable(error);
    }

    /** True when the server completed the stream normally. */
    public synchronized boolean completed() {
        return completed;
    }

    /**
     * Waits until {@code condition} holds for the messages received so far.
     *
     * @param what what is awaited, for the failure message
     * @return the messages when it held
     * @throws AssertionError naming {@code what} and the stream's status when the stream failed first (with the
     *     error as cause), or completed first, or when {@code timeout} passed
     */
    public List<T> await(Predicate<List<T>> condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> snapshot;
            Status failed;
            Throwable failure;
            boolean done;
            synchronized (this) {
                snapshot = List.copyOf(items);
                failed = error;
                failure = cause;
                done = completed;
            }
            if (condition.test(snapshot)) return snapshot;
            if (failed != null) {
                throw new AssertionError("the stream failed with " + describe(failed) + " before " + what.get() + " ("
                        + snapshot.size() + " messages received)", failure);
            }
            if (done) {
                throw new AssertionError("the stream completed before " + what.get() + " (" + snapshot.size()
                        + " messages received)");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TestStack.seconds(timeout) + " waiting for " + what.get()
                        + " (" + snapshot.size() + " messages received, the stream still open)");
            }
            Thread.sleep(POLL);
        }
    }

    /** {@link #await(Predicate, Duration, Supplier)} with a fixed description. */
    public List<T> await(Predicate<List<T>> condition, Duration timeout, String what) throws InterruptedException {
        return await(condition, timeout, () -> what);
    }

    /** Waits for at least {@code count} messages. */
    public List<T> awaitCount(int count, Duration timeout) throws InterruptedException {
        return await(received -> received.size() >= count, timeout, () -> count + " messages");
    }

    /**
     * Waits until the stream ends with an error, and returns its status.
     *
     * @throws AssertionError when it completes normally or {@code timeout} passes first
     */
    public Status awaitError(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                if (error != null) return error;
                if (completed) throw new AssertionError("the stream completed normally; an error was expected");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TestStack.seconds(timeout) + " waiting for the stream to fail");
            }
            Thread.sleep(POLL);
        }
    }

    private static String describe(Status status) {
        return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    }
}
