package blackbox.marketdata.ingest;

import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.platform.domain.InstrumentId;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trades a restarted marketdata-svc missed while it was down: the newest stored trade of each instrument it ingests
 * is read at start, before any new trade can be stored ({@link #markStartingPoints}); on the first connection to the
 * gateway each is backfilled from there over the next day ({@link Backfill}: stored
 * trades are skipped, the others stored and streamed to consumers as repaired ones, the window logged with reason
 * {@value #REASON}). Without it, trades the gateway delivered while nobody listened would be lost for good: they are
 * not a hole in the numbers the new process can see, nor a gateway gap.
 *
 * <p>Runs once per process, on a backfill thread; a gateway or database failure is retried with back-off until it
 * works or the service stops.
 */
public final class RestartCatchUp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestartCatchUp.class);
    public static final String REASON = "restart catch-up";
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final Backfill backfill;
    private final TradeStore store;
    private final Supplier<Iterable<InstrumentId>> ingesting;
    private final ExecutorService executor;
    private final AtomicBoolean started = new AtomicBoolean();
    private final java.util.Map<InstrumentId, Long> from = new java.util.LinkedHashMap<>();
    private volatile boolean closed;
    private volatile boolean done;

    /** @param executor runs the catch-up (a backfill thread) */
    public RestartCatchUp(Backfill backfill, TradeStore store, Supplier<Iterable<InstrumentId>> ingesting, ExecutorService executor) {
        this.backfill = backfill;
        this.store = store;
        this.ingesting = ingesting;
        this.executor = executor;
    }

    /**
     * Reads where each ingested instrument's stored trades end. Call once at start, before the gateway feed runs:
     * afterwards new trades would move the point past the window that was missed.
     *
     * @throws StoreUnavailableException when PostgreSQL cannot be read
     */
    public synchronized void markStartingPoints() throws StoreUnavailableException {
        for (InstrumentId instrument : ingesting.get()) {
            OptionalLong newest = store.newestTime(instrument);
            if (newest.isPresent()) from.put(instrument, newest.getAsLong());
        }
    }

    /** The gateway stream is open (called on every connection): the first call starts the catch-up. */
    public void onConnected() {
        if (started.compareAndSet(false, true)) executor.execute(this::run);
    }

    /** @return true once every instrument ingested at the first connection was caught up */
    public boolean done() {
        return done;
    }

    private void run() {
        java.util.Map<InstrumentId, Long> points;
        synchronized (this) {
            points = new java.util.LinkedHashMap<>(from);
        }
        for (var e : points.entrySet()) {
            InstrumentId instrument = e.getKey();
            long start = e.getValue();
            long backoffMs = 500;
            while (!closed) {
                try {
                    Backfill.Progress p = backfill.run(instrument, start, start + DAY_NANOS, () -> closed, x -> { }, REASON);
                    log.info("{}: caught up after the restart from its newest stored trade: {} trades from the gateway, {} new",
                            instrument, p.received(), p.stored());
                    break;
                } catch (Backfill.GatewayFailure | StoreUnavailableException ex) {
                    log.warn("{}: catching up after the restart failed ({}); retrying in {} ms", instrument, ex.getMessage(), backoffMs);
                    try {
                        Thread.sleep(backoffMs);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                    backoffMs = Math.min(backoffMs * 2, 10_000);
                } catch (java.util.concurrent.CancellationException ex) {
                    return;
                }
            }
        }
        done = !closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
