package blackbox.marketdata.store;

import blackbox.marketdata.core.Instrument;
import blackbox.marketdata.core.TradeRow;
import java.time.LocalDate;
import java.util.List;

/**
 * Where trades are kept: PostgreSQL table {@code marketdata.trades}, partitioned by trading day, and
 * {@code marketdata.trade_edits} for edits. Writes are idempotent: a trade already stored (same instrument,
 * trading day and trade number) is not stored again; an edit already stored is not stored again.
 *
 * <p>Called from one writer thread.
 */
public interface TradeStore {
    /** What a write did. */
    record WriteResult(int stored, int duplicates) {
    }

    /**
     * Stores a batch (trades and edits mixed), creating missing day partitions first.
     *
     * @throws StoreUnavailableException when the database cannot be reached; nothing of the batch is stored
     */
    WriteResult write(List<TradeRow> batch) throws StoreUnavailableException;

    /** Trades stored for an instrument on a day (edits not counted). */
    long count(Instrument instrument, LocalDate tradingDay) throws StoreUnavailableException;

    /** Stored trades of an instrument in [fromNanos, toNanos], by trade number (edits not included). */
    List<TradeRow> read(Instrument instrument, long fromNanos, long toNanos) throws StoreUnavailableException;
}
