package blackbox.risk.breakers;

import blackbox.oms.v1.OrderEvent;
import blackbox.oms.v1.OrderEventType;
import blackbox.platform.domain.AccountId;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import blackbox.risk.positions.PositionsReader;
import blackbox.risk.service.RiskDesk;
import blackbox.risk.switches.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the pure {@link CircuitBreaker} from the services around risk-svc and applies its trips through
 * {@link RiskDesk#trip}:
 * <ul>
 *   <li>venue rejects: oms-svc's REJECTED order events (live ones only), counted for the order's account and its
 *       strategy (if any) — not for the desk: a block refused whole (one reject in each of 200 accounts) is a problem
 *       of that block, not a reason to stop every account;</li>
 *   <li>drawdown: positions-svc's P&amp;L per account (realized + unrealized at the mark) and the desk's sum;</li>
 *   <li>routing loss: the gateway's routing connection going from connected to not connected.</li>
 * </ul>
 * Each feed may be off (configuration). Every input is handed to one thread ({@code worker}), which owns the
 * breaker and runs the trips (a trip may wait for the other views: it never runs on a gRPC thread).
 */
public final class BreakerFeeds {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerFeeds.class);

    private final CircuitBreaker breaker;
    private final Drawdowns drawdowns = new Drawdowns();
    private final Consumer<CircuitBreaker.Trip> trip;
    private final ExecutorService worker;
    private final boolean rejectsOn;
    private final boolean drawdownOn;
    private final boolean routingOn;
    private volatile long trips;

    /**
     * @param trip applies a trip (the service: {@code RiskDesk::trip})
     * @param worker a single thread
     */
    public BreakerFeeds(CircuitBreaker.Rules rules, boolean rejectsOn, boolean drawdownOn, boolean routingOn,
                        Consumer<CircuitBreaker.Trip> trip, ExecutorService worker) {
        this.breaker = new CircuitBreaker(rules);
        this.rejectsOn = rejectsOn;
        this.drawdownOn = drawdownOn;
        this.routingOn = routingOn;
        this.trip = trip;
        this.worker = worker;
    }

    /** For {@code OrderEventFeed}: a REJECTED event seen live counts; everything else is ignored. */
    public void onOrderEvent(OrderEvent event, boolean replayed) {
        if (!rejectsOn || replayed || event.getType() != OrderEventType.ORDER_EVENT_TYPE_REJECTED) return;
        worker.execute(() -> {
            List<Scope> scopes = new ArrayList<>();
            if (AccountId.valid(event.getAccount())) scopes.add(Scope.account(new AccountId(event.getAccount())));
            if (!event.getStrategyId().isEmpty()) {
                try {
                    scopes.add(Scope.strategy(new StrategyId(event.getStrategyId())));
                } catch (IllegalArgumentException e) {
                    // a strategy name risk-svc cannot key a scope by: its account and the desk still count
                }
            }
            for (Scope s : scopes) apply(breaker.onVenueReject(s, event.getTsEvent(), event.getText()));
        });
    }

    /** The gateway's routing connection state at {@code tsNanos}. */
    public void onRouting(boolean connected, long tsNanos) {
        if (!routingOn) return;
        worker.execute(() -> apply(breaker.onRouting(connected, tsNanos)));
    }

    /** Every account's P&amp;L now (positions-svc): each account's drawdown and the desk's. */
    public void onPositions(PositionsReader.Snapshot snapshot, long tsNanos) {
        if (!drawdownOn) return;
        worker.execute(() -> {
            Map<AccountId, Long> pnl = new TreeMap<>();
            long desk = 0;
            for (PositionsReader.Holding h : snapshot.holdings()) {
                pnl.merge(h.account(), h.pnl(), Math::addExact);
                desk = Math.addExact(desk, h.pnl());
            }
            for (Map.Entry<AccountId, Long> e : pnl.entrySet()) {
                Scope s = Scope.account(e.getKey());
                apply(breaker.onDrawdown(s, drawdowns.update(s, e.getValue()), tsNanos));
            }
            apply(breaker.onDrawdown(Scope.DESK, drawdowns.update(Scope.DESK, desk), tsNanos));
        });
    }

    /** Is the drawdown breaker on (the service then polls positions-svc)? */
    public boolean drawdownOn() {
        return drawdownOn;
    }

    /** Trips applied so far. */
    public long trips() {
        return trips;
    }

    private void apply(Optional<CircuitBreaker.Trip> t) {
        if (t.isEmpty()) return;
        trips++;
        LOG.warn("circuit breaker trips {} to {}: {}", t.get().scope().label(), t.get().command().target(), t.get().command().why());
        try {
            trip.accept(t.get());
        } catch (RuntimeException e) {
            LOG.error("circuit breaker trip of {} failed", t.get().scope().label(), e);
        }
    }
}
