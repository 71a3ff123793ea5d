package blackbox.candles.grpc;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorSet;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.IndicatorCheckpoints;
import blackbox.candles.store.IndicatorCheckpoints.Checkpoint;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Indicator history from per-day checkpoints: an {@link IndicatorSet} is restored from the newest stored checkpoint
 * at or before the day of the first value wanted and fed the stored candles from that day on, so a year of 1m costs
 * one day's read; the day starts passed on the way that have no checkpoint yet get one (the first read of a series
 * computes from its first candle and stores them all). A day start is checkpointed only when every candle before it
 * is closed ({@code dayStart <= historyEnd}). Days are the exchange's sessions ({@link Buckets#sessionDate}).
 *
 * <p>Candles are read from the store itself (not the read cache), so a checkpoint is computed from exactly what the
 * database held under {@link IndicatorCheckpoints}' protocol. Called on any thread; one call per set at a time.
 */
final class CheckpointedHistory {
    private static final int PAGE = 10_000;

    /** A candle visitor that may stop the read. */
    @FunctionalInterface
    interface Visitor {
        /** @return false to stop */
        boolean visit(Candle candle);
    }

    private final CandleStore store;
    private final IndicatorCheckpoints checkpoints;
    private final ExchangeBuckets buckets;

    CheckpointedHistory(CandleStore store, IndicatorCheckpoints checkpoints, ExchangeBuckets buckets) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.buckets = buckets;
    }

    /**
     * Resets {@code set}, restores it from the newest checkpoint at or before the session of {@code firstWanted}, and
     * visits the stored candles after the checkpoint with bucket start &lt; {@code to}, ascending (the visitor feeds
     * them to the set: {@code close} for those before {@code historyEnd}, {@code provisional} for the forming one).
     *
     * @param firstWanted bucket start of the first candle whose value the caller needs (all before it may be skipped)
     * @param historyEnd the first bucket not closed yet ({@link blackbox.candles.live.LiveHub#historyEnd})
     */
    void replay(InstrumentId id, Timeframe tf, IndicatorSet set, long firstWanted, long to, long historyEnd, Visitor visitor)
            throws StoreUnavailableException {
        Buckets days = buckets.of(id.exchange());
        List<String> specs = set.specs().stream().map(IndicatorSpec::toString).toList();
        // day starts after the newest stored one, up to the last closed candle's day, may be checkpointed on the way;
        // announced (open) before the checkpoint restored and the candles are read, so a write in between is seen
        long end = Math.min(to, historyEnd);
        long horizon = end == Long.MIN_VALUE ? Long.MIN_VALUE : dayStart(days, end - 1);
        long stored = horizon == Long.MIN_VALUE ? Long.MIN_VALUE
                : checkpoints.newest(id, tf, specs, horizon).map(Checkpoint::dayStart).orElse(Long.MIN_VALUE);
        long epoch = horizon > stored ? checkpoints.open(id, tf, horizon) : 0;
        set.reset();
        long from = Long.MIN_VALUE;
        Optional<Checkpoint> restored = checkpoints.newest(id, tf, specs, dayStart(days, firstWanted));
        if (restored.isPresent()) {
            set.restore(restored.get().states(), restored.get().lastBucket());
            from = restored.get().dayStart();
        }
        long newestKnown = Math.max(stored, from);
        boolean checkpointing = horizon > newestKnown;
        List<Checkpoint> passed = new ArrayList<>();
        long day = from;
        long after = Long.MIN_VALUE;
        try {
            while (true) {
                List<Candle> page = store.read(id, tf, from, to, PAGE, after);
                for (Candle c : page) {
                    if (checkpointing && c.bucketStart() >= day) {
                        long start = dayStart(days, c.bucketStart());
                        if (start > newestKnown && start <= horizon && set.lastClosed() != Long.MIN_VALUE) {
                            passed.add(new Checkpoint(start, set.lastClosed(), set.checkpoints()));
                        }
                        day = days.startOf(days.sessionDate(c.bucketStart()).plusDays(1));
                    }
                    if (!visitor.visit(c)) return;
                }
                if (page.size() < PAGE) return;
                after = page.getLast().bucketStart();
            }
        } finally {
            if (!passed.isEmpty()) checkpoints.save(id, tf, epoch, specs, passed);
        }
    }

    /** The start of the session of {@code nanos}; {@link Long#MIN_VALUE} where it lies before the representable range. */
    static long dayStart(Buckets days, long nanos) {
        try {
            return days.startOf(days.sessionDate(nanos));
        } catch (ArithmeticException beforeLongMin) {
            return Long.MIN_VALUE;
        }
    }
}
