package blackbox.oms.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Items queued in order and handed out in batches: at most {@code maxCalls} batches out at once, at most
 * {@code maxBatch} items in one and {@code maxItems} items out in all. While batches are out the next items gather
 * into the next batch — one call per batch instead of one per item, and no timer: an item that comes when nothing is
 * out leaves at once, alone. {@code GatewaySender} runs its {@code SendOrders} and {@code CancelOrders} calls through
 * one each.
 *
 * <p>Thread-safe: {@link #add} and {@link #done} from any thread; {@code start} runs on the thread that added an item or
 * finished a batch, outside the lock, and must return without blocking (it starts an async call).
 */
final class BatchPipeline<T> {
    private final int maxCalls;
    private final int maxBatch;
    private final int maxItems;
    private final Consumer<List<T>> start;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private int calls; // guarded by lock
    private int items; // out, guarded by lock

    /**
     * @param start starts the call of one batch (non-empty, queue order); the call must end with {@link #done} of
     *              that batch's size exactly once, whatever becomes of it
     */
    BatchPipeline(int maxCalls, int maxBatch, int maxItems, Consumer<List<T>> start) {
        if (maxCalls < 1 || maxBatch < 1 || maxItems < 1) {
            throw new IllegalArgumentException("bounds must be >= 1: maxCalls=" + maxCalls + " maxBatch=" + maxBatch + " maxItems=" + maxItems);
        }
        this.maxCalls = maxCalls;
        this.maxBatch = maxBatch;
        this.maxItems = maxItems;
        this.start = start;
    }

    /** Queues an item and starts what the bounds allow. */
    void add(T item) {
        queue.add(item);
        drain();
    }

    /** A batch of {@code size} items is answered (or failed): frees its room and starts what waits. */
    void done(int size) {
        synchronized (lock) {
            calls--;
            items -= size;
        }
        drain();
    }

    /** Items in batches out now. */
    int out() {
        synchronized (lock) {
            return items;
        }
    }

    private void drain() {
        while (true) {
            List<T> batch = new ArrayList<>();
            synchronized (lock) {
                int room = Math.min(maxBatch, maxItems - items);
                if (calls >= maxCalls || room <= 0 || queue.isEmpty()) return;
                T t;
                while (batch.size() < room && (t = queue.poll()) != null) batch.add(t);
                if (batch.isEmpty()) return;
                calls++;
                items += batch.size();
            }
            start.accept(batch);
        }
    }
}
