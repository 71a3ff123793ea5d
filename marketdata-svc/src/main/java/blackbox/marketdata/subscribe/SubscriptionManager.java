package blackbox.marketdata.subscribe;

import blackbox.marketdata.core.ReferenceCounts;
import blackbox.marketdata.gateway.GatewayClient;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.SubscriptionStore;
import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' subscriptions and the ingestion they drive. PostgreSQL holds the lists (rebuilt into
 * {@link ReferenceCounts} at start); the first subscriber of an instrument starts ingestion at the gateway,
 * the last one stops it after the grace period. Operations on one instrument are serialized by a lock of
 * that instrument, so concurrent users never leave the count and the gateway out of step; different
 * instruments proceed in parallel.
 */
public final class SubscriptionManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionManager.class);

    /** The outcome of a user's request, or why it failed. */
    public sealed interface Result {
        record Done(boolean changed, int referenceCount) implements Result {
        }

        /** The DLL does not know the ticker; nothing was kept. */
        record UnknownTicker(InstrumentId instrument, String detail) implements Result {
        }

        /** The gateway or the database could not be reached; nothing was kept. */
        record Unavailable(String detail) implements Result {
        }
    }

    private final SubscriptionStore store;
    private final GatewayClient gateway;
    private final ReferenceCounts counts;
    private final LongSupplier clock;
    private final Map<InstrumentId, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** What ingestion accepts, readable without a lock on every trade. */
    private final java.util.Set<InstrumentId> ingestingNow = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingestion-stopper");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param clock nanoseconds for the grace period (System::nanoTime in production)
     */
    public SubscriptionManager(SubscriptionStore store, GatewayClient gateway, Duration grace, LongSupplier clock) {
        this.store = store;
        this.gateway = gateway;
        this.counts = new ReferenceCounts(grace);
        this.clock = clock;
        long checkEvery = Math.max(50, Math.min(1_000, grace.toMillis() / 4));
        stopper.scheduleWithFixedDelay(this::stopDue, checkEvery, checkEvery, TimeUnit.MILLISECONDS);
    }

    /** Rebuilds the counts from PostgreSQL; returns the instruments to ingest. */
    public List<InstrumentId> loadFromStore() throws StoreUnavailableException {
        Map<String, List<InstrumentId>> byUser = store.all();
        List<InstrumentId> ingesting = new ArrayList<>(counts.load(byUser));
        ingestingNow.addAll(ingesting);
        log.info("{} users' subscriptions loaded; {} instruments to ingest", byUser.size(), ingesting.size());
        return ingesting;
    }

    /** Instruments currently ingested (count > 0, or in their grace period), alphabetically. */
    public List<InstrumentId> ingesting() {
        return List.copyOf(counts.ingesting().keySet());
    }

    /** True while the instrument has subscribers or is inside its grace period. Lock-free; any thread. */
    public boolean isIngesting(InstrumentId instrument) {
        return ingestingNow.contains(instrument);
    }

    /** Instruments with their counts and whether they are stopping. */
    public Map<InstrumentId, ReferenceCounts.Ingestion> ingestion() {
        return counts.ingesting();
    }

    /** Makes the gateway subscribe to everything ingested (at start and after the gateway comes back). */
    public void reconcileGateway() {
        for (InstrumentId instrument : ingesting()) {
            withLock(instrument, () -> {
                var r = gateway.subscribe(instrument);
                if (!(r instanceof GatewayClient.SubscribeResult.Subscribed)) {
                    log.warn("gateway did not take {} on reconciliation: {}", instrument, r);
                }
                return null;
            });
        }
    }

    public Result subscribe(String userId, InstrumentId instrument) {
        return withLock(instrument, () -> {
            boolean needsGateway = !counts.ingesting().containsKey(instrument);
            if (needsGateway) {
                switch (gateway.subscribe(instrument)) {
                    case GatewayClient.SubscribeResult.UnknownTicker u -> {
                        return new Result.UnknownTicker(instrument, u.message());
                    }
                    case GatewayClient.SubscribeResult.Unavailable u -> {
                        return new Result.Unavailable("gateway: " + u.status().getCode() + " " + u.status().getDescription());
                    }
                    case GatewayClient.SubscribeResult.Subscribed s -> {
                    }
                }
            }
            try {
                store.add(userId, instrument);
            } catch (StoreUnavailableException e) {
                if (needsGateway) gateway.unsubscribe(instrument);
                return new Result.Unavailable("database: " + e.getMessage());
            }
            var outcome = counts.subscribe(userId, instrument, clock.getAsLong());
            ingestingNow.add(instrument);
            if (outcome.action() == ReferenceCounts.Action.START_INGESTION) log.info("ingestion of {} started", instrument);
            return new Result.Done(outcome.newlySubscribed(), outcome.referenceCount());
        });
    }

    public Result unsubscribe(String userId, InstrumentId instrument) {
        return withLock(instrument, () -> {
            try {
                store.remove(userId, instrument);
            } catch (StoreUnavailableException e) {
                return new Result.Unavailable("database: " + e.getMessage());
            }
            var outcome = counts.unsubscribe(userId, instrument, clock.getAsLong());
            if (outcome.action() == ReferenceCounts.Action.SCHEDULE_STOP) log.info("{} has no subscriber left: stopping after the grace period", instrument);
            return new Result.Done(outcome.wasSubscribed(), outcome.referenceCount());
        });
    }

    /** The user's list, alphabetically. */
    public List<InstrumentId> list(String userId) {
        return counts.list(userId);
    }

    private void stopDue() {
        try {
            for (InstrumentId instrument : counts.dueStops(clock.getAsLong())) {
                withLock(instrument, () -> {
                    if (counts.referenceCount(instrument) == 0) {
                        ingestingNow.remove(instrument);
                        gateway.unsubscribe(instrument);
                        log.info("ingestion of {} stopped", instrument);
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.error("stopping ingestion failed", e);
        }
    }

    private <T> T withLock(InstrumentId instrument, java.util.function.Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(instrument, i -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stopper.shutdownNow();
    }
}
