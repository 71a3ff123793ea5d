package blackbox.risk.service;

import blackbox.risk.core.LimitBook;
import blackbox.risk.core.LimitRow;
import blackbox.risk.core.RiskSnapshot;
import blackbox.risk.events.RiskEvent;
import blackbox.risk.store.PgRiskStore;
import blackbox.risk.store.StoreUnavailableException;
import blackbox.risk.store.StoredLimit;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchBoard;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The in-process risk state a check reads: limits and kill switches as PostgreSQL has them, kept current by the
 * Redis broadcast ({@code RedisRiskLink}). Fail closed: it starts unknown, turns unknown whenever the broadcast is
 * down, and is known again only after a full re-read from PostgreSQL ({@link #resync}).
 *
 * <p>Broadcast changes carry their change number: the next number is applied as it comes, an older one is
 * ignored, a gap means messages were missed and the view re-reads PostgreSQL.
 *
 * <p>Thread-safe. {@link #checkLock()} serializes checks with the install of a new limit book (the throttle
 * windows move from the old book to the new one).
 */
public final class RiskView {
    private final PgRiskStore store;
    private final LongSupplier clock;
    private final Consumer<RiskEvent> events;
    private final Object checkLock = new Object();
    private volatile RiskSnapshot snapshot = RiskSnapshot.UNKNOWN;
    private boolean linkUp; // guarded by this

    /**
     * @param clock UTC epoch nanoseconds, for events
     */
    public RiskView(PgRiskStore store, LongSupplier clock, Consumer<RiskEvent> events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A view fixed at {@code snapshot} that follows nothing (benchmarks, tools): {@link #resync} and the broadcast
     * methods must not be called on it.
     */
    public static RiskView fixed(RiskSnapshot snapshot) {
        RiskView v = new RiskView(null, () -> 0, e -> { });
        v.snapshot = snapshot;
        return v;
    }

    /** What checks read now. */
    public RiskSnapshot snapshot() {
        return snapshot;
    }

    Object checkLock() {
        return checkLock;
    }

    /**
     * The broadcast is down (Redis connection lost, subscription gone): every new order is denied from now until
     * {@link #resync} after the link is back.
     */
    public synchronized void linkDown(String reason) {
        linkUp = false;
        if (snapshot.known()) {
            snapshot = snapshot.unknown(reason);
            events.accept(new RiskEvent.StateKnown(clock.getAsLong(), false, reason));
        }
    }

    /** The subscription is (again) active: re-read PostgreSQL, then the state is known. */
    public synchronized void linkUp() throws StoreUnavailableException {
        linkUp = true;
        resync();
    }

    /** Is the subscription active? */
    public synchronized boolean isLinkUp() {
        return linkUp;
    }

    /**
     * Re-reads limits and switches from PostgreSQL. Known afterwards only if the link is up.
     *
     * @throws StoreUnavailableException the state stays as it was (unknown stays unknown)
     */
    public synchronized void resync() throws StoreUnavailableException {
        long version = store.latestVersion();
        List<KillSwitch> switches = store.switches();
        List<LimitRow> rows = store.limits().stream().map(StoredLimit::row).toList();
        LimitBook book = LimitBook.build(rows);
        boolean wasKnown = snapshot.known();
        install(new RiskSnapshot(book, SwitchBoard.of(switches, version), linkUp, linkUp ? "" : "Redis broadcast not subscribed"));
        if (linkUp && !wasKnown) events.accept(new RiskEvent.StateKnown(clock.getAsLong(), true, "re-read from PostgreSQL at change " + version));
    }

    /** A switch change from the broadcast (or made by this process). */
    public synchronized void onSwitch(KillSwitch change) throws StoreUnavailableException {
        long current = snapshot.switches().version();
        if (change.version() <= current) return;
        if (change.version() != current + 1) {
            resync();
            return;
        }
        snapshot = snapshot.withSwitches(snapshot.switches().with(change));
    }

    /** Limits changed (change {@code version}): re-read them. */
    public synchronized void onLimitsChanged(long version) throws StoreUnavailableException {
        long current = snapshot.switches().version();
        if (version <= current) return;
        if (version != current + 1) {
            resync();
            return;
        }
        LimitBook book = LimitBook.build(store.limits().stream().map(StoredLimit::row).toList());
        install(new RiskSnapshot(book, SwitchBoard.of(snapshot.switches().restricted(), version), snapshot.known(),
                snapshot.unknownBecause()));
    }

    /**
     * Applies a restrictive change locally that could not be persisted (PostgreSQL away): in force in this process
     * until the next re-read.
     */
    public synchronized void overlay(KillSwitch change) {
        snapshot = snapshot.withSwitches(snapshot.switches().with(change.withVersion(snapshot.switches().version())));
    }

    private void install(RiskSnapshot next) {
        synchronized (checkLock) {
            next.limits().carryOverWindows(snapshot.limits());
            snapshot = next;
        }
    }
}
