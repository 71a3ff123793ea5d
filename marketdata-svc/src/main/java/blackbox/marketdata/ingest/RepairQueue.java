package blackbox.marketdata.ingest;

import blackbox.marketdata.gateway.GatewayClient;
import blackbox.marketdata.v1.Repaired;
import blackbox.platform.domain.InstrumentId;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs windows of missing trades from the gateway's history, one request at a time (the gateway answers
 * them in order anyway): the recovered trades go through {@link Ingestion} like any other (so they are
 * de-duplicated, stored and streamed), then the consumers get a {@link Repaired} notice. A request that fails
 * (gateway down) is retried with back-off.
 */
public final class RepairQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RepairQueue.class);

    /** Persists a record of each repair (marketdata.repairs). */
    public interface RepairLog {
        void record(InstrumentId instrument, long fromNanos, long toNanos, long recovered, String reason);
    }

    private final GatewayClient gateway;
    private final Supplier<Iterable<InstrumentId>> ingesting;
    private final TradeFanout fanout;
    private final RepairLog repairLog;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trade-repair");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong recoveredTotal = new AtomicLong();
    private Ingestion ingestion;

    public RepairQueue(GatewayClient gateway, Supplier<Iterable<InstrumentId>> ingesting, TradeFanout fanout, RepairLog repairLog) {
        this.gateway = gateway;
        this.ingesting = ingesting;
        this.fanout = fanout;
        this.repairLog = repairLog;
    }

    /** Wires the ingestion (they refer to each other). */
    public void bind(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /** Requests waiting or running. */
    public long pending() {
        return pending.get();
    }

    public long recoveredTotal() {
        return recoveredTotal.get();
    }

    /** Repairs [fromNanos, toNanos] of one instrument (UTC ns). */
    public void request(InstrumentId instrument, long fromNanos, long toNanos, String reason) {
        pending.incrementAndGet();
        executor.execute(() -> run(instrument, fromNanos, toNanos, reason, 1));
    }

    /** Repairs the window for every instrument being ingested. */
    public void requestAllIngesting(long fromNanos, long toNanos, String reason) {
        for (InstrumentId i : ingesting.get()) request(i, fromNanos, toNanos, reason);
    }

    private void run(InstrumentId instrument, long fromNanos, long toNanos, String reason, int attempt) {
        long[] recovered = {0};
        try {
            gateway.history(instrument, fromNanos, toNanos, trade -> {
                if (ingestion.acceptRepaired(trade)) recovered[0]++;
            });
        } catch (StatusRuntimeException e) {
            long wait = Math.min(30_000L, 500L << Math.min(attempt, 6));
            log.warn("repair of {} {}..{} failed ({}: {}); retry {} in {} ms", instrument, fromNanos, toNanos,
                    e.getStatus().getCode(), e.getStatus().getDescription(), attempt, wait);
            executor.schedule(() -> run(instrument, fromNanos, toNanos, reason, attempt + 1), wait, TimeUnit.MILLISECONDS);
            return;
        } catch (RuntimeException e) {
            log.error("repair of {} failed", instrument, e);
            pending.decrementAndGet();
            return;
        }
        recoveredTotal.addAndGet(recovered[0]);
        log.info("repaired {} {}..{}: {} trades recovered ({})", instrument, fromNanos, toNanos, recovered[0], reason);
        try {
            repairLog.record(instrument, fromNanos, toNanos, recovered[0], reason);
        } catch (RuntimeException e) {
            log.warn("could not record the repair of {}: {}", instrument, e.toString());
        }
        fanout.repaired(Repaired.newBuilder()
                .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(instrument.ticker()).setExchange(instrument.exchange()))
                .setFromNanos(fromNanos).setToNanos(toNanos).setTradesRecovered(recovered[0]).setReason(reason).build());
        pending.decrementAndGet();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
