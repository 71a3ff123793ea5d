package blackbox.platform.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The health of a service's parts: each component is UP or DOWN with a reason. The service is healthy
 * when every component is UP. Adapters (gRPC health checking, HTTP) listen for changes.
 *
 * <p>Thread-safe; listeners run on the thread that reports the change and must not block.
 */
public final class Health {
    /** A component's state and why. */
    public record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    private final Map<String, Status> components = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<String, Status>> listeners = new CopyOnWriteArrayList<>();

    /** Records a component's status; listeners hear only real changes. */
    public void report(String component, Status status) {
        Status previous = components.put(component, status);
        if (!status.equals(previous)) {
            listeners.forEach(l -> l.accept(component, status));
        }
    }

    public void addListener(BiConsumer<String, Status> listener) {
        listeners.add(listener);
        components.forEach(listener);
    }

    public boolean healthy() {
        return components.values().stream().allMatch(Status::up);
    }

    /** A sorted snapshot of every component. */
    public Map<String, Status> snapshot() {
        return new TreeMap<>(components);
    }
}
