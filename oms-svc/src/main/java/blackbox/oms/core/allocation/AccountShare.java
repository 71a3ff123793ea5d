package blackbox.oms.core.allocation;

import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;

/**
 * One account's part of an allocation.
 *
 * @param weight what it was weighed by (quantity, percent, BRL)
 * @param target its exact share of the total before rounding, half-even to {@value Allocator#TARGET_SCALE}
 *     decimals (display only: the rounding used the exact fraction)
 * @param quantity round lots, shares
 * @param fractionalQty shares below a lot, for the fractional market ({@link ResidualRule#FRACTIONAL}), else 0
 */
public record AccountShare(AccountId account, BigDecimal weight, BigDecimal target, long quantity, long fractionalQty) {
    public long total() {
        return quantity + fractionalQty;
    }
}
