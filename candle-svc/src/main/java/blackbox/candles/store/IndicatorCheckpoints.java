package blackbox.candles.store;

import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Optional;

/**
 * Stored per-day indicator states. A checkpoint at {@code dayStart} holds, per spec, the state after every candle of
 * the series with bucket start &lt; {@code dayStart}; a candle write before it deletes it (in the write's
 * transaction, {@link PgCandleStore}).
 *
 * <p>Writing is a three-step protocol so a checkpoint computed from candles that a concurrent write then changed is
 * never kept: {@link #open} (announce the latest day start to be written, get the series' epoch) before reading the
 * candles, {@link #save} with that epoch after computing; a write of a candle before the announced horizon in between
 * bumps the epoch, and {@code save} then writes nothing.
 */
public interface IndicatorCheckpoints {
    /**
     * @param dayStart UTC epoch ns of the exchange-day midnight the states stop before
     * @param lastBucket bucket start of the newest candle the states include
     * @param states one per spec, in the specs' order ({@code StreamingIndicator.checkpoint()})
     */
    record Checkpoint(long dayStart, long lastBucket, List<byte[]> states) {
    }

    /** @return the newest checkpoint with {@code dayStart <= atOrBefore} holding a state for every one of {@code specs} */
    Optional<Checkpoint> newest(InstrumentId instrument, Timeframe timeframe, List<String> specs, long atOrBefore)
            throws StoreUnavailableException;

    /**
     * Announces that checkpoints up to {@code horizon} (a day start) may be written; call before reading the candles
     * they are computed from.
     *
     * @return the epoch to pass to {@link #save}
     */
    long open(InstrumentId instrument, Timeframe timeframe, long horizon) throws StoreUnavailableException;

    /**
     * Stores the checkpoints (existing ones are kept), unless a candle before the horizon was written since
     * {@link #open} returned {@code epoch}.
     *
     * @return false when nothing was written because of such a write
     */
    boolean save(InstrumentId instrument, Timeframe timeframe, long epoch, List<String> specs, List<Checkpoint> checkpoints)
            throws StoreUnavailableException;
}
