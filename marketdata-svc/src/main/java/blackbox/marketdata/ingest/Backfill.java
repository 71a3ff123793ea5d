package blackbox.marketdata.ingest;

import blackbox.gateway.v1.Trade;
import blackbox.marketdata.core.Spool;
import blackbox.marketdata.core.TradeNumbers;
import blackbox.marketdata.core.TradingDays.DayWindow;
import blackbox.marketdata.core.TradingDays;
import blackbox.marketdata.gateway.GatewayClient;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.marketdata.v1.Repaired;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an instrument's trade history for a window from the gateway, one trading day at a time, and stores
 * every trade not stored yet through the repairs' path ({@link Ingestion}: de-duplicated, spooled for
 * PostgreSQL, streamed to consumers). Safe to repeat.
 *
 * <p>Per day: the trade numbers already stored that day are read first, and those trades are not handed on
 * again (so a repeat stores and streams nothing, whatever the in-memory de-duplication still remembers); then
 * the day's history is fetched; then the job waits until the writer has committed the day's new trades, so
 * the progress reported after the day, and the end, are true of the database. At the end it is logged in
 * {@code marketdata.repairs} with reason {@value #REASON}, and when something was stored the consumers get a
 * {@link Repaired} notice for the window.
 *
 * <p>Thread-safe: {@link #run} blocks its calling thread (a backfill thread, never a gRPC one); several may
 * run at once.
 */
public final class Backfill {
    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    /** The reason recorded in the repairs log and the {@link Repaired} notice. */
    public static final String REASON = "backfill";
    private static final int FLUSH_EVERY = 1024;

    /**
     * Where a backfill stands.
     *
     * @param percent 0..100: the window's trading days done
     * @param received trades the gateway sent so far
     * @param stored trades new to the store so far (committed)
     */
    public record Progress(int percent, long received, long stored) {
    }

    /** The gateway refused or failed a day's history; what came before it is stored. */
    public static final class GatewayFailure extends Exception {
        private final Status status;

        GatewayFailure(Status status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The gateway's status (UNAVAILABLE when it could not be reached). */
        public Status status() {
            return status;
        }
    }

    private final GatewayClient gateway;
    private final Ingestion ingestion;
    private final TradeStore store;
    private final TradeWriterLoop writer;
    private final Spool spool;
    private final TradeFanout fanout;
    private final RepairQueue.RepairLog repairLog;
    private final TradingDays tradingDays;
    private final Duration persistTimeout;

    /**
     * @param persistTimeout how long to wait for the writer to commit a day's trades before giving up
     *     (UNAVAILABLE to the caller; the trades stay spooled and are written when PostgreSQL is back)
     */
    public Backfill(GatewayClient gateway, Ingestion ingestion, TradeStore store, TradeWriterLoop writer, Spool spool,
                    TradeFanout fanout, RepairQueue.RepairLog repairLog, TradingDays tradingDays, Duration persistTimeout) {
        this.gateway = gateway;
        this.ingestion = ingestion;
        this.store = store;
        this.writer = writer;
        this.spool = spool;
        this.fanout = fanout;
        this.repairLog = repairLog;
        this.tradingDays = tradingDays;
        this.persistTimeout = persistTimeout;
    }

    /**
     * Runs a backfill on the calling thread. The gateway calls belong to the caller's gRPC {@code Context}, so
     * cancelling it stops a day's fetch at once; {@code cancelled} is also checked between days.
     *
     * @param fromNanos inclusive, UTC epoch ns
     * @param toNanos exclusive, UTC epoch ns (the gateway is asked up to {@code toNanos - 1}, its bound being inclusive)
     * @param cancelled true once the caller has gone
     * @param afterDay told after each day, once its trades are committed
     * @return the final progress (percent 100)
     * @throws GatewayFailure when the gateway refuses a day or cannot be reached
     * @throws StoreUnavailableException when PostgreSQL cannot be read, or does not commit a day's trades in time
     * @throws CancellationException when {@code cancelled} turned true (or the call was cancelled mid-day)
     */
    public Progress run(InstrumentId instrument, long fromNanos, long toNanos, BooleanSupplier cancelled, Consumer<Progress> afterDay)
            throws GatewayFailure, StoreUnavailableException {
        return run(instrument, fromNanos, toNanos, cancelled, afterDay, REASON);
    }

    /** As {@link #run(InstrumentId, long, long, BooleanSupplier, Consumer)}, recorded with {@code reason}. */
    public Progress run(InstrumentId instrument, long fromNanos, long toNanos, BooleanSupplier cancelled, Consumer<Progress> afterDay,
                        String reason) throws GatewayFailure, StoreUnavailableException {
        List<DayWindow> days = tradingDays.split(instrument, fromNanos, toNanos); // one history request each
        long[] counts = new long[2]; // received, stored
        for (int i = 0; i < days.size(); i++) {
            if (cancelled.getAsBoolean()) throw stopped(instrument, i, days.size());
            DayWindow day = days.get(i);
            fetchDay(instrument, day, counts, cancelled, i, days.size());
            afterDay.accept(new Progress(percent(i + 1, days.size()), counts[0], counts[1]));
        }
        log.info("backfilled {} {}..{} ({} days): {} trades received, {} new stored", instrument, fromNanos, toNanos,
                days.size(), counts[0], counts[1]);
        finish(instrument, fromNanos, toNanos - 1, counts[1], reason);
        return new Progress(100, counts[0], counts[1]);
    }

    private void fetchDay(InstrumentId instrument, DayWindow day, long[] counts, BooleanSupplier cancelled, int index, int total)
            throws GatewayFailure, StoreUnavailableException {
        TradeNumbers stored = store.storedTradeNumbers(instrument, day.day());
        long droppedBefore = spool.droppedTotal();
        long[] sinceFlush = {0};
        try {
            gateway.history(instrument, day.fromNanos(), day.toNanos() - 1, trade -> {
                counts[0]++;
                if (alreadyStored(instrument, day, stored, trade)) return;
                if (ingestion.acceptBackfilled(trade) && !trade.getEdit()) counts[1]++;
                if (++sinceFlush[0] >= FLUSH_EVERY) {
                    sinceFlush[0] = 0;
                    fanout.flush();
                }
            }, false);
        } catch (StatusRuntimeException e) {
            if (cancelled.getAsBoolean()) throw stopped(instrument, index, total);
            throw new GatewayFailure(e.getStatus(), "history of " + instrument + " for trading day " + day.day() + " ("
                    + day.fromNanos() + ".." + (day.toNanos() - 1) + " ns) failed at the gateway: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()), e);
        } finally {
            fanout.flush();
        }
        if (!writer.awaitPersisted(ingestion.persistMark(), persistTimeout)) {
            throw new StoreUnavailableException("the trades of " + instrument + " for " + day.day() + " were not committed within "
                    + persistTimeout.toSeconds() + " s (PostgreSQL away?); they stay spooled", null);
        }
        if (spool.droppedTotal() > droppedBefore) {
            throw new StoreUnavailableException("the trade spool was full while backfilling " + instrument + " for " + day.day()
                    + " (PostgreSQL not keeping up); trades were dropped", null);
        }
        ingestion.backfilledDayPersisted(instrument, day.day());
    }

    /** A trade of the day whose number is stored already (edits are always handed on: the store keeps each once). */
    private boolean alreadyStored(InstrumentId instrument, DayWindow day, TradeNumbers stored, Trade trade) {
        return !trade.getEdit() && stored.contains(Integer.toUnsignedLong(trade.getTradeNumber()))
                && day.day().equals(tradingDays.of(instrument, trade.getTimeNanos()));
    }

    private void finish(InstrumentId instrument, long fromNanos, long toInclusive, long stored, String reason) {
        try {
            repairLog.record(instrument, fromNanos, toInclusive, stored, reason);
        } catch (RuntimeException e) {
            log.warn("could not record the backfill of {}: {}", instrument, e.toString());
        }
        if (stored > 0) {
            fanout.repaired(Repaired.newBuilder()
                    .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(instrument.ticker()).setExchange(instrument.exchange()))
                    .setFromNanos(fromNanos).setToNanos(toInclusive).setTradesRecovered(stored).setReason(reason).build());
        }
    }

    private static CancellationException stopped(InstrumentId instrument, int daysDone, int days) {
        log.info("backfill of {} cancelled by its caller after {} of {} days", instrument, daysDone, days);
        return new CancellationException("backfill of " + instrument + " cancelled after " + daysDone + " of " + days + " days");
    }

    static int percent(int done, int total) {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
