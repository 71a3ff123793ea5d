package blackbox.candles.jobs;

import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.RangeRebuilder;
import blackbox.candles.engine.CandleEngine;
import blackbox.candles.feed.MarketDataClient;
import blackbox.candles.store.ReprocessRequests.Request;
import blackbox.candles.store.ReprocessRequests;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.gateway.v1.Trade;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reprocess job: rebuilds candles of a range from marketdata-svc's stored trades (edits applied), one trading
 * day at a time, through the {@link CandleEngine} (the only writer). Idempotent: a range rebuilt twice gives the same
 * candles.
 *
 * <p>Runs the pending {@code candles.reprocess_requests} (late trades, edits of trades no longer held, catch-ups) on
 * its own thread, every {@code pollInterval} and when {@linkplain #wake woken}, coalescing the requests of an
 * instrument; a request whose rebuild fails (marketdata-svc away) stays pending and is tried again. A range can also
 * be {@linkplain #rebuild rebuilt} on request (gRPC Reprocess and Backfill), on the caller's thread.
 */
public final class ReprocessJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReprocessJob.class);

    /** Progress of one rebuild. */
    public interface Progress {
        /**
         * @param percent 0..100 of the range's time span done
         * @param trades trades read so far
         * @param candles 1-minute candles written so far
         */
        void update(int percent, long trades, long candles);
    }

    private final ExchangeBuckets buckets;
    private final MarketDataClient marketData;
    private final CandleEngine engine;
    private final ReprocessRequests requests;
    private final LongSupplier wallClock;
    private final long pollMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "candle-reprocess");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong rangesDone = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    public ReprocessJob(ExchangeBuckets buckets, MarketDataClient marketData, CandleEngine engine,
                        ReprocessRequests requests, LongSupplier wallClock, java.time.Duration pollInterval) {
        this.buckets = buckets;
        this.marketData = marketData;
        this.engine = engine;
        this.requests = requests;
        this.wallClock = wallClock;
        this.pollMillis = pollInterval.toMillis();
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::runPending, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs the pending requests soon (any thread). */
    public void wake() {
        if (running) executor.execute(this::runPending);
    }

    /** Recorded ranges rebuilt since start. */
    public long rangesDone() {
        return rangesDone.get();
    }

    public long failures() {
        return failures.get();
    }

    private void runPending() {
        try {
            List<Request> pending = requests.pending(1_000);
            if (pending.isEmpty()) return;
            Map<InstrumentId, List<Request>> byInstrument = new HashMap<>();
            for (Request r : pending) byInstrument.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r);
            for (var entry : byInstrument.entrySet()) {
                if (!running) return;
                // one rebuild per instrument over the union of its requests: ranges are short and close together
                long from = entry.getValue().stream().mapToLong(Request::fromNanos).min().orElseThrow();
                long to = entry.getValue().stream().mapToLong(Request::toNanos).max().orElseThrow();
                try {
                    rebuild(entry.getKey(), from, to, (p, t, c) -> { });
                    requests.done(entry.getValue().stream().map(Request::id).toList());
                    rangesDone.addAndGet(entry.getValue().size());
                } catch (io.grpc.StatusRuntimeException e) {
                    failures.incrementAndGet();
                    log.warn("reprocessing {} failed ({}); will retry", entry.getKey(), e.getStatus());
                }
            }
        } catch (StoreUnavailableException e) {
            log.warn("reprocess job: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.error("reprocess job: {}", e.toString(), e);
        }
    }

    /**
     * Rebuilds the candles of [fromNanos, toNanos) (UTC epoch ns; {@code toNanos} may be {@link Long#MAX_VALUE}:
     * up to the last stored trade) from the stored trades; returns once every rebuilt candle is stored.
     *
     * @return 1-minute candles written
     * @throws io.grpc.StatusRuntimeException when marketdata-svc fails the read (nothing of the failed day is written)
     * @throws InterruptedException when interrupted
     */
    public long rebuild(InstrumentId instrument, long fromNanos, long toNanos, Progress progress)
            throws InterruptedException {
        long[] written = {0};
        long span = Math.max(1, (toNanos == Long.MAX_VALUE ? Math.max(fromNanos + 1, wallClock.getAsLong()) : toNanos)
                - fromNanos);
        RangeRebuilder rebuilder = new RangeRebuilder(buckets.of(instrument.exchange()), instrument, fromNanos, toNanos,
                range -> {
                    try {
                        written[0] += engine.replace(range).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("applying a rebuilt range failed: " + e.getCause(), e.getCause());
                    }
                });
        marketData.readTrades(instrument, fromNanos, toNanos, batch -> {
            for (Trade t : batch) {
                rebuilder.accept(t.getTimeNanos(), t.getPrice(), t.getQuantity(), Integer.toUnsignedLong(t.getTradeNumber()), t.getTradeType());
            }
            int percent = (int) Math.min(99, Math.max(0, (rebuilder.position() - fromNanos) * 100.0 / span));
            progress.update(percent, rebuilder.trades(), written[0]);
        });
        rebuilder.finish();
        if (Thread.interrupted()) throw new InterruptedException();
        progress.update(100, rebuilder.trades(), written[0]);
        return written[0];
    }

    @Override
    public void close() {
        running = false;
        executor.shutdownNow();
    }
}
