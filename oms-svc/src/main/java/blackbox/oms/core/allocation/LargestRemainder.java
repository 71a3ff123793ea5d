package blackbox.oms.core.allocation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Largest-remainder distribution of whole units (lots, or shares) over exact targets, generalised to what was
 * already given (b3-trading.md §7): each account has a deficit {@code target − given}, and every unit goes to the
 * account with the largest deficit, ties to the lower rank (the recorded tie-break). With nothing given yet this is
 * the classic method: each account first gets the whole units of its target, then the remaining units go one each
 * to the largest remainders. With earlier allocations (cumulative allocation of fills) it never takes anything
 * away, so no account's total ever decreases.
 *
 * <p>Targets are exact rationals {@code numerator / denominator} in shares, held as {@link BigInteger}s (weights
 * up to BRL billions times quantities overflow a long). Cost: O(n log n) when the whole units of the deficits fit
 * in what is to be given (always, with nothing given yet); otherwise a priority queue, O((n + units) log n).
 */
public final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * Distributes {@code units} units of {@code unitSize} shares.
     *
     * @param deficits per account, {@code (target − given) × denominator}, in shares (may be negative)
     * @param denominator {@code > 0}
     * @param rank per account, the tie-break order (lower first); distinct
     * @return units given to each account (same indexes), summing to {@code units}
     */
    public static long[] distribute(BigInteger[] deficits, BigInteger denominator, long unitSize, long units, int[] rank) {
        int n = deficits.length;
        if (units < 0 || unitSize <= 0 || denominator.signum() <= 0 || rank.length != n) {
            throw new IllegalArgumentException("units=" + units + ", unitSize=" + unitSize + ", denominator=" + denominator
                    + ", accounts=" + n + ", ranks=" + rank.length);
        }
        long[] given = new long[n];
        if (units == 0) return given;
        if (n == 0) throw new IllegalArgumentException("no account to give " + units + " units to");
        BigInteger unit = denominator.multiply(BigInteger.valueOf(unitSize));
        BigInteger[] left = deficits.clone();
        long wholeUnits = 0;
        long[] whole = new long[n];
        for (int i = 0; i < n; i++) {
            if (left[i].signum() > 0) {
                whole[i] = left[i].divide(unit).longValueExact();
                wholeUnits += whole[i];
            }
        }
        if (wholeUnits > units) return greedy(left, unit, units, rank);
        // every deficit of a whole unit or more is served first by the greedy rule, so give them at once
        for (int i = 0; i < n; i++) {
            if (whole[i] > 0) {
                given[i] = whole[i];
                left[i] = left[i].subtract(unit.multiply(BigInteger.valueOf(whole[i])));
            }
        }
        long rest = units - wholeUnits;
        if (rest == 0) return given;
        int positive = 0;
        for (BigInteger d : left) if (d.signum() > 0) positive++;
        if (rest > positive) {
            // more units than accounts still short of their target: only the rule itself, unit by unit, decides
            long[] more = greedy(left, unit, rest, rank);
            for (int i = 0; i < n; i++) given[i] += more[i];
            return given;
        }
        // every deficit is now below one unit: the rule gives one unit each to the `rest` largest (an account that
        // got one is below zero, under every account still short, so it is not served twice)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int byDeficit = left[b].compareTo(left[a]);
            return byDeficit != 0 ? byDeficit : Integer.compare(rank[a], rank[b]);
        });
        for (int k = 0; k < rest; k++) given[order[k]]++;
        return given;
    }

    /** The rule itself, one unit at a time (used when whole deficits exceed what is to be given). */
    static long[] greedy(BigInteger[] deficits, BigInteger unit, long units, int[] rank) {
        int n = deficits.length;
        BigInteger[] left = deficits.clone();
        long[] given = new long[n];
        PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, n), (a, b) -> {
            int byDeficit = left[b].compareTo(left[a]);
            return byDeficit != 0 ? byDeficit : Integer.compare(rank[a], rank[b]);
        });
        for (int i = 0; i < n; i++) queue.add(i);
        for (long u = 0; u < units; u++) {
            int i = queue.poll();
            given[i]++;
            left[i] = left[i].subtract(unit);
            queue.add(i);
        }
        return given;
    }
}
