package blackbox.platform.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jctools.queues.MpscArrayQueue;

/**
 * A server stream that respects gRPC flow control with bounded memory. Producers {@link #offer} items from
 * any thread; a drain task, serialized by a work-in-progress counter, sends them while the transport
 * {@code isReady()}, packing consecutive items of the batch type (e.g. trades) into one batch message;
 * anything else offered must already be a stream message. When a client reads too slowly and
 * the buffer fills, the stream ends with RESOURCE_EXHAUSTED naming the bound; the producer never waits and
 * memory never grows past the bound.
 *
 * @param <M> the stream's message type
 * @param <T> the type of the items packed into batch messages
 */
public final class FlowControlledStream<M, T> {
    private final ServerCallStreamObserver<M> observer;
    private final MpscArrayQueue<Object> queue;
    private final int capacity;
    private final int maxBatch;
    private final Class<T> itemType;
    private final Function<List<T>, M> batchMessage;
    private final Executor executor;
    private final AtomicInteger wip = new AtomicInteger();
    private final List<T> batch = new ArrayList<>();
    private final List<Runnable> cancelActions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean overflowed;
    private volatile boolean cancelled;
    private volatile Status failure;
    private volatile boolean completeRequested;
    private boolean done; // drain thread only

    /**
     * @param capacity items buffered before the stream ends with RESOURCE_EXHAUSTED
     * @param maxBatch most items per batch message
     * @param itemType the class of the items that are packed into batches
     * @param batchMessage builds one message from a batch (the list is reused after the call)
     * @param executor runs the drain task
     */
    public FlowControlledStream(ServerCallStreamObserver<M> observer, int capacity, int maxBatch, Class<T> itemType,
                                Function<List<T>, M> batchMessage, Executor executor) {
        this.observer = observer;
        this.itemType = itemType;
        this.capacity = capacity;
        this.queue = new MpscArrayQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.batchMessage = batchMessage;
        this.executor = executor;
        observer.setOnReadyHandler(this::signal);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            cancelActions.forEach(Runnable::run);
        });
    }

    /** Runs {@code action} when the client cancels the call (gRPC thread). */
    public void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    /** Queues an item or a message; false when the stream is over or full (then it ends RESOURCE_EXHAUSTED). */
    public boolean offer(Object tradeOrMessage) {
        if (cancelled || overflowed || failure != null) return false;
        if (!queue.offer(tradeOrMessage)) {
            overflowed = true;
            signal();
            return false;
        }
        return true;
    }

    /** Ends the stream normally once everything queued is sent. */
    public void complete() {
        completeRequested = true;
        signal();
    }

    /** Ends the stream at once with an error. */
    public void fail(Status status) {
        failure = status;
        signal();
    }

    public boolean isOver() {
        return cancelled || overflowed || failure != null;
    }

    /** Schedules a drain unless one is running (it will see the new items). */
    public void signal() {
        if (wip.getAndIncrement() == 0) executor.execute(this::drain);
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        int missed = 1;
        do {
            try {
                if (!done) {
                    if (cancelled) {
                        done = true;
                        queue.clear();
                    } else if (overflowed) {
                        finishWith(Status.RESOURCE_EXHAUSTED.withDescription(
                                "client too slow: more than " + capacity + " messages waiting; reconnect and repair the gap with history"));
                    } else if (failure != null) {
                        finishWith(failure);
                    } else {
                        while (observer.isReady()) {
                            Object first = queue.poll();
                            if (first == null) break;
                            if (itemType.isInstance(first)) {
                                batch.add(itemType.cast(first));
                                Object next;
                                while (batch.size() < maxBatch && itemType.isInstance(next = queue.peek())) {
                                    queue.poll();
                                    batch.add(itemType.cast(next));
                                }
                                observer.onNext(batchMessage.apply(batch));
                                batch.clear();
                            } else {
                                observer.onNext((M) first);
                            }
                        }
                        if (completeRequested && queue.isEmpty()) {
                            done = true;
                            observer.onCompleted();
                        }
                    }
                }
            } catch (RuntimeException e) {
                // the call was cancelled under us: nothing more to send
                done = true;
                queue.clear();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void finishWith(Status status) {
        done = true;
        queue.clear();
        observer.onError(status.asRuntimeException());
    }
}
