package blackbox.oms.core.allocation;

import blackbox.oms.core.Prices;
import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-trade allocation at the average price ("distribuição por preço médio", b3-trading.md §7): one order in a
 * master account fills over time, and after each fill its CumQty is allocated across the accounts by their weights
 * with {@link LargestRemainder} on what each already has, so no account's total ever decreases, and every account
 * gets the same AvgPx (the master order's). Allocation is in lots (shares with {@link ResidualRule#FRACTIONAL});
 * what does not make a lot yet stays unallocated until more fills arrive ({@link #unallocatedQty}).
 *
 * <p>An immutable value: {@link #allocate} returns the next one.
 */
public final class CumulativeAllocation {
    private final Weights weights;
    private final long lot;
    private final long unit;
    private final long cumQty;
    private final long[] allocated;

    private CumulativeAllocation(Weights weights, long lot, long unit, long cumQty, long[] allocated) {
        this.weights = weights;
        this.lot = lot;
        this.unit = unit;
        this.cumQty = cumQty;
        this.allocated = allocated;
    }

    /**
     * Nothing filled yet.
     *
     * @param participants with their weights (PERCENT, EQUITY or CASH values; for FIXED blocks the quantities,
     *     which makes the weights the quantities' proportions)
     * @throws IllegalArgumentException when the weights are all zero or the lot is not positive
     */
    public static CumulativeAllocation start(List<Participant> participants, long lot, TieBreak tieBreak, ResidualRule rule) {
        Weights weights = new Weights(participants, tieBreak);
        if (weights.sum.signum() == 0 || lot <= 0) {
            throw new IllegalArgumentException("weights must not all be zero and lot > 0: accounts=" + participants.size()
                    + ", lot=" + lot);
        }
        return new CumulativeAllocation(weights, lot, rule == ResidualRule.FRACTIONAL ? 1 : lot, 0,
                new long[participants.size()]);
    }

    /**
     * An allocation as stored: the master order's CumQty and what each account has so far.
     *
     * @throws IllegalArgumentException when the weights are all zero, or more than {@code cumQty} is allocated
     */
    public static CumulativeAllocation resume(List<Participant> participants, long lot, TieBreak tieBreak,
                                              ResidualRule rule, long cumQty, java.util.Map<AccountId, Long> allocated) {
        CumulativeAllocation start = start(participants, lot, tieBreak, rule);
        long[] given = new long[participants.size()];
        long sum = 0;
        for (int i = 0; i < given.length; i++) {
            given[i] = allocated.getOrDefault(participants.get(i).account(), 0L);
            sum += given[i];
        }
        if (sum > cumQty || given.length == 0) {
            throw new IllegalArgumentException("allocated " + sum + " above CumQty " + cumQty);
        }
        return new CumulativeAllocation(start.weights, lot, start.unit, cumQty, given);
    }

    /**
     * The allocation after the master order's CumQty reached {@code newCumQty}.
     *
     * @throws IllegalArgumentException when {@code newCumQty} is below the current CumQty (fills never go away)
     */
    public CumulativeAllocation allocate(long newCumQty) {
        if (newCumQty < cumQty) {
            throw new IllegalArgumentException("CumQty must not decrease: was " + cumQty + ", now " + newCumQty);
        }
        long given = allocatedQty();
        long units = newCumQty / unit - given / unit;
        int n = allocated.length;
        BigInteger cum = BigInteger.valueOf(newCumQty);
        BigInteger[] deficits = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            deficits[i] = cum.multiply(weights.scaled[i]).subtract(BigInteger.valueOf(allocated[i]).multiply(weights.sum));
        }
        long[] more = LargestRemainder.distribute(deficits, weights.sum, unit, units, weights.rank);
        long[] next = allocated.clone();
        for (int i = 0; i < n; i++) next[i] += more[i] * unit;
        return new CumulativeAllocation(weights, lot, unit, newCumQty, next);
    }

    public long cumQty() {
        return cumQty;
    }

    public long allocatedQty() {
        long sum = 0;
        for (long a : allocated) sum += a;
        return sum;
    }

    /** CumQty not yet allocated: below one unit (lot, or share). */
    public long unallocatedQty() {
        return cumQty - allocatedQty();
    }

    /** What {@code account} has, in shares (0 for an account not in the allocation). */
    public long allocatedTo(AccountId account) {
        int i = weights.indexOf(account);
        return i < 0 ? 0 : allocated[i];
    }

    /**
     * The allocation report, in tie-break order; every line has the master order's AvgPx.
     *
     * @param notional the master order's Σ LastQty × LastPx (scaled, {@link Prices}) at this CumQty
     */
    public List<Line> report(long notional) {
        BigDecimal avgPx = Prices.avgPx(notional, cumQty);
        List<Line> lines = new ArrayList<>(allocated.length);
        for (int i : weights.inRankOrder()) lines.add(new Line(weights.account(i), allocated[i], avgPx));
        return lines;
    }

    /** One account's line of the report: its quantity at the block's AvgPx. */
    public record Line(AccountId account, long allocatedQty, BigDecimal avgPx) {
    }

    public long lot() {
        return lot;
    }
}
