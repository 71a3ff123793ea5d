package blackbox.marketdata.core;

import java.util.Arrays;

/**
 * A set of trade numbers (one instrument's stored trades of one day), kept as ascending runs of consecutive
 * numbers: a session's numbers are nearly contiguous, so a day of millions of trades costs 16 bytes per gap,
 * not per trade.
 *
 * <p>Immutable once built; safe to share. The {@link Builder} is not thread-safe.
 */
public final class TradeNumbers {
    /** No numbers. */
    public static final TradeNumbers EMPTY = new TradeNumbers(new long[0], new long[0], 0, 0);

    private final long[] firsts;
    private final long[] lasts;
    private final int runs;
    private final long size;

    private TradeNumbers(long[] firsts, long[] lasts, int runs, long size) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.runs = runs;
        this.size = size;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return true when {@code number} is in the set (binary search over the runs) */
    public boolean contains(long number) {
        int i = Arrays.binarySearch(firsts, 0, runs, number);
        if (i >= 0) return true;
        int run = -i - 2; // the run starting below the number, if any
        return run >= 0 && number <= lasts[run];
    }

    /** How many numbers the set holds. */
    public long size() {
        return size;
    }

    /** How many runs of consecutive numbers the set is kept as. */
    public int runs() {
        return runs;
    }

    /** Collects numbers given in ascending order (repeats are ignored). */
    public static final class Builder {
        private long[] firsts = new long[16];
        private long[] lasts = new long[16];
        private int runs;
        private long size;

        private Builder() {
        }

        /**
         * @throws IllegalArgumentException when {@code number} is below the previous one
         */
        public Builder add(long number) {
            if (runs > 0) {
                long last = lasts[runs - 1];
                if (number < last) {
                    throw new IllegalArgumentException("numbers must ascend: number=" + number + " after " + last);
                }
                if (number == last) return this;
                if (number == last + 1) {
                    lasts[runs - 1] = number;
                    size++;
                    return this;
                }
            }
            if (runs == firsts.length) {
                firsts = Arrays.copyOf(firsts, runs * 2);
                lasts = Arrays.copyOf(lasts, runs * 2);
            }
            firsts[runs] = number;
            lasts[runs] = number;
            runs++;
            size++;
            return this;
        }

        public TradeNumbers build() {
            return runs == 0 ? EMPTY : new TradeNumbers(Arrays.copyOf(firsts, runs), Arrays.copyOf(lasts, runs), runs, size);
        }
    }
}
