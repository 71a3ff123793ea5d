package blackbox.oms.core.allocation;

import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a block's quantity across accounts (b3-trading.md §7): FIXED quantities as given; PERCENT, EQUITY and
 * CASH proportionally, {@code target_i = total × w_i / Σw}, rounded with {@link LargestRemainder} to whole lots
 * (the rest reported as residual) or, with {@link ResidualRule#FRACTIONAL}, to shares whose below-lot part goes to
 * the fractional market. Pure; the weights (equity, cash) are inputs.
 */
public final class Allocator {
    /** Decimals of {@link AccountShare#target} (display only). */
    public static final int TARGET_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Allocator() {
    }

    /**
     * @param totalQty PERCENT/EQUITY/CASH: {@code > 0}; FIXED: 0 or the sum of the quantities
     * @param lot the instrument's lot, {@code > 0}
     * @param participants in the request's order; fields are named {@code accounts[i]...} after it
     */
    public static AllocationOutcome allocate(AllocationMethod method, List<Participant> participants, long totalQty,
                                             long lot, TieBreak tieBreak, ResidualRule rule) {
        if (lot <= 0) throw new IllegalArgumentException("lot must be > 0: lot=" + lot);
        if (participants.isEmpty()) return refused("accounts", "accounts must not be empty");
        Set<AccountId> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            if (!seen.add(participants.get(i).account())) {
                return refused("accounts[" + i + "].account", "accounts[" + i + "].account is listed twice: accounts[" + i
                        + "].account=\"" + participants.get(i).account() + "\"");
            }
        }
        return method == AllocationMethod.FIXED
                ? fixed(participants, totalQty, lot, tieBreak, rule)
                : proportional(method, participants, totalQty, lot, tieBreak, rule);
    }

    private static AllocationOutcome fixed(List<Participant> participants, long totalQty, long lot, TieBreak tieBreak,
                                           ResidualRule rule) {
        long sum = 0;
        for (int i = 0; i < participants.size(); i++) {
            BigDecimal q = participants.get(i).weight();
            String field = "accounts[" + i + "].quantity";
            if (q.signum() <= 0 || q.stripTrailingZeros().scale() > 0) {
                return refused(field, field + " must be a whole number > 0: " + field + "=" + q.toPlainString());
            }
            long qty = q.longValueExact();
            if (rule == ResidualRule.REPORT && qty % lot != 0) {
                return refused(field, field + " must be a multiple of the lot " + lot + ": " + field + "=" + qty);
            }
            sum = Math.addExact(sum, qty);
        }
        if (totalQty != 0 && totalQty != sum) {
            return refused("total_qty", "total_qty must be 0 or the sum of the accounts' quantities " + sum
                    + " with FIXED: total_qty=" + totalQty);
        }
        Weights weights = new Weights(participants, tieBreak);
        List<AccountShare> shares = new ArrayList<>();
        for (int i : weights.inRankOrder()) {
            long qty = participants.get(i).weight().longValueExact();
            shares.add(share(participants.get(i), new BigDecimal(qty).setScale(TARGET_SCALE), qty, lot));
        }
        return new AllocationOutcome.Allocated(new Allocation(AllocationMethod.FIXED, tieBreak, rule, lot, sum, shares, 0));
    }

    private static AllocationOutcome proportional(AllocationMethod method, List<Participant> participants, long totalQty,
                                                  long lot, TieBreak tieBreak, ResidualRule rule) {
        if (totalQty <= 0) return refused("total_qty", "total_qty must be > 0: total_qty=" + totalQty);
        Weights weights = new Weights(participants, tieBreak);
        if (method == AllocationMethod.PERCENT) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Participant p : participants) sum = sum.add(p.weight());
            if (sum.compareTo(HUNDRED) != 0) {
                return refused("accounts", "accounts' percentages must sum to 100: sum=" + sum.toPlainString());
            }
        }
        if (weights.sum.signum() == 0) {
            return refused("accounts", "accounts' weights (" + method + ") must not all be zero: accounts="
                    + participants.size());
        }
        long unit = rule == ResidualRule.FRACTIONAL ? 1 : lot;
        BigInteger total = BigInteger.valueOf(totalQty);
        int n = participants.size();
        BigInteger[] deficits = new BigInteger[n];
        for (int i = 0; i < n; i++) deficits[i] = total.multiply(weights.scaled[i]);
        long[] units = LargestRemainder.distribute(deficits, weights.sum, unit, totalQty / unit, weights.rank);
        List<AccountShare> shares = new ArrayList<>(n);
        long allocated = 0;
        BigDecimal denominator = new BigDecimal(weights.sum);
        for (int i : weights.inRankOrder()) {
            long qty = units[i] * unit;
            allocated += qty;
            BigDecimal target = new BigDecimal(deficits[i]).divide(denominator, TARGET_SCALE, RoundingMode.HALF_EVEN);
            shares.add(share(participants.get(i), target, qty, lot));
        }
        return new AllocationOutcome.Allocated(new Allocation(method, tieBreak, rule, lot, totalQty, shares,
                totalQty - allocated));
    }

    private static AccountShare share(Participant p, BigDecimal target, long qty, long lot) {
        long fractional = qty % lot;
        return new AccountShare(p.account(), p.weight(), target, qty - fractional, fractional);
    }

    private static AllocationOutcome refused(String field, String message) {
        return new AllocationOutcome.Refused(field, message);
    }
}
