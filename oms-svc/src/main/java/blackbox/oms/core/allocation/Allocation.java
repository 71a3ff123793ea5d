package blackbox.oms.core.allocation;

import java.util.List;

/**
 * The result of allocating a block's quantity: the policy used (recorded immutably with the block) and each
 * account's part, in tie-break order (the order children are numbered in).
 *
 * @param lot the instrument's lot when allocated
 * @param residualQty {@code totalQty − Σ parts}: below one lot, not sent ({@link ResidualRule#REPORT}); 0 with
 *     {@link ResidualRule#FRACTIONAL}
 */
public record Allocation(AllocationMethod method, TieBreak tieBreak, ResidualRule residualRule, long lot, long totalQty,
                         List<AccountShare> shares, long residualQty) {
    public Allocation {
        shares = List.copyOf(shares);
        long sum = 0;
        for (AccountShare s : shares) sum += s.total();
        if (sum + residualQty != totalQty || residualQty < 0) {
            throw new IllegalStateException("parts must add up to the total: parts=" + sum + ", residual=" + residualQty
                    + ", total=" + totalQty);
        }
    }

    /** Σ of every account's part. */
    public long allocatedQty() {
        return totalQty - residualQty;
    }
}
