package blackbox.candles.core;

import java.util.Arrays;

/**
 * The candles of one timeframe, column-wise in primitive arrays, keyed by (instrument index, bucket start) through
 * an open-addressing hash. Slots are never freed: a candle whose trades were all edited away keeps its slot with
 * {@code count == 0} (absent to readers). Single-threaded (the aggregator's thread).
 */
final class CandleTable {
    int size;
    int[] instrument;
    long[] start;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    long[] openTime;
    long[] openNum;
    long[] closeTime;
    long[] closeNum;
    long[] volume;
    long[] financial;
    long[] count;
    long[] buyVolume;
    long[] sellVolume;
    boolean[] dirty;
    int[] dirtyList;
    int dirtyCount;

    private long[] keyStart;
    private int[] keyInstrument;
    private int[] keySlot; // slot + 1; 0 = empty
    private int mask;

    CandleTable(int capacity) {
        int c = Math.max(16, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1);
        allocate(c);
        int h = c * 2;
        keyStart = new long[h];
        keyInstrument = new int[h];
        keySlot = new int[h];
        mask = h - 1;
    }

    private void allocate(int c) {
        instrument = new int[c];
        start = new long[c];
        open = new double[c];
        high = new double[c];
        low = new double[c];
        close = new double[c];
        openTime = new long[c];
        openNum = new long[c];
        closeTime = new long[c];
        closeNum = new long[c];
        volume = new long[c];
        financial = new long[c];
        count = new long[c];
        buyVolume = new long[c];
        sellVolume = new long[c];
        dirty = new boolean[c];
        dirtyList = new int[c];
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
        if (size == instrument.length) {
            grow();
            return slot(instr, bucketStart);
        }
        int slot = size++;
        instrument[slot] = instr;
        start[slot] = bucketStart;
        keyStart[i] = bucketStart;
        keyInstrument[i] = instr;
        keySlot[i] = slot + 1;
        return slot;
    }

    private void grow() {
        int c = instrument.length * 2;
        instrument = Arrays.copyOf(instrument, c);
        start = Arrays.copyOf(start, c);
        open = Arrays.copyOf(open, c);
        high = Arrays.copyOf(high, c);
        low = Arrays.copyOf(low, c);
        close = Arrays.copyOf(close, c);
        openTime = Arrays.copyOf(openTime, c);
        openNum = Arrays.copyOf(openNum, c);
        closeTime = Arrays.copyOf(closeTime, c);
        closeNum = Arrays.copyOf(closeNum, c);
        volume = Arrays.copyOf(volume, c);
        financial = Arrays.copyOf(financial, c);
        count = Arrays.copyOf(count, c);
        buyVolume = Arrays.copyOf(buyVolume, c);
        sellVolume = Arrays.copyOf(sellVolume, c);
        dirty = Arrays.copyOf(dirty, c);
        dirtyList = Arrays.copyOf(dirtyList, c);
        int h = c * 2;
        keyStart = new long[h];
        keyInstrument = new int[h];
        keySlot = new int[h];
        mask = h - 1;
        for (int s = 0; s < size; s++) {
            int i = hash(instrument[s], start[s]) & mask;
            while (keySlot[i] != 0) {
                i = (i + 1) & mask;
            }
            keyStart[i] = start[s];
            keyInstrument[i] = instrument[s];
            keySlot[i] = s + 1;
        }
    }

    /** Adds one trade (commutative: open/close by (time, number)). */
    void add(int s, long time, double price, long quantity, long number, long financialUnits, int side) {
        if (count[s] == 0) {
            open[s] = price;
            high[s] = price;
            low[s] = price;
            close[s] = price;
            openTime[s] = time;
            openNum[s] = number;
            closeTime[s] = time;
            closeNum[s] = number;
        } else {
            if (price > high[s]) {
                high[s] = price;
            }
            if (price < low[s]) {
                low[s] = price;
            }
            if (time < openTime[s] || (time == openTime[s] && number < openNum[s])) {
                open[s] = price;
                openTime[s] = time;
                openNum[s] = number;
            }
            if (time > closeTime[s] || (time == closeTime[s] && number > closeNum[s])) {
                close[s] = price;
                closeTime[s] = time;
                closeNum[s] = number;
            }
        }
        volume[s] += quantity;
        financial[s] = Math.addExact(financial[s], financialUnits);
        count[s]++;
        if (side == 1) {
            buyVolume[s] += quantity;
        } else if (side == 2) {
            sellVolume[s] += quantity;
        }
        markDirty(s);
    }

    /** Merges slot {@code from} of {@code other} into slot {@code s} of this table. */
    void merge(int s, CandleTable other, int from) {
        if (other.count[from] == 0) {
            return;
        }
        if (count[s] == 0) {
            open[s] = other.open[from];
            high[s] = other.high[from];
            low[s] = other.low[from];
            close[s] = other.close[from];
            openTime[s] = other.openTime[from];
            openNum[s] = other.openNum[from];
            closeTime[s] = other.closeTime[from];
            closeNum[s] = other.closeNum[from];
        } else {
            high[s] = Math.max(high[s], other.high[from]);
            low[s] = Math.min(low[s], other.low[from]);
            long ot = other.openTime[from];
            long on = other.openNum[from];
            if (ot < openTime[s] || (ot == openTime[s] && on < openNum[s])) {
                open[s] = other.open[from];
                openTime[s] = ot;
                openNum[s] = on;
            }
            long ct = other.closeTime[from];
            long cn = other.closeNum[from];
            if (ct > closeTime[s] || (ct == closeTime[s] && cn > closeNum[s])) {
                close[s] = other.close[from];
                closeTime[s] = ct;
                closeNum[s] = cn;
            }
        }
        volume[s] += other.volume[from];
        financial[s] = Math.addExact(financial[s], other.financial[from]);
        count[s] += other.count[from];
        buyVolume[s] += other.buyVolume[from];
        sellVolume[s] += other.sellVolume[from];
        markDirty(s);
    }

    /** Empties a slot (before recomputing it). */
    void clear(int s) {
        volume[s] = 0;
        financial[s] = 0;
        count[s] = 0;
        buyVolume[s] = 0;
        sellVolume[s] = 0;
        markDirty(s);
    }

    void markDirty(int s) {
        if (!dirty[s]) {
            dirty[s] = true;
            dirtyList[dirtyCount++] = s;
        }
    }

    Candle snapshot(int s, InstrumentId id, Timeframe timeframe) {
        return new Candle(id, timeframe, start[s], open[s], high[s], low[s], close[s], volume[s], financial[s],
                count[s], buyVolume[s], sellVolume[s], openTime[s], openNum[s], closeTime[s], closeNum[s]);
    }
}
