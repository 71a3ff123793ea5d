package blackbox.candles.core;

import blackbox.platform.domain.InstrumentId;
import java.util.Arrays;

/**
 * The candles of one timeframe, row-wise in one {@code long[]} (16 longs = two cache lines a candle, doubles as raw
 * bits, so a trade's update touches two lines per timeframe), keyed by (instrument index, bucket start) through
 * an open-addressing hash. Slots are never freed: a candle whose trades were all edited away keeps its slot with
 * {@code count == 0} (absent to readers). Single-threaded (the aggregator's thread).
 */
final class CandleTable {
    private static final int STRIDE = 16;
    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int OPEN_TIME = 4;
    private static final int OPEN_NUM = 5;
    private static final int CLOSE_TIME = 6;
    private static final int CLOSE_NUM = 7;
    private static final int VOLUME = 8;
    private static final int FINANCIAL = 9;
    private static final int COUNT = 10;
    private static final int BUY = 11;
    private static final int SELL = 12;
    private static final int START = 13;
    private static final int INSTRUMENT = 14;

    int size;
    private long[] rows;
    boolean[] dirty;
    int[] dirtyList;
    int dirtyCount;

    private long[] keyStart;
    private int[] keyInstrument;
    private int[] keySlot; // slot + 1; 0 = empty
    private int mask;

    CandleTable(int capacity) {
        int c = Math.max(16, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1);
        rows = new long[c * STRIDE];
        dirty = new boolean[c];
        dirtyList = new int[c];
        int h = c * 2;
        keyStart = new long[h];
        keyInstrument = new int[h];
        keySlot = new int[h];
        mask = h - 1;
    }

    int instrument(int s) {
        return (int) rows[s * STRIDE + INSTRUMENT];
    }

    long start(int s) {
        return rows[s * STRIDE + START];
    }

    long count(int s) {
        return rows[s * STRIDE + COUNT];
    }

    private static int hash(int instrument, long start) {
        long h = (start ^ (start >>> 29)) * 0x9E3779B97F4A7C15L + instrument * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    /** @return the slot of (instrument, start), or -1 */
    int find(int instr, long bucketStart) {
        int i = hash(instr, bucketStart) & mask;
        while (true) {
            int s = keySlot[i];
            if (s == 0) {
                return -1;
            }
            if (keyStart[i] == bucketStart && keyInstrument[i] == instr) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** @return the slot of (instrument, start), created empty when missing */
    int slot(int instr, long bucketStart) {
        int i = hash(instr, bucketStart) & mask;
        while (true) {
            int s = keySlot[i];
            if (s == 0) {
                break;
            }
            if (keyStart[i] == bucketStart && keyInstrument[i] == instr) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
        if (size == dirty.length) {
            grow();
            return slot(instr, bucketStart);
        }
        int slot = size++;
        rows[slot * STRIDE + INSTRUMENT] = instr;
        rows[slot * STRIDE + START] = bucketStart;
        keyStart[i] = bucketStart;
        keyInstrument[i] = instr;
        keySlot[i] = slot + 1;
        return slot;
    }

    private void grow() {
        int c = dirty.length * 2;
        rows = Arrays.copyOf(rows, c * STRIDE);
        dirty = Arrays.copyOf(dirty, c);
        dirtyList = Arrays.copyOf(dirtyList, c);
        int h = c * 2;
        keyStart = new long[h];
        keyInstrument = new int[h];
        keySlot = new int[h];
        mask = h - 1;
        for (int s = 0; s < size; s++) {
            int i = hash(instrument(s), start(s)) & mask;
            while (keySlot[i] != 0) {
                i = (i + 1) & mask;
            }
            keyStart[i] = start(s);
            keyInstrument[i] = instrument(s);
            keySlot[i] = s + 1;
        }
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static double dbl(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** Adds one trade (commutative: open/close by (time, number)). */
    void add(int s, long time, double price, long quantity, long number, long financialUnits, int side) {
        long[] r = rows;
        int o = s * STRIDE;
        add(r, o, price, price, price, price, time, number, time, number, quantity, financialUnits, 1,
                side == 1 ? quantity : 0, side == 2 ? quantity : 0);
        markDirty(s);
    }

    /** Merges slot {@code from} of {@code other} into slot {@code s} of this table. */
    void merge(int s, CandleTable other, int from) {
        long[] f = other.rows;
        int p = from * STRIDE;
        if (f[p + COUNT] == 0) {
            return;
        }
        add(rows, s * STRIDE, dbl(f[p + OPEN]), dbl(f[p + HIGH]), dbl(f[p + LOW]), dbl(f[p + CLOSE]),
                f[p + OPEN_TIME], f[p + OPEN_NUM], f[p + CLOSE_TIME], f[p + CLOSE_NUM], f[p + VOLUME],
                f[p + FINANCIAL], f[p + COUNT], f[p + BUY], f[p + SELL]);
        markDirty(s);
    }

    private static void add(long[] r, int o, double open, double high, double low, double close, long openTime,
                            long openNum, long closeTime, long closeNum, long volume, long financial, long count,
                            long buy, long sell) {
        if (r[o + COUNT] == 0) {
            r[o + OPEN] = bits(open);
            r[o + HIGH] = bits(high);
            r[o + LOW] = bits(low);
            r[o + CLOSE] = bits(close);
            r[o + OPEN_TIME] = openTime;
            r[o + OPEN_NUM] = openNum;
            r[o + CLOSE_TIME] = closeTime;
            r[o + CLOSE_NUM] = closeNum;
        } else {
            if (high > dbl(r[o + HIGH])) {
                r[o + HIGH] = bits(high);
            }
            if (low < dbl(r[o + LOW])) {
                r[o + LOW] = bits(low);
            }
            long ot = r[o + OPEN_TIME];
            if (openTime < ot || (openTime == ot && openNum < r[o + OPEN_NUM])) {
                r[o + OPEN] = bits(open);
                r[o + OPEN_TIME] = openTime;
                r[o + OPEN_NUM] = openNum;
            }
            long ct = r[o + CLOSE_TIME];
            if (closeTime > ct || (closeTime == ct && closeNum > r[o + CLOSE_NUM])) {
                r[o + CLOSE] = bits(close);
                r[o + CLOSE_TIME] = closeTime;
                r[o + CLOSE_NUM] = closeNum;
            }
        }
        r[o + VOLUME] += volume;
        r[o + FINANCIAL] = Math.addExact(r[o + FINANCIAL], financial);
        r[o + COUNT] += count;
        r[o + BUY] += buy;
        r[o + SELL] += sell;
    }

    /**
     * Merges a whole candle into slot {@code s} (a candle read back from the store).
     *
     * @param mark whether the slot becomes dirty (false when seeding state that is already stored)
     */
    void addCandle(int s, Candle c, boolean mark) {
        if (c.tradeCount() == 0) {
            return;
        }
        add(rows, s * STRIDE, c.open(), c.high(), c.low(), c.close(), c.openTime(), c.openTradeNumber(),
                c.closeTime(), c.closeTradeNumber(), c.volume(), c.financialVolumeUnits(), c.tradeCount(),
                c.buyVolume(), c.sellVolume());
        if (mark) {
            markDirty(s);
        }
    }

    /** Like {@link #merge} without marking the slot dirty (seeding). */
    void mergeQuiet(int s, CandleTable other, int from) {
        boolean wasDirty = dirty[s];
        int before = dirtyCount;
        merge(s, other, from);
        if (!wasDirty && dirtyCount > before) {
            dirty[s] = false;
            dirtyCount--;
        }
    }

    /**
     * @return a new table holding only the buckets starting at or after {@code cutoff} (the others are evicted)
     * @throws IllegalStateException when a slot is still dirty (drain first: nothing may be lost)
     */
    CandleTable retain(long cutoff) {
        if (dirtyCount > 0) {
            throw new IllegalStateException("drain changes before evicting: " + dirtyCount + " dirty candles");
        }
        CandleTable kept = new CandleTable(Math.max(16, size));
        for (int s = 0; s < size; s++) {
            if (start(s) >= cutoff && count(s) > 0) {
                int t = kept.slot(instrument(s), start(s));
                System.arraycopy(rows, s * STRIDE, kept.rows, t * STRIDE, STRIDE);
            }
        }
        return kept;
    }

    /** Empties a slot (before recomputing it). */
    void clear(int s) {
        int o = s * STRIDE;
        rows[o + VOLUME] = 0;
        rows[o + FINANCIAL] = 0;
        rows[o + COUNT] = 0;
        rows[o + BUY] = 0;
        rows[o + SELL] = 0;
        markDirty(s);
    }

    void markDirty(int s) {
        if (!dirty[s]) {
            dirty[s] = true;
            dirtyList[dirtyCount++] = s;
        }
    }

    Candle snapshot(int s, InstrumentId id, Timeframe timeframe) {
        long[] r = rows;
        int o = s * STRIDE;
        return new Candle(id, timeframe, r[o + START], dbl(r[o + OPEN]), dbl(r[o + HIGH]), dbl(r[o + LOW]),
                dbl(r[o + CLOSE]), r[o + VOLUME], r[o + FINANCIAL], r[o + COUNT], r[o + BUY], r[o + SELL],
                r[o + OPEN_TIME], r[o + OPEN_NUM], r[o + CLOSE_TIME], r[o + CLOSE_NUM]);
    }
}
