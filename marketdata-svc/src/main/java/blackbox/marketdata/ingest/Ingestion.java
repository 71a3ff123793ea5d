package blackbox.marketdata.ingest;

import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.Trade;
import blackbox.marketdata.core.SequenceTracker;
import blackbox.marketdata.core.Spool;
import blackbox.marketdata.core.TradeDeduplicator;
import blackbox.marketdata.core.TradeRow;
import blackbox.marketdata.core.TradingDays;
import blackbox.marketdata.gateway.GatewayFeed;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every trade that reaches marketdata-svc passes here, real-time or repaired: duplicates are dropped
 * (a replay, a backfill, a reconnect), holes in the trade numbers are sent for repair, new trades go to the
 * consumers at once and to the spool that feeds PostgreSQL.
 *
 * <p>Real-time trades come from the gateway feed's thread, repaired ones from the repair thread, backfilled
 * ones from backfill threads; one lock keeps them in a single order (and serializes the spool's producers).
 */
public final class Ingestion implements GatewayFeed.Listener {
    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final TradingDays tradingDays;
    private final TradeDeduplicator deduplicator;
    private final SequenceTracker sequence;
    private final Spool spool;
    private final TradeFanout fanout;
    private final RepairQueue repairs;
    private final Runnable onGatewayConnected;
    private final SpoolAlarm spoolAlarm;
    private final java.util.function.Predicate<InstrumentId> ingesting;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private volatile long lastTradeNanos;
    // written once per batch (not per trade), read by the stats RPC
    private volatile long lastBatchNanos;
    private volatile long lastBatchLagNanos;
    private LocalDate newestDay;
    /** Validated once per instrument, not per trade; guarded by this object's lock. */
    private final java.util.Map<blackbox.gateway.v1.InstrumentId, InstrumentId> instruments = new java.util.HashMap<>();

    /**
     * @param ingesting the instruments to take; trades of others (subscribed at the gateway by someone else) are ignored
     * @param onGatewayConnected re-applies the subscriptions at the gateway (called on every (re)connection)
     */
    public Ingestion(java.util.function.Predicate<InstrumentId> ingesting, TradingDays tradingDays, TradeDeduplicator deduplicator,
                     SequenceTracker sequence, Spool spool, TradeFanout fanout, RepairQueue repairs, Runnable onGatewayConnected,
                     SpoolAlarm spoolAlarm) {
        this.ingesting = ingesting;
        this.tradingDays = tradingDays;
        this.deduplicator = deduplicator;
        this.sequence = sequence;
        this.spool = spool;
        this.fanout = fanout;
        this.repairs = repairs;
        this.onGatewayConnected = onGatewayConnected;
        this.spoolAlarm = spoolAlarm;
    }

    public long received() {
        return received.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** When the newest batch from the gateway was ingested, UTC epoch ns (wall clock); 0 before the first. */
    public long lastBatchNanos() {
        return lastBatchNanos;
    }

    /** For the newest batch's last trade: when it was ingested minus the gateway's received_nanos, ns. */
    public long lastBatchLagNanos() {
        return lastBatchLagNanos;
    }

    /** The newest real-time trade's own time, UTC epoch ns; 0 before the first. */
    public long lastTradeNanos() {
        return lastTradeNanos;
    }

    /** Trades of instruments nobody here subscribed (someone else's subscription at the gateway). */
    public long ignored() {
        return ignored.get();
    }

    @Override
    public void onConnected(boolean reconnect) {
        onGatewayConnected.run();
        long last = lastTradeNanos;
        if (reconnect && last > 0) {
            // Trades may have happened while the stream was down; holes in the trade numbers will show most of
            // them, but not those at the end of a quiet instrument, so ask for the window explicitly.
            repairs.requestAllIngesting(last, last + java.time.Duration.ofDays(1).toNanos(), "stream from the gateway was down");
        }
    }

    @Override
    public void onTrades(List<Trade> trades) {
        received.addAndGet(trades.size());
        synchronized (this) {
            for (Trade t : trades) accept(t, false);
        }
        fanout.flush();
        if (!trades.isEmpty()) {
            java.time.Instant now = java.time.Instant.now();
            long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            lastBatchLagNanos = nowNanos - trades.getLast().getReceivedNanos();
            lastBatchNanos = nowNanos;
        }
    }

    @Override
    public void onGap(Gap gap) {
        log.info("gateway reports a gap {}..{} ({}): repairing every ingesting instrument", gap.getFromNanos(), gap.getToNanos(), gap.getReason());
        repairs.requestAllIngesting(gap.getFromNanos(), gap.getToNanos(), "gateway gap: " + gap.getReason());
    }

    @Override
    public void onDisconnected(Status status) {
        // nothing to do until the stream is back: onConnected repairs the window
    }

    /**
     * Takes a repaired trade (repair thread).
     *
     * @return true when it was new
     */
    synchronized boolean acceptRepaired(Trade trade) {
        return accept(trade, false);
    }

    /**
     * Takes a trade fetched by a backfill (backfill thread): like a repaired one, but of any instrument, ingested
     * here or not, and without looking for holes in its numbers (history is what a hole would be repaired
     * from, so one found there cannot be repaired).
     *
     * @return true when it was new (it is then streamed and spooled for the store)
     */
    synchronized boolean acceptBackfilled(Trade trade) {
        return accept(trade, true);
    }

    /**
     * The spool's count of kept trades now: every trade accepted before this call is among the first
     * {@code persistMark()} the writer takes, so {@link TradeWriterLoop#awaitPersisted} with it waits for them.
     */
    public synchronized long persistMark() {
        return spool.keptTotal();
    }

    /**
     * Tells that a backfilled day is persisted: its de-duplication state is dropped unless real-time ingestion
     * may still need it (the newest day seen and the one before), so a year of backfill does not pile up
     * bitmaps. A later backfill of the day is de-duplicated against the store instead.
     */
    synchronized void backfilledDayPersisted(InstrumentId instrument, LocalDate day) {
        if (newestDay != null && day.isBefore(newestDay.minusDays(1))) deduplicator.forget(instrument, day);
    }

    /** Must hold the lock. */
    private boolean accept(Trade t, boolean backfill) {
        InstrumentId instrument = instruments.computeIfAbsent(t.getInstrument(), id -> new InstrumentId(id.getTicker(), id.getExchange()));
        if (!backfill && !ingesting.test(instrument)) {
            ignored.incrementAndGet();
            return false;
        }
        LocalDate day = tradingDays.of(instrument, t.getTimeNanos());
        TradeRow row = new TradeRow(instrument, day, Integer.toUnsignedLong(t.getTradeNumber()), t.getTimeNanos(), t.getPrice(),
                t.getQuantity(), t.getVolume(), t.getBuyAgent(), t.getSellAgent(), t.getTradeType(), t.getEdit(), t.getReceivedNanos());
        if (!deduplicator.firstTime(row)) {
            duplicates.incrementAndGet();
            return false;
        }
        accepted.incrementAndGet();
        if (!backfill && t.getTimeNanos() > lastTradeNanos) lastTradeNanos = t.getTimeNanos();
        if (newestDay == null || day.isAfter(newestDay)) {
            if (newestDay != null) deduplicator.forgetBefore(day.minusDays(1));
            newestDay = day;
        }
        if (!row.edit() && !backfill) {
            sequence.observe(row).ifPresent(hole -> repairs.request(hole.instrument(), hole.afterNanos(), hole.beforeNanos(),
                    "trade numbers " + hole.firstMissing() + ".." + hole.lastMissing() + " missing"));
        }
        fanout.publish(t);
        if (!spool.offer(row)) spoolAlarm.full(spool);
        return true;
    }
}
