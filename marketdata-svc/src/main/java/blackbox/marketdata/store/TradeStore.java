package blackbox.marketdata.store;

import blackbox.marketdata.core.TradeNumbers;
import blackbox.marketdata.core.TradeRow;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where trades are kept: PostgreSQL table {@code marketdata.trades}, partitioned by trading day, and
 * {@code marketdata.trade_edits} for edits. Writes are idempotent: a trade already stored (same instrument,
 * trading day and trade number) is not stored again; an edit already stored is not stored again.
 *
 * <p>{@link #write} is called from one writer thread; the reads from any thread.
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
    long count(InstrumentId instrument, LocalDate tradingDay) throws StoreUnavailableException;

    /** Stored trades of an instrument in [fromNanos, toNanos], by trade number (edits not included). */
    List<TradeRow> read(InstrumentId instrument, long fromNanos, long toNanos) throws StoreUnavailableException;

    /**
     * Streams the stored trades of an instrument with {@code fromNanos <= time < toNanos} (UTC epoch ns),
     * ascending by (time, trade number), each with its latest stored edit applied (time, price, quantity,
     * volume, agents and trade type replaced; {@code edit} false), in batches of at most {@code batchSize}
     * handed to {@code sink} on the calling thread. The window is matched against the edited time. Reads with
     * a database cursor: memory holds about one batch, whatever the window.
     *
     * <p>{@code sink} may block (the reader waits with it, keeping its connection) and may throw a
     * {@link RuntimeException} to stop: the read is abandoned and the exception propagates. The list is the
     * sink's to keep.
     *
     * @throws StoreUnavailableException when the database cannot be reached (possibly after some batches)
     * @throws IllegalArgumentException when {@code batchSize < 1}
     */
    void scan(InstrumentId instrument, long fromNanos, long toNanos, int batchSize, Consumer<List<TradeRow>> sink)
            throws StoreUnavailableException;

    /**
     * The time (UTC epoch ns) of the instrument's newest stored trade — of its latest trading day, the highest trade
     * number — if it has any (edits not counted).
     */
    java.util.OptionalLong newestTime(InstrumentId instrument) throws StoreUnavailableException;

    /** The trade numbers stored for an instrument on a trading day (edits not counted). */
    TradeNumbers storedTradeNumbers(InstrumentId instrument, LocalDate tradingDay) throws StoreUnavailableException;
}
