package blackbox.oms.engine;

import blackbox.oms.store.StoredEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Committed events to their live readers (StreamOrderEvents), in sequence order: the writer publishes after each
 * commit, on its thread, so what a subscriber receives is gap-free and in commit order from the moment it subscribed.
 * {@link #subscribe} returns the last sequence published before the subscription, so a reader replays the stored events
 * up to it and takes the rest from here with neither gap nor duplicate. Subscribers must not block. Thread-safe.
 */
public final class EventHub implements OrderWriter.Listener {
    private final Object lock = new Object();
    private final List<Consumer<StoredEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long lastPublished;

    /** @param lastSequence the highest sequence committed before the writer started */
    public EventHub(long lastSequence) {
        this.lastPublished = lastSequence;
    }

    /** Adds a subscriber; every event with a sequence above the returned one goes to it. */
    public long subscribe(Consumer<StoredEvent> subscriber) {
        synchronized (lock) {
            subscribers.add(subscriber);
            return lastPublished;
        }
    }

    public void unsubscribe(Consumer<StoredEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    public long lastPublished() {
        synchronized (lock) {
            return lastPublished;
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    @Override
    public void committed(List<OrderWriter.Change> changes) {
        synchronized (lock) {
            for (OrderWriter.Change c : changes) {
                for (Consumer<StoredEvent> s : subscribers) s.accept(c.event());
                lastPublished = c.event().sequence();
            }
        }
    }
}
