package blackbox.marketdata.ingest;

import blackbox.marketdata.core.BatchPolicy;
import blackbox.marketdata.core.Spool;
import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.platform.health.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes trades to PostgreSQL: it drains the spool into batches (flushed by size or
 * after a short delay), writes each batch in one transaction, and when the database is unreachable keeps
 * the batch and retries with back-off while the spool absorbs new trades. Health shows the database state;
 * when the spool has dropped trades, their windows are handed to the repair queue once writing works again.
 */
public final class TradeWriterLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TradeWriterLoop.class);
    static final String COMPONENT = "postgresql";

    private final Spool spool;
    private final TradeStore store;
    private final BatchPolicy policy;
    private final int maxRows;
    private final Health health;
    private final SpoolAlarm alarm;
    private final RepairQueue repairs;
    private final Thread thread;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Trades taken from the spool and committed (stored or found stored already); guarded for waits by itself. */
    private final AtomicLong persisted = new AtomicLong();
    private volatile boolean running = true;

    public TradeWriterLoop(Spool spool, TradeStore store, int maxRows, Duration maxDelay, Health health, SpoolAlarm alarm,
                           RepairQueue repairs) {
        this.spool = spool;
        this.store = store;
        this.maxRows = maxRows;
        this.policy = BatchPolicy.of(maxRows, maxDelay);
        this.health = health;
        this.alarm = alarm;
        this.repairs = repairs;
        this.thread = new Thread(this::run, "trade-writer");
        this.thread.setDaemon(true);
        health.report(COMPONENT, Health.Status.up("not written yet"));
    }

    public void start() {
        thread.start();
    }

    /** Trades written (new to the store). */
    public long stored() {
        return stored.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** Failed write attempts (database unreachable). */
    public long failures() {
        return failures.get();
    }

    /** True when every trade the spool has kept so far is committed (none waits in the spool or a batch). */
    public boolean drained() {
        return persisted.get() >= spool.keptTotal();
    }

    /** Trades taken from the spool and committed so far (new to the store or found stored already). */
    public long persisted() {
        return persisted.get();
    }

    /**
     * Waits (calling thread) until the first {@code mark} trades the spool ever kept are committed, so a read
     * issued afterwards sees them. Take the mark from {@code Ingestion.persistMark()} after handing over the
     * trades to wait for.
     *
     * @param mark a value of {@link Spool#keptTotal()}
     * @return true when they are committed; false when the timeout passed first (PostgreSQL away, or the
     *     writer stopped) or the thread was interrupted (its flag is set again)
     */
    public boolean awaitPersisted(long mark, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (persisted) {
            while (persisted.get() < mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    persisted.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void run() {
        List<TradeRow> batch = new ArrayList<>(maxRows);
        long oldest = 0;
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            if (batch.size() < maxRows) {
                int before = batch.size();
                spool.drain(maxRows - batch.size(), batch);
                if (before == 0 && !batch.isEmpty()) oldest = System.nanoTime();
            }
            if (batch.isEmpty()) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            if (!policy.shouldFlush(batch.size(), oldest, System.nanoTime()) && running) {
                LockSupport.parkNanos(500_000);
                continue;
            }
            try {
                TradeStore.WriteResult result = store.write(batch);
                stored.addAndGet(result.stored());
                duplicates.addAndGet(result.duplicates());
                synchronized (persisted) {
                    persisted.addAndGet(batch.size());
                    persisted.notifyAll();
                }
                batch.clear();
                if (!backoff.equals(Duration.ofMillis(100))) {
                    log.info("PostgreSQL reachable again; writing the {} trades spooled meanwhile", spool.size());
                    backoff = Duration.ofMillis(100);
                }
                health.report(COMPONENT, Health.Status.up("writing"));
                alarm.cleared(spool);
                for (var window : spool.takeDroppedWindows()) {
                    repairs.request(window.instrument(), window.fromNanos(), window.toNanos(),
                            window.count() + " trades dropped while the spool was full");
                }
            } catch (StoreUnavailableException e) {
                failures.incrementAndGet();
                if (backoff.equals(Duration.ofMillis(100))) {
                    log.error("PostgreSQL unreachable ({}); keeping {} trades and spooling new ones (spool {} of {})",
                            e.getMessage(), batch.size(), spool.size(), spool.capacity());
                }
                health.report(COMPONENT, Health.Status.down("unreachable: " + e.getMessage()));
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                // a bug or a data error PostgreSQL refuses for good: keep the batch out of the way but say so
                failures.incrementAndGet();
                log.error("writing a batch of {} trades failed and is retried: {}", batch.size(), e.toString(), e);
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    /** Stops after writing what is pending (up to the timeout). */
    @Override
    public void close() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!drained() && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
