package blackbox.candles.store;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.util.List;

/**
 * Durable candles, keyed by (instrument, timeframe, bucket start). Every write is an idempotent upsert: writing
 * the same candles again, or a newer version of a candle (a late trade), leaves one row with the latest values.
 *
 * <p>Errors: {@link StoreUnavailableException} when the database cannot be reached (nothing was written; the
 * same call may be retried); any other database error is a bug and is thrown unchecked.
 */
public interface CandleStore {
    /**
     * Inserts or replaces the candles, all in one transaction (all of them, or none). A key given twice in one
     * call keeps the later candle.
     */
    void upsert(List<Candle> candles) throws StoreUnavailableException;

    /** A candle's key. */
    record CandleKey(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
    }

    /** Upserts {@code upserts} and deletes {@code deletes}, all in one transaction. */
    void apply(List<Candle> upserts, List<CandleKey> deletes) throws StoreUnavailableException;

    /**
     * Replaces every {@code timeframe} candle of {@code instrument} with {@code fromNanos <= bucketStart < toNanos}
     * by {@code candles} (which must lie in that range), in one transaction: a bucket missing from
     * {@code candles} is deleted.
     */
    void replaceRange(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, List<Candle> candles)
            throws StoreUnavailableException;

    /** The newest candle with {@code bucketStart < beforeNanos}, if any (the previous close for gap filling). */
    java.util.Optional<Candle> before(InstrumentId instrument, Timeframe timeframe, long beforeNanos)
            throws StoreUnavailableException;

    /** Instruments with at least one candle, by ticker then exchange. */
    List<InstrumentId> instruments() throws StoreUnavailableException;

    /** The newest bucket start of the instrument's {@code timeframe} candles, if any. */
    java.util.OptionalLong lastBucket(InstrumentId instrument, Timeframe timeframe) throws StoreUnavailableException;

    /**
     * Deletes one candle (the core reported it removed: its trades all went away).
     *
     * @return true when a row was deleted
     */
    boolean delete(InstrumentId instrument, Timeframe timeframe, long bucketStart) throws StoreUnavailableException;

    /**
     * Candles with {@code fromNanos <= bucketStart < toNanos} and {@code bucketStart > afterBucketNanos},
     * ascending by bucket start, at most {@code limit}. Paging: pass the last bucket start of a page as the
     * next call's {@code afterBucketNanos} ({@link Long#MIN_VALUE} for the first page).
     */
    List<Candle> read(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                      long afterBucketNanos) throws StoreUnavailableException;

    /**
     * The newest {@code limit} candles with {@code fromNanos <= bucketStart < toNanos} and
     * {@code bucketStart < beforeBucketNanos}, ascending. Paging backwards: pass the first bucket start of a page as
     * the next call's {@code beforeBucketNanos} ({@link Long#MAX_VALUE} for the newest page).
     */
    List<Candle> readLatest(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                            long beforeBucketNanos) throws StoreUnavailableException;

    /** The number of candles with {@code fromNanos <= bucketStart < toNanos}. */
    long count(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos) throws StoreUnavailableException;
}
