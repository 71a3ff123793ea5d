package blackbox.candles.read;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * Serves reads of the derived timeframes (5m..1w) from memory: a year of 5-minute candles is ~24,000 rows, and
 * reading them from PostgreSQL on every chart load costs tens of milliseconds. A series (instrument, timeframe) is
 * loaded whole from the store on its first read (up to {@code maxPerSeries} candles; a longer one is always read from
 * the store), then kept current by the candle engine, which reports every committed change
 * ({@link #changed}/{@link #removed}) after its transaction, and drops an instrument's series when it rewrote old
 * ranges in the store directly ({@link #invalidate}). 1-minute candles (the bulk) are always read from the store.
 *
 * <p>Consistency: a series being loaded while changes arrive keeps the changes (the load only fills buckets nobody
 * wrote since), and removals leave a tombstone, so a load that read a candle before its deletion cannot revive it.
 *
 * <p>Threads: the engine thread writes; gRPC threads read. Memory: ~150 bytes a candle (5m: ~3.6 MB per instrument
 * and year).
 */
public final class CandleReadCache {
    private static final Entry TOMBSTONE = new Entry(Candle.flat(new InstrumentId("-", "_"), Timeframe.M5, 0, 1));

    /** A cached candle and, once a reader asked for it, its wire form (built once, reused by every later read). */
    private static final class Entry {
        final Candle candle;
        volatile Object encoded;

        Entry(Candle candle) {
            this.candle = candle;
        }
    }

    private record Key(InstrumentId instrument, Timeframe timeframe) {
    }

    private static final class Series {
        final ConcurrentSkipListMap<Long, Entry> candles = new ConcurrentSkipListMap<>();
        volatile boolean loaded;
        volatile boolean tooLong;
    }

    private final CandleStore store;
    private final int maxPerSeries;
    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    /** @param maxPerSeries the longest series kept in memory (candles) */
    public CandleReadCache(CandleStore store, int maxPerSeries) {
        this.store = store;
        this.maxPerSeries = maxPerSeries;
    }

    /** Same contract as {@link CandleStore#read}. */
    public List<Candle> read(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                             long afterBucketNanos) throws StoreUnavailableException {
        return read(instrument, timeframe, fromNanos, toNanos, limit, afterBucketNanos, c -> c, false);
    }

    /**
     * Like {@link #read}, each candle given as {@code encode} makes it. For a cached series the encoded form is kept
     * with the candle, so a series read again and again (charts) is encoded once per change, not once per read;
     * {@code encode} must therefore be a pure function of the candle, the same on every call (one encoding per
     * cache: the gRPC page form).
     */
    public <M> List<M> readEncoded(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos,
                                   int limit, long afterBucketNanos, Function<Candle, M> encode)
            throws StoreUnavailableException {
        return read(instrument, timeframe, fromNanos, toNanos, limit, afterBucketNanos, encode, true);
    }

    @SuppressWarnings("unchecked")
    private <M> List<M> read(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                             long afterBucketNanos, Function<Candle, M> encode, boolean keepEncoded)
            throws StoreUnavailableException {
        if (timeframe == Timeframe.M1) {
            return encodeAll(store.read(instrument, timeframe, fromNanos, toNanos, limit, afterBucketNanos), encode);
        }
        Series s = series.computeIfAbsent(new Key(instrument, timeframe), k -> new Series());
        if (!s.loaded) load(s, instrument, timeframe);
        if (s.tooLong) {
            return encodeAll(store.read(instrument, timeframe, fromNanos, toNanos, limit, afterBucketNanos), encode);
        }
        long from = afterBucketNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(fromNanos, afterBucketNanos + 1);
        List<M> out = new ArrayList<>(Math.min(limit, 4096));
        if (from >= toNanos) return out;
        ConcurrentNavigableMap<Long, Entry> range = s.candles.subMap(from, true, toNanos, false);
        for (Entry e : range.values()) {
            if (out.size() == limit) break;
            if (e == TOMBSTONE) continue;
            if (!keepEncoded) {
                out.add(encode.apply(e.candle));
                continue;
            }
            Object m = e.encoded;
            if (m == null) {
                m = encode.apply(e.candle);
                e.encoded = m;
            }
            out.add((M) m);
        }
        return out;
    }

    /** Same contract as {@link CandleStore#readLatest}. */
    public List<Candle> readLatest(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                                   long beforeBucketNanos) throws StoreUnavailableException {
        return readLatest(instrument, timeframe, fromNanos, toNanos, limit, beforeBucketNanos, c -> c, false);
    }

    /** Same contract as {@link CandleStore#readLatest}, each candle as {@code encode} makes it (see {@link #readEncoded}). */
    public <M> List<M> readLatestEncoded(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos,
                                         int limit, long beforeBucketNanos, Function<Candle, M> encode)
            throws StoreUnavailableException {
        return readLatest(instrument, timeframe, fromNanos, toNanos, limit, beforeBucketNanos, encode, true);
    }

    @SuppressWarnings("unchecked")
    private <M> List<M> readLatest(InstrumentId instrument, Timeframe timeframe, long fromNanos, long toNanos, int limit,
                                   long beforeBucketNanos, Function<Candle, M> encode, boolean keepEncoded)
            throws StoreUnavailableException {
        if (timeframe == Timeframe.M1) {
            return encodeAll(store.readLatest(instrument, timeframe, fromNanos, toNanos, limit, beforeBucketNanos), encode);
        }
        Series s = series.computeIfAbsent(new Key(instrument, timeframe), k -> new Series());
        if (!s.loaded) load(s, instrument, timeframe);
        if (s.tooLong) {
            return encodeAll(store.readLatest(instrument, timeframe, fromNanos, toNanos, limit, beforeBucketNanos), encode);
        }
        long to = Math.min(toNanos, beforeBucketNanos);
        List<M> newestFirst = new ArrayList<>(Math.min(limit, 4096));
        if (fromNanos >= to) return newestFirst;
        for (Entry e : s.candles.subMap(fromNanos, true, to, false).descendingMap().values()) {
            if (newestFirst.size() == limit) break;
            if (e == TOMBSTONE) continue;
            newestFirst.add(keepEncoded ? (M) encoded(e, encode) : encode.apply(e.candle));
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The entry's wire form, built once. */
    private static <M> Object encoded(Entry e, Function<Candle, M> encode) {
        Object m = e.encoded;
        if (m == null) {
            m = encode.apply(e.candle);
            e.encoded = m;
        }
        return m;
    }

    private static <M> List<M> encodeAll(List<Candle> candles, Function<Candle, M> encode) {
        List<M> out = new ArrayList<>(candles.size());
        for (Candle c : candles) out.add(encode.apply(c));
        return out;
    }

    private void load(Series s, InstrumentId instrument, Timeframe timeframe) throws StoreUnavailableException {
        synchronized (s) {
            if (s.loaded) return;
            List<Candle> stored = store.read(instrument, timeframe, Long.MIN_VALUE, Long.MAX_VALUE, maxPerSeries + 1,
                    Long.MIN_VALUE);
            if (stored.size() > maxPerSeries) {
                s.tooLong = true;
                s.candles.clear();
            } else {
                for (Candle c : stored) s.candles.putIfAbsent(c.bucketStart(), new Entry(c));
            }
            s.loaded = true;
        }
    }

    /** A committed candle changed (engine thread). */
    public void changed(Candle candle) {
        if (candle.timeframe() == Timeframe.M1) return;
        Series s = series.get(new Key(candle.instrument(), candle.timeframe()));
        if (s != null && !s.tooLong) s.candles.put(candle.bucketStart(), new Entry(candle));
    }

    /** A committed candle was deleted (engine thread). */
    public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
        if (timeframe == Timeframe.M1) return;
        Series s = series.get(new Key(instrument, timeframe));
        if (s != null && !s.tooLong) s.candles.put(bucketStart, TOMBSTONE);
    }

    /** The instrument's stored candles were rewritten behind the cache's back: read them again next time. */
    public void invalidate(InstrumentId instrument) {
        series.keySet().removeIf(k -> k.instrument().equals(instrument));
    }

    /** @return candles held, all series */
    public long size() {
        return series.values().stream().mapToLong(s -> s.candles.size()).sum();
    }
}
