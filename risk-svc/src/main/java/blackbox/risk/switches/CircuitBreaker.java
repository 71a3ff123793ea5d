package blackbox.risk.switches;

import blackbox.risk.core.Money;
import blackbox.risk.core.Scope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Automatic circuit breakers, pure: fed venue rejects, drawdown updates and routing-state changes with their
 * timestamps (UTC epoch ns), they answer the switch command to apply, if any. No clock, no I/O; not thread-safe
 * (one feeding thread).
 *
 * <ul>
 *   <li>{@code rejects} venue rejects of one scope within {@code window}: trips that scope to {@code onRejects};
 *       the count starts again after a trip;</li>
 *   <li>a scope's drawdown (loss from its peak, money at {@link Money#SCALE}) above {@code drawdownLimit}: trips
 *       it to {@code onDrawdown}, once per crossing (re-armed when it comes back under);</li>
 *   <li>the gateway losing its routing connection: trips the desk to {@code onRoutingLoss}, once per loss.</li>
 * </ul>
 */
public final class CircuitBreaker {
    /** The thresholds, from configuration. */
    public record Rules(int rejects, Duration window, SwitchState onRejects, long drawdownLimit, SwitchState onDrawdown,
                        SwitchState onRoutingLoss) {
        public Rules {
            if (rejects < 1) throw new IllegalArgumentException("rejects must be >= 1: rejects=" + rejects);
            if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be > 0: window=" + window);
            if (drawdownLimit < 0) throw new IllegalArgumentException("drawdownLimit must be >= 0: drawdownLimit=" + drawdownLimit);
        }
    }

    /** A command for one scope's switch. */
    public record Trip(Scope scope, SwitchCommand.CircuitBreak command) {
    }

    private final Rules rules;
    private final Map<Scope, ArrayDeque<Long>> rejects = new HashMap<>();
    private final Set<Scope> overDrawdown = new HashSet<>();
    private boolean routingConnected = true;

    public CircuitBreaker(Rules rules) {
        this.rules = rules;
    }

    /** One venue reject of an order in {@code scope} at {@code tsNanos}. */
    public Optional<Trip> onVenueReject(Scope scope, long tsNanos, String text) {
        ArrayDeque<Long> times = rejects.computeIfAbsent(scope, s -> new ArrayDeque<>());
        times.addLast(tsNanos);
        long from = tsNanos - rules.window().toNanos();
        while (!times.isEmpty() && times.peekFirst() <= from) times.removeFirst();
        if (times.size() < rules.rejects()) return Optional.empty();
        times.clear();
        return Optional.of(new Trip(scope, new SwitchCommand.CircuitBreak(rules.onRejects(), rules.rejects()
                + " venue rejects in " + rules.window().toSeconds() + " s, the last: " + text)));
    }

    /** The scope's drawdown now (≥ 0, money at {@link Money#SCALE}). */
    public Optional<Trip> onDrawdown(Scope scope, long drawdown, long tsNanos) {
        if (drawdown <= rules.drawdownLimit()) {
            overDrawdown.remove(scope);
            return Optional.empty();
        }
        if (!overDrawdown.add(scope)) return Optional.empty();
        return Optional.of(new Trip(scope, new SwitchCommand.CircuitBreak(rules.onDrawdown(), "drawdown "
                + Money.brl(drawdown) + " beyond the limit " + Money.brl(rules.drawdownLimit()))));
    }

    /** The gateway's routing connection state ({@code RoutingState.connected}). */
    public Optional<Trip> onRouting(boolean connected, long tsNanos) {
        boolean was = routingConnected;
        routingConnected = connected;
        if (connected || !was) return Optional.empty();
        return Optional.of(new Trip(Scope.DESK, new SwitchCommand.CircuitBreak(rules.onRoutingLoss(),
                "the gateway lost its routing connection")));
    }
}
