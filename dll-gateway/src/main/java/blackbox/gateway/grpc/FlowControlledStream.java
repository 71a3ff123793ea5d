package blackbox.gateway.grpc;

import blackbox.gateway.v1.Trade;
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
 * {@code isReady()}, packing consecutive trades into one batch message. When a client reads too slowly and
 * the buffer fills, the stream ends with RESOURCE_EXHAUSTED naming the bound; the producer never waits and
 * memory never grows past the bound.
 *
 * @param <M> the stream's message type
 */
final class FlowControlledStream<M> {
    private final ServerCallStreamObserver<M> observer;
    private final MpscArrayQueue<Object> queue;
    private final int capacity;
    private final int maxBatch;
    private final Function<List<Trade>, M> batchMessage;
    private final Executor executor;
    private final AtomicInteger wip = new AtomicInteger();
    private final List<Trade> batch = new ArrayList<>();
    private final List<Runnable> cancelActions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean overflowed;
    private volatile boolean cancelled;
    private volatile Status failure;
    private volatile boolean completeRequested;
    private boolean done; // drain thread only

    @SuppressWarnings("unchecked")
    FlowControlledStream(ServerCallStreamObserver<M> observer, int capacity, int maxBatch,
                         Function<List<Trade>, M> batchMessage, Executor executor) {
        this.observer = observer;
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
    void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    /** Queues a trade or a message; false when the stream is over or full (then it ends RESOURCE_EXHAUSTED). */
    boolean offer(Object tradeOrMessage) {
        if (cancelled || overflowed || failure != null) return false;
        if (!queue.offer(tradeOrMessage)) {
            overflowed = true;
            signal();
            return false;
        }
        return true;
    }

    /** Ends the stream normally once everything queued is sent. */
    void complete() {
        completeRequested = true;
        signal();
    }

    /** Ends the stream at once with an error. */
    void fail(Status status) {
        failure = status;
        signal();
    }

    boolean isOver() {
        return cancelled || overflowed || failure != null;
    }

    /** Schedules a drain unless one is running (it will see the new items). */
    void signal() {
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
                            if (first instanceof Trade trade) {
                                batch.add(trade);
                                while (batch.size() < maxBatch && queue.peek() instanceof Trade next) {
                                    queue.poll();
                                    batch.add(next);
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
