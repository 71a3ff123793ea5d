package blackbox.candles.engine;

import blackbox.candles.core.Buckets;
import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleAggregator;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.RebuiltRange;
import blackbox.candles.core.Timeframe;
import blackbox.candles.live.LiveHub;
import blackbox.candles.read.CandleReadCache;
import blackbox.candles.store.CandleStore.CandleKey;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.ReprocessRequests;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.gateway.v1.Trade;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.health.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candle engine: one thread ({@code candle-engine}) owns the aggregators and is the only writer of candles.
 *
 * <p><b>Cycle.</b> It applies the trades marketdata-svc streams (in batches from {@link #submit}) and, every
 * {@code cycle} (50 ms by default) or sooner when idle, drains the changed candles, writes them to PostgreSQL in one
 * transaction (retrying while the database is away: nothing is dropped, the inbox fills and the feed slows), and
 * only then hands them to the {@link LiveHub} — so a candle a live client sees is already stored.
 *
 * <p><b>What goes where.</b> Per instrument the engine keeps the market clock (the latest trade time) and the start
 * of the range it holds in memory ({@code loadedFrom}, a week start: on the first trade after start the
 * instrument's stored 1-minute candles of that week are loaded, so the 1d and 1w candles build on them). A trade of
 * a minute within the rectification window of the clock updates the candles at once; an older one (or one before
 * {@code loadedFrom}) is recorded in {@code candles.reprocess_requests} and the reprocess job rebuilds that range from
 * the stored trades ({@link #replace}). An edit of a trade no longer held is recorded the same way.
 *
 * <p><b>Memory.</b> When an exchange's clock enters a new week, candles older than the previous week are evicted;
 * trades for them go to the reprocess job from then on.
 */
public final class CandleEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CandleEngine.class);
    private static final long MINUTE = Timeframe.M1.fixedNanos();
    private static final long WEEK = 7 * 24 * 60 * MINUTE;
    private static final int SEED_LIMIT = 200_000;

    /** What the inbox holds: the engine thread takes them in order and dispatches them in {@link #handle}. */
    private sealed interface EngineMessage {
    }

    /** A batch of trades from marketdata-svc ({@link #submit}). */
    private record Trades(List<Trade> trades) implements EngineMessage {
    }

    /** A chunk rebuilt by the reprocess job ({@link #replace}). */
    private record Replace(RebuiltRange rebuilt, CompletableFuture<Integer> done) implements EngineMessage {
    }

    /** Completes once everything queued before it is applied and stored ({@link #barrier}). */
    private record Barrier(CompletableFuture<Void> done) implements EngineMessage {
    }

    /** Per instrument state, engine thread only. */
    private static final class Instrument {
        final InstrumentId id;
        final String exchange;
        final CandleAggregator aggregator;
        final int index;
        long loadedFrom = Long.MAX_VALUE; // nothing held until the first trade
        long clock = Long.MIN_VALUE;      // latest trade time seen
        long clockWall;                   // wall time when clock last moved
        long lateFrom = Long.MAX_VALUE;   // minutes to send to the reprocess job, [lateFrom, lateTo)
        long lateTo = Long.MIN_VALUE;

        Instrument(InstrumentId id, CandleAggregator aggregator) {
            this.id = id;
            this.exchange = id.exchange();
            this.aggregator = aggregator;
            this.index = aggregator.register(id);
        }
    }

    private final ExchangeBuckets buckets;
    private final Duration window;
    private final long windowNanos;
    private final CandleStore store;
    private final ReprocessRequests requests;
    private final LiveHub hub;
    private final CandleReadCache cache;
    private final Health health;
    private final LongSupplier wallClock;
    private final Duration cycle;
    private final Runnable onLateRecorded;
    private final BlockingQueue<EngineMessage> inbox;
    private final Map<String, CandleAggregator> aggregators = new HashMap<>();
    private final Map<String, Long> exchangeWeek = new HashMap<>();
    private final Map<blackbox.gateway.v1.InstrumentId, Instrument> byProto = new HashMap<>();
    private blackbox.gateway.v1.InstrumentId lastProto;
    private Instrument lastInstrument;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final java.util.Set<InstrumentId> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final AtomicLong tradesApplied = new AtomicLong();
    private final AtomicLong tradesLate = new AtomicLong();
    private final AtomicLong candlesWritten = new AtomicLong();
    private volatile boolean running = true;

    // cycle buffers, engine thread only
    private final List<Candle> upserts = new ArrayList<>();
    private final List<CandleKey> deletes = new ArrayList<>();

    /**
     * @param cache the read cache, kept current after each commit
     * @param window the rectification window (trades up to this long after their minute closed update candles at once)
     * @param wallClock UTC epoch ns
     * @param onLateRecorded called (engine thread) after ranges were recorded for the reprocess job
     */
    public CandleEngine(ExchangeBuckets buckets, Duration window, CandleStore store, ReprocessRequests requests,
                        LiveHub hub, CandleReadCache cache, Health health, LongSupplier wallClock, Duration cycle, int inboxCapacity,
                        Runnable onLateRecorded) {
        this.buckets = buckets;
        this.window = window;
        this.windowNanos = window.toNanos();
        this.store = store;
        this.requests = requests;
        this.hub = hub;
        this.cache = cache;
        this.health = health;
        this.wallClock = wallClock;
        this.cycle = cycle;
        this.onLateRecorded = onLateRecorded;
        this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
        this.thread = new Thread(this::run, "candle-engine");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues a batch of trades from marketdata-svc (feed thread). Blocks while the inbox is full, so a slow
     * database slows the feed instead of growing memory.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void submit(List<Trade> trades) throws InterruptedException {
        inbox.put(new Trades(trades));
    }

    /**
     * Applies a chunk rebuilt by the reprocess job (job thread). The future completes once the candles are stored,
     * with the number of 1-minute candles written.
     */
    public CompletableFuture<Integer> replace(RebuiltRange rebuilt) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            inbox.put(new Replace(rebuilt, done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** @return a future completed once everything submitted before this call is applied and stored */
    public CompletableFuture<Void> barrier() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            inbox.put(new Barrier(done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    public long tradesApplied() {
        return tradesApplied.get();
    }

    /** Trades sent to the reprocess job (older than the rectification window or than the range held). */
    public long tradesLate() {
        return tradesLate.get();
    }

    public long candlesWritten() {
        return candlesWritten.get();
    }

    public int inboxSize() {
        return inbox.size();
    }

    private void run() {
        long cycleNanos = cycle.toNanos();
        long nextCycle = System.nanoTime() + cycleNanos;
        List<Barrier> done = new ArrayList<>();
        while (running) {
            try {
                long wait = Math.max(0, nextCycle - System.nanoTime());
                EngineMessage item = inbox.poll(wait, TimeUnit.NANOSECONDS);
                if (item != null) {
                    handle(item, done);
                }
                if (item == null || System.nanoTime() >= nextCycle || !done.isEmpty()) {
                    commit();
                    for (Barrier b : done) b.done.complete(null);
                    done.clear();
                    nextCycle = System.nanoTime() + cycleNanos;
                }
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                // a bug: say so loudly, keep the engine alive for the other instruments
                log.error("candle engine: {}", e.toString(), e);
                for (Barrier b : done) b.done.completeExceptionally(e);
                done.clear();
            }
        }
    }

    private void handle(EngineMessage message, List<Barrier> done) throws InterruptedException {
        switch (message) {
            case Trades(List<Trade> trades) -> {
                long applied = 0;
                for (Trade t : trades) {
                    if (apply(t)) applied++;
                }
                tradesApplied.addAndGet(applied);
            }
            case Replace r -> {
                try {
                    int written = applyRebuilt(r.rebuilt);
                    commit();
                    r.done.complete(written);
                } catch (RuntimeException e) {
                    r.done.completeExceptionally(e);
                    throw e;
                }
            }
            case Barrier b -> done.add(b);
        }
    }

    private Instrument instrument(blackbox.gateway.v1.InstrumentId proto) {
        // trades come in runs of one instrument: skip hashing the message's strings while it repeats
        if (lastInstrument != null && (proto == lastProto || proto.equals(lastProto))) {
            return lastInstrument;
        }
        Instrument i = byProto.get(proto);
        if (i == null) {
            i = instrument(new InstrumentId(proto.getTicker(), proto.getExchange()));
            byProto.put(proto, i);
        }
        lastProto = proto;
        lastInstrument = i;
        return i;
    }

    private Instrument instrument(InstrumentId id) {
        return instruments.computeIfAbsent(id, k -> {
            seen.add(k);
            return new Instrument(k, aggregators.computeIfAbsent(k.exchange(),
                    e -> new CandleAggregator(buckets.of(e), window)));
        });
    }

    /** @return whether a trade or a rebuild of the instrument reached the engine since start (any thread) */
    public boolean seen(InstrumentId instrument) {
        return seen.contains(instrument);
    }

    /** @return the instruments seen since start (any thread) */
    public java.util.Set<InstrumentId> seenInstruments() {
        return java.util.Set.copyOf(seen);
    }

    /** @return true when the trade went into the candles at once (false: an edit, or recorded as late) */
    private boolean apply(Trade t) throws InterruptedException {
        Instrument i = instrument(t.getInstrument());
        long time = t.getTimeNanos();
        long minute = time - Math.floorMod(time, MINUTE);
        if (i.loadedFrom == Long.MAX_VALUE) {
            seed(i, time);
        }
        if (time > i.clock) {
            i.clock = time;
            i.clockWall = wallClock.getAsLong();
        }
        long clockMinute = i.clock - Math.floorMod(i.clock, MINUTE);
        boolean held = minute >= i.loadedFrom && minute >= clockMinute - windowNanos;
        if (t.getEdit()) {
            if (!held || i.aggregator.onEdit(i.index, Integer.toUnsignedLong(t.getTradeNumber()), time, t.getPrice(),
                    t.getQuantity(), t.getTradeType()) == CandleAggregator.EditResult.NOT_IN_WINDOW) {
                late(i, minute);
            }
            return false;
        }
        if (held) {
            i.aggregator.onTrade(i.index, time, t.getPrice(), t.getQuantity(), Integer.toUnsignedLong(t.getTradeNumber()),
                    t.getTradeType());
            return true;
        }
        late(i, minute);
        return false;
    }

    private static void late(Instrument i, long minute) {
        i.lateFrom = Math.min(i.lateFrom, minute);
        i.lateTo = Math.max(i.lateTo, minute + MINUTE);
    }

    /** Loads the stored 1-minute candles of the week of {@code time}, so new trades build on them. */
    private void seed(Instrument i, long time) throws InterruptedException {
        Buckets b = buckets.of(i.exchange);
        long weekStart = b.bucketStart(Timeframe.W1, time);
        List<Candle> stored = withStore("loading the stored candles of " + i.id,
                () -> store.read(i.id, Timeframe.M1, weekStart, Long.MAX_VALUE, SEED_LIMIT, Long.MIN_VALUE));
        if (stored.size() == SEED_LIMIT) {
            // more 1m candles stored from that week on than a week can hold: later weeks were stored too (a replay
            // of older data); the 1d/1w candles of those later weeks may need a reprocess
            log.warn("{}: loaded only the first {} stored 1m candles from {}", i.id, SEED_LIMIT,
                    java.time.Instant.ofEpochSecond(0, weekStart));
        }
        i.aggregator.seed(i.index, stored);
        i.loadedFrom = weekStart;
        if (!stored.isEmpty()) {
            Candle last = stored.getLast();
            i.clock = Math.max(i.clock, last.closeTime());
            log.info("{}: loaded {} stored 1m candles from {}", i.id, stored.size(),
                    java.time.Instant.ofEpochSecond(0, weekStart));
            // live streams opened since the start did not read the newest stored candle of each series as closed (it
            // may have been forming): the book learns it now and closes it as the trade at `time` says
            for (Timeframe tf : Timeframe.values()) {
                i.aggregator.candles(i.id, tf).stream().max(Comparator.comparingLong(Candle::bucketStart))
                        .ifPresent(newest -> hub.changed(newest, time));
            }
        }
    }

    /** Applies one rebuilt chunk: in memory for the range held, straight to the store before it. */
    private int applyRebuilt(RebuiltRange r) throws InterruptedException {
        Instrument i = instrument(r.instrument());
        long split = Math.min(Math.max(r.fromNanos(), i.loadedFrom), r.toNanos());
        int written = 0;
        if (r.fromNanos() < split) {
            written += rebuildStored(i, r.fromNanos(), split, r.minutes());
        }
        if (split < r.toNanos()) {
            Map<Long, Candle> byMinute = new HashMap<>();
            for (Candle c : r.minutes()) {
                if (c.bucketStart() >= split) byMinute.put(c.bucketStart(), c);
            }
            java.util.TreeSet<Long> minutes = new java.util.TreeSet<>(byMinute.keySet());
            for (Candle held : i.aggregator.candles(i.id, Timeframe.M1)) {
                if (held.bucketStart() >= split && held.bucketStart() < r.toNanos()) minutes.add(held.bucketStart());
            }
            long[] counted = r.countedTradeNumbers();
            for (long m : minutes) {
                i.aggregator.replaceMinute(i.index, m, byMinute.get(m), n -> Arrays.binarySearch(counted, n) >= 0);
            }
            written += byMinute.size();
        }
        return written;
    }

    /**
     * Rebuilds [from, to) of an instrument in the store alone (a range not held in memory): the 1-minute candles
     * are replaced, then each higher candle containing the range is recomputed from its stored 1-minute candles.
     */
    private int rebuildStored(Instrument i, long from, long to, List<Candle> minutes) throws InterruptedException {
        List<Candle> part = minutes.stream().filter(c -> c.bucketStart() >= from && c.bucketStart() < to).toList();
        withStore("rebuilding " + i.id, () -> {
            store.replaceRange(i.id, Timeframe.M1, from, to, part);
            return null;
        });
        Buckets b = buckets.of(i.exchange);
        for (Timeframe tf : Timeframe.values()) {
            if (tf == Timeframe.M1) continue;
            long spanFrom = b.bucketStart(tf, from);
            long spanTo = b.bucketEnd(tf, b.bucketStart(tf, to - 1));
            List<Candle> ones = withStore("reading 1m candles of " + i.id,
                    () -> store.read(i.id, Timeframe.M1, spanFrom, spanTo, Integer.MAX_VALUE, Long.MIN_VALUE));
            List<Candle> merged = new ArrayList<>();
            List<Candle> group = new ArrayList<>();
            long groupStart = Long.MIN_VALUE;
            for (Candle c : ones) {
                long start = b.bucketStart(tf, c.bucketStart());
                if (start != groupStart && !group.isEmpty()) {
                    merged.add(blackbox.candles.core.CandleMerge.merge(tf, groupStart, group));
                    group.clear();
                }
                groupStart = start;
                group.add(c);
            }
            if (!group.isEmpty()) merged.add(blackbox.candles.core.CandleMerge.merge(tf, groupStart, group));
            withStore("rebuilding " + tf + " candles of " + i.id, () -> {
                store.replaceRange(i.id, tf, spanFrom, spanTo, merged);
                return null;
            });
        }
        cache.invalidate(i.id);
        candlesWritten.addAndGet(part.size());
        return part.size();
    }

    /** Drains every aggregator, stores the changes in one transaction, then publishes them and closes buckets. */
    private void commit() throws InterruptedException {
        List<Candle> changed = new ArrayList<>();
        List<CandleKey> removed = new ArrayList<>();
        for (CandleAggregator a : aggregators.values()) {
            a.drainChanges(new CandleAggregator.ChangeListener() {
                @Override
                public void changed(Candle candle) {
                    changed.add(candle);
                }

                @Override
                public void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
                    removed.add(new CandleKey(instrument, timeframe, bucketStart));
                }
            });
        }
        if (!changed.isEmpty() || !removed.isEmpty()) {
            upserts.addAll(changed);
            deletes.addAll(removed);
            withStore("writing " + upserts.size() + " candles", () -> {
                store.apply(upserts, deletes);
                return null;
            });
            candlesWritten.addAndGet(upserts.size());
            upserts.clear();
            deletes.clear();
            changed.sort(Comparator.comparing(Candle::timeframe).thenComparingLong(Candle::bucketStart));
            for (Candle c : changed) {
                cache.changed(c);
                hub.changed(c, instruments.get(c.instrument()).clock);
            }
            for (CandleKey k : removed) {
                cache.removed(k.instrument(), k.timeframe(), k.bucketStart());
                hub.removed(k.instrument(), k.timeframe(), k.bucketStart());
            }
        }
        long wall = wallClock.getAsLong();
        for (Instrument i : instruments.values()) {
            if (i.clock != Long.MIN_VALUE) {
                hub.advance(i.id, i.clock + Math.max(0, wall - i.clockWall));
            }
        }
        recordLate();
        evictOldWeeks();
    }

    private void recordLate() throws InterruptedException {
        boolean any = false;
        for (Instrument i : instruments.values()) {
            if (i.lateFrom < i.lateTo) {
                long from = i.lateFrom;
                long to = i.lateTo;
                withStore("recording a reprocess request", () -> {
                    requests.record(i.id, from, to, "trades or edits after the rectification window");
                    return null;
                });
                tradesLate.incrementAndGet();
                i.lateFrom = Long.MAX_VALUE;
                i.lateTo = Long.MIN_VALUE;
                any = true;
            }
        }
        if (any) onLateRecorded.run();
    }

    private void evictOldWeeks() {
        Map<String, Long> maxClock = new HashMap<>();
        for (Instrument i : instruments.values()) {
            if (i.clock != Long.MIN_VALUE) maxClock.merge(i.exchange, i.clock, Math::max);
        }
        maxClock.forEach((exchange, clock) -> {
            long week = buckets.of(exchange).bucketStart(Timeframe.W1, clock);
            Long known = exchangeWeek.put(exchange, week);
            if (known != null && week > known) {
                long cutoff = buckets.of(exchange).bucketStart(Timeframe.W1, week - WEEK / 2);
                CandleAggregator a = aggregators.get(exchange);
                int before = a.heldCandles();
                a.evictBefore(cutoff);
                for (Instrument i : instruments.values()) {
                    if (i.exchange.equals(exchange) && i.loadedFrom != Long.MAX_VALUE) {
                        i.loadedFrom = Math.max(i.loadedFrom, cutoff);
                    }
                }
                log.info("exchange {}: new week; evicted candles before {} ({} -> {} held)", exchange,
                        java.time.Instant.ofEpochSecond(0, cutoff), before, a.heldCandles());
            }
        });
    }

    private interface StoreCall<T> {
        T call() throws StoreUnavailableException;
    }

    /** Runs a store call, retrying with back-off while PostgreSQL is away (the engine waits; nothing is dropped). */
    private <T> T withStore(String what, StoreCall<T> call) throws InterruptedException {
        long backoffMs = 200;
        boolean reported = false;
        while (true) {
            try {
                T result = call.call();
                if (reported) {
                    health.report("database", Health.Status.up("writing"));
                    log.info("PostgreSQL is back; {}", what);
                }
                return result;
            } catch (StoreUnavailableException e) {
                if (!reported) {
                    log.warn("{}: {}; retrying", what, e.getMessage());
                    health.report("database", Health.Status.down(e.getMessage()));
                    reported = true;
                }
                if (!running) throw new InterruptedException("stopping");
                Thread.sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    /** Stops the engine thread after the current cycle (what is queued but not applied is dropped: the catch-up at the next start rebuilds it). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
