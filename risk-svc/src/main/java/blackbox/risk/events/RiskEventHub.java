package blackbox.risk.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans risk events out to every current listener (StreamRiskEvents calls, the log). Thread-safe; listeners must not block. */
public final class RiskEventHub implements Consumer<RiskEvent> {
    private final CopyOnWriteArrayList<Consumer<RiskEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void accept(RiskEvent event) {
        for (Consumer<RiskEvent> l : listeners) l.accept(event);
    }

    /** Adds a listener; run the returned action to remove it. */
    public Runnable subscribe(Consumer<RiskEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
