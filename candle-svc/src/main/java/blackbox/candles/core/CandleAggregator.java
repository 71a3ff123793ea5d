package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds candles of all six timeframes from trades, in memory: the hot path of candle-svc.
 *
 * <p><b>Consistency by construction.</b> Adding a trade to a candle is the same commutative, associative operation as
 * {@link CandleMerge} (high/low max/min, sums, open/close the earliest/latest by (trade time, trade number)). Each
 * trade goes into a small per-instrument <em>pending</em> candle for the instrument's current minute (one update per
 * trade); when a trade of another minute arrives, or before any read, edit or drain, the pending candle is merged
 * into that minute's 1-minute candle and into the 5m/15m/60m/1d/1w candles containing the minute. So every
 * higher candle is the merge of exactly the trades of its 1-minute candles whatever the arrival order —
 * out-of-order and late trades included: there is no "current bucket" that closes.
 *
 * <p><b>Edits and cancels, within the rectification window.</b> Removing a trade cannot be undone on a max/min, so
 * the aggregator keeps the recent trades of each instrument in a ring (column-wise, reused: no allocation once
 * warm): every trade of the minutes from (latest minute seen − rectification window) on, per instrument. An edit
 * overwrites the trade's entry, recomputes from the ring the 1-minute candle(s) it left and entered, then each
 * higher candle containing them by merging its 1-minute candles — the same definition again. A candle whose
 * trades all went away is reported {@linkplain ChangeListener#removed removed}. An edit touching a minute older
 * than the window is refused with {@link EditResult#NOT_IN_WINDOW}: the service records it for the reprocess job,
 * which rebuilds candles from the stored trades. Edits are rare and cost a scan of the ring. Late trades are
 * always added, whatever their age (their candles stay exact); only their later edits need the reprocess job.
 *
 * <p><b>Changes.</b> Every candle touched since the last {@link #drainChanges} is marked; the caller drains them
 * in batches (e.g. to upsert and to publish live candles).
 *
 * <p>Trades are given as primitives; the hot path allocates nothing (arrays grow by doubling). Duplicates are not
 * detected here (marketdata-svc deduplicates by trade number). Not thread-safe: one thread owns an aggregator.
 */
public final class CandleAggregator {
    /** ProfitDLL trade type of a trade whose aggressor was the buyer. */
    public static final int BUY_AGGRESSOR = 2;
    /** ProfitDLL trade type of a trade whose aggressor was the seller. */
    public static final int SELL_AGGRESSOR = 3;

    private static final long MINUTE = Timeframe.M1.fixedNanos();
    private static final Timeframe[] TIMEFRAMES = Timeframe.values();
    private static final int N = TIMEFRAMES.length;

    /** What became of an edit or cancel. */
    public enum EditResult {
        /** The trade's contribution was replaced (or removed). */
        APPLIED,
        /**
         * Nothing changed: no trade of that number among the trades kept (never given, or already older than the
         * rectification window and dropped), or the trade or its new time lies before the window. The service
         * records the edit for the reprocess job, which rebuilds the candles from the stored trades.
         */
        NOT_IN_WINDOW
    }

    /** The default rectification window: trades of the last 3 closed minutes can be edited in memory. */
    public static final Duration DEFAULT_RECTIFICATION_WINDOW = Duration.ofMinutes(3);

    /** Receives drained changes. */
    public interface ChangeListener {
        /** The candle's current state (new or changed). */
        void changed(Candle candle);

        /** The candle no longer has trades (all edited or cancelled away). */
        void removed(InstrumentId instrument, Timeframe timeframe, long bucketStart);
    }

    private final Buckets buckets;
    private final long windowNanos;
    private final CandleTable[] tables = new CandleTable[N];
    private final Map<InstrumentId, Integer> indexes = new HashMap<>();
    private final List<InstrumentId> ids = new ArrayList<>();
    private final long[] starts = new long[N];
    /** Per instrument (slot = instrument index): the trades of its cached minute not yet merged into its candles. */
    private final CandleTable pending = new CandleTable(16);

    // per instrument: the cached minute [minuteStart, minuteEnd) and its N slots; the trade log
    private long[] minuteStart = new long[0];
    private long[] minuteEnd = new long[0];
    private int[] slots = new int[0];
    private TradeLog[] logs = new TradeLog[0];

    /** With the {@linkplain #DEFAULT_RECTIFICATION_WINDOW default rectification window}. */
    public CandleAggregator(Buckets buckets) {
        this(buckets, DEFAULT_RECTIFICATION_WINDOW);
    }

    /**
     * @param buckets the exchange's bucket rules (time zone)
     * @param rectificationWindow how long after its minute closed a trade can still be edited in memory; >= 0
     */
    public CandleAggregator(Buckets buckets, Duration rectificationWindow) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        if (rectificationWindow.isNegative()) {
            throw new IllegalArgumentException("must be >= 0: rectificationWindow=" + rectificationWindow);
        }
        this.windowNanos = rectificationWindow.toNanos();
        for (int t = 0; t < N; t++) {
            tables[t] = new CandleTable(t == 0 ? 1 << 12 : 1 << 10);
        }
    }

    /** @return the index of {@code instrument} for {@link #onTrade}, registering it on first use */
    public int register(InstrumentId instrument) {
        Integer i = indexes.get(Objects.requireNonNull(instrument, "instrument"));
        if (i != null) {
            return i;
        }
        int index = ids.size();
        ids.add(instrument);
        indexes.put(instrument, index);
        minuteStart = Arrays.copyOf(minuteStart, index + 1);
        minuteEnd = Arrays.copyOf(minuteEnd, index + 1);
        slots = Arrays.copyOf(slots, (index + 1) * N);
        logs = Arrays.copyOf(logs, index + 1);
        logs[index] = new TradeLog();
        if (pending.slot(index, 0) != index) {
            throw new AssertionError("pending slot of instrument " + index);
        }
        return index;
    }

    /**
     * Adds a trade to its candles in all six timeframes.
     *
     * @param instrument an index from {@link #register}
     * @param timeNanos trade time, UTC epoch ns
     * @param price on the tick, > 0
     * @param quantity shares or contracts, > 0
     * @param tradeNumber the exchange's trade number (orders trades of the same nanosecond)
     * @param tradeType ProfitDLL trade type: {@value #BUY_AGGRESSOR} buy aggressor, {@value #SELL_AGGRESSOR} sell
     *                  aggressor, others neither
     * @throws IllegalArgumentException for a price or quantity out of range (a bug upstream)
     * @throws ArithmeticException when a candle's financial volume would overflow
     */
    public void onTrade(int instrument, long timeNanos, double price, long quantity, long tradeNumber, int tradeType) {
        check(price, quantity);
        long fin = Candle.financialUnits(price, quantity);
        int side = side(tradeType);
        if (timeNanos < minuteStart[instrument] || timeNanos >= minuteEnd[instrument]) {
            flush(instrument);
            locate(instrument, timeNanos);
        }
        logs[instrument].append(timeNanos, minuteStart[instrument], price, quantity, tradeNumber, side, windowNanos);
        pending.add(instrument, timeNanos, price, quantity, tradeNumber, fin, side);
    }

    /** Merges the instrument's pending trades (all of its cached minute) into its six candles. */
    private void flush(int instrument) {
        if (pending.count(instrument) == 0) {
            return;
        }
        int base = instrument * N;
        for (int t = 0; t < N; t++) {
            tables[t].merge(slots[base + t], pending, instrument);
        }
        pending.clear(instrument);
    }

    private void flushAll() {
        for (int i = 0; i < ids.size(); i++) {
            flush(i);
        }
    }

    /**
     * Replaces an earlier trade's contribution with its edited values.
     *
     * @return {@link EditResult#APPLIED}, or why nothing changed
     */
    public EditResult onEdit(int instrument, long tradeNumber, long timeNanos, double price, long quantity,
                             int tradeType) {
        check(price, quantity);
        Candle.financialUnits(price, quantity); // overflow check before anything changes
        flush(instrument); // the recompute below starts from the log: pending trades must not count twice
        TradeLog log = logs[instrument];
        int i = log.find(tradeNumber);
        if (i < 0) {
            return EditResult.NOT_IN_WINDOW;
        }
        long oldMinute = minute(log.time[i]);
        long newMinute = minute(timeNanos);
        if (oldMinute < log.horizon || newMinute < log.horizon) {
            return EditResult.NOT_IN_WINDOW;
        }
        log.time[i] = timeNanos;
        log.price[i] = price;
        log.quantity[i] = quantity;
        log.side[i] = (byte) side(tradeType);
        recompute(instrument, oldMinute);
        if (newMinute != oldMinute) {
            recompute(instrument, newMinute);
        }
        return EditResult.APPLIED;
    }

    /**
     * Removes an earlier trade's contribution.
     *
     * @return {@link EditResult#APPLIED}, or why nothing changed
     */
    public EditResult onCancel(int instrument, long tradeNumber) {
        flush(instrument);
        TradeLog log = logs[instrument];
        int i = log.find(tradeNumber);
        if (i < 0) {
            return EditResult.NOT_IN_WINDOW;
        }
        long minute = minute(log.time[i]);
        if (minute < log.horizon) {
            return EditResult.NOT_IN_WINDOW;
        }
        log.quantity[i] = 0;
        recompute(instrument, minute);
        return EditResult.APPLIED;
    }

    private static long minute(long timeNanos) {
        return timeNanos - Math.floorMod(timeNanos, MINUTE);
    }

    /**
     * Hands every candle changed since the last drain to {@code listener} (timeframes in order 1m..1w) and clears
     * the marks.
     *
     * @return the number of candles reported
     */
    public int drainChanges(ChangeListener listener) {
        flushAll();
        int n = 0;
        for (int t = 0; t < N; t++) {
            CandleTable table = tables[t];
            for (int i = 0; i < table.dirtyCount; i++) {
                int s = table.dirtyList[i];
                table.dirty[s] = false;
                InstrumentId id = ids.get(table.instrument(s));
                if (table.count(s) > 0) {
                    listener.changed(table.snapshot(s, id, TIMEFRAMES[t]));
                } else {
                    listener.removed(id, TIMEFRAMES[t], table.start(s));
                }
                n++;
            }
            table.dirtyCount = 0;
        }
        return n;
    }

    /** @return the candle, or null when the bucket has no trades */
    public Candle candle(InstrumentId instrument, Timeframe timeframe, long bucketStart) {
        Integer i = indexes.get(instrument);
        if (i == null) {
            return null;
        }
        flushAll();
        CandleTable table = tables[timeframe.ordinal()];
        int s = table.find(i, bucketStart);
        return s < 0 || table.count(s) == 0 ? null : table.snapshot(s, instrument, timeframe);
    }

    /** @return all candles of an instrument and timeframe with trades, ascending by bucket start */
    public List<Candle> candles(InstrumentId instrument, Timeframe timeframe) {
        List<Candle> out = new ArrayList<>();
        Integer i = indexes.get(instrument);
        if (i == null) {
            return out;
        }
        flushAll();
        CandleTable table = tables[timeframe.ordinal()];
        for (int s = 0; s < table.size; s++) {
            if (table.instrument(s) == i && table.count(s) > 0) {
                out.add(table.snapshot(s, instrument, timeframe));
            }
        }
        out.sort(Comparator.comparingLong(Candle::bucketStart));
        return out;
    }

    private void locate(int instrument, long timeNanos) {
        buckets.bucketStarts(timeNanos, starts);
        minuteStart[instrument] = starts[0];
        minuteEnd[instrument] = starts[0] + MINUTE;
        int base = instrument * N;
        for (int t = 0; t < N; t++) {
            slots[base + t] = tables[t].slot(instrument, starts[t]);
        }
    }

    /** Rebuilds one 1-minute candle from the log, then every higher candle containing it from its 1m candles. */
    private void recompute(int instrument, long minute) {
        CandleTable m1 = tables[0];
        int s = m1.slot(instrument, minute);
        m1.clear(s);
        addLogged(instrument, minute, s, null);
        recomputeHigher(instrument, minute);
    }

    /** Adds the logged, not cancelled trades of {@code minute} to 1m slot {@code s}, skipping {@code skip}'s. */
    private void addLogged(int instrument, long minute, int s, java.util.function.LongPredicate skip) {
        CandleTable m1 = tables[0];
        TradeLog log = logs[instrument];
        long end = minute + MINUTE;
        for (long k = log.head; k < log.tail; k++) {
            int i = (int) (k & log.mask);
            long q = log.quantity[i];
            long time = log.time[i];
            if (q > 0 && time >= minute && time < end && (skip == null || !skip.test(log.number[i]))) {
                m1.add(s, time, log.price[i], q, log.number[i], Candle.financialUnits(log.price[i], q), log.side[i]);
            }
        }
    }

    /** Rebuilds every higher candle containing {@code minute} by merging its 1-minute candles. */
    private void recomputeHigher(int instrument, long minute) {
        CandleTable m1 = tables[0];
        for (int t = 1; t < N; t++) {
            Timeframe tf = TIMEFRAMES[t];
            long from = buckets.bucketStart(tf, minute);
            long to = buckets.bucketEnd(tf, from);
            CandleTable table = tables[t];
            int h = table.slot(instrument, from);
            table.clear(h);
            for (long m = from; m < to; m += MINUTE) {
                int ms = m1.find(instrument, m);
                if (ms >= 0) {
                    table.merge(h, m1, ms);
                }
            }
        }
    }

    /**
     * Loads an instrument's stored 1-minute candles (after a restart, or when a range is paged back in), so that
     * later trades and the higher candles containing these minutes build on them. Seeded candles are not
     * reported as changes: they are already stored.
     *
     * @param minuteCandles 1-minute candles of {@code instrument}, each for a minute the aggregator holds no trades
     *                      of (a seeded minute must not be seeded twice)
     * @throws IllegalArgumentException for a candle of another timeframe, or of a minute already held
     */
    public void seed(int instrument, List<Candle> minuteCandles) {
        flush(instrument);
        CandleTable m1 = tables[0];
        for (Candle c : minuteCandles) {
            if (c.timeframe() != Timeframe.M1) {
                throw new IllegalArgumentException("must be 1m: timeframe=" + c.timeframe());
            }
            int s = m1.slot(instrument, c.bucketStart());
            if (m1.count(s) > 0) {
                throw new IllegalArgumentException("minute already held: bucketStart=" + c.bucketStart());
            }
            m1.addCandle(s, c, false);
            for (int t = 1; t < N; t++) {
                CandleTable table = tables[t];
                table.mergeQuiet(table.slot(instrument, buckets.bucketStart(TIMEFRAMES[t], c.bucketStart())), m1, s);
            }
        }
    }

    /**
     * Replaces one 1-minute candle with one the reprocess job rebuilt from the stored trades, then rebuilds the
     * higher candles containing it. Trades this aggregator holds for the minute that the rebuild did not count
     * (they were stored after the job read the store) are added back, so nothing is lost to that race.
     *
     * @param minute the minute's bucket start, UTC epoch ns
     * @param rebuilt the rebuilt candle, or null when the minute has no trades any more
     * @param counted whether the rebuild counted the trade of a given trade number
     */
    public void replaceMinute(int instrument, long minute, Candle rebuilt, java.util.function.LongPredicate counted) {
        if (Math.floorMod(minute, MINUTE) != 0) {
            throw new IllegalArgumentException("must be a minute start: minute=" + minute);
        }
        if (rebuilt != null && (rebuilt.timeframe() != Timeframe.M1 || rebuilt.bucketStart() != minute)) {
            throw new IllegalArgumentException("must be the 1m candle of minute " + minute + ": rebuilt=" + rebuilt);
        }
        flush(instrument);
        CandleTable m1 = tables[0];
        int s = m1.slot(instrument, minute);
        m1.clear(s);
        if (rebuilt != null) {
            m1.addCandle(s, rebuilt, true);
        }
        addLogged(instrument, minute, s, counted);
        recomputeHigher(instrument, minute);
    }

    /**
     * Forgets every candle whose bucket starts before {@code cutoff} (memory stays bounded on a long-running
     * service). The caller picks a cutoff on a week boundary, so no kept higher candle loses a minute, and sends
     * anything older to the reprocess job from then on.
     *
     * @throws IllegalStateException when changes are not drained yet
     */
    public void evictBefore(long cutoff) {
        flushAll();
        for (int t = 0; t < N; t++) {
            tables[t] = tables[t].retain(cutoff);
        }
        Arrays.fill(minuteStart, Long.MAX_VALUE);
        Arrays.fill(minuteEnd, Long.MIN_VALUE);
    }

    /** @return the number of candles held (all timeframes), for metrics and eviction decisions */
    public int heldCandles() {
        int n = 0;
        for (CandleTable t : tables) {
            n += t.size;
        }
        return n;
    }

    private static void check(double price, long quantity) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("must be > 0 and finite: price=" + price);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("must be > 0: quantity=" + quantity);
        }
    }

    private static int side(int tradeType) {
        return tradeType == BUY_AGGRESSOR ? 1 : tradeType == SELL_AGGRESSOR ? 2 : 0;
    }

    /**
     * The recent trades of one instrument, a ring in arrival order; quantity 0 marks a cancelled trade. Invariant:
     * every trade given with a time at or after {@link #horizon} is in the ring (older ones may have been dropped).
     */
    private static final class TradeLog {
        long head;
        long tail;
        int mask = 1023;
        /** Start of the oldest minute still editable (UTC ns); only grows. */
        long horizon = Long.MIN_VALUE;
        long[] time = new long[1024];
        double[] price = new double[1024];
        long[] quantity = new long[1024];
        long[] number = new long[1024];
        byte[] side = new byte[1024];

        void append(long t, long minute, double p, long q, long n, int s, long window) {
            long h = minute - window;
            if (h > horizon) {
                horizon = h;
            }
            while (head < tail && time[(int) (head & mask)] < horizon) {
                head++;
            }
            if (tail - head == time.length) {
                grow();
            }
            int i = (int) (tail & mask);
            time[i] = t;
            price[i] = p;
            quantity[i] = q;
            number[i] = n;
            side[i] = (byte) s;
            tail++;
        }

        private void grow() {
            int c = time.length * 2;
            long[] t = new long[c];
            double[] p = new double[c];
            long[] q = new long[c];
            long[] n = new long[c];
            byte[] s = new byte[c];
            int newMask = c - 1;
            for (long k = head; k < tail; k++) {
                int from = (int) (k & mask);
                int to = (int) (k & newMask);
                t[to] = time[from];
                p[to] = price[from];
                q[to] = quantity[from];
                n[to] = number[from];
                s[to] = side[from];
            }
            time = t;
            price = p;
            quantity = q;
            number = n;
            side = s;
            mask = newMask;
        }

        /** @return the ring index of the newest entry with that trade number, or -1 */
        int find(long tradeNumber) {
            for (long k = tail - 1; k >= head; k--) {
                int i = (int) (k & mask);
                if (number[i] == tradeNumber) {
                    return i;
                }
            }
            return -1;
        }
    }
}
