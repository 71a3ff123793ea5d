package blackbox.strategies.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What each fill costs: a fixed amount per order plus a rate on the notional (B3's emolumentos and the broker's
 * brokerage are of this shape). {@link #NONE} for the oracle comparisons.
 *
 * @param perOrder BRL per fill, &gt;= 0
 * @param rateBasisPoints on price × quantity, in basis points (1 bp = 0.01 %), &gt;= 0
 */
public record Costs(BigDecimal perOrder, BigDecimal rateBasisPoints) {
    /** No costs. */
    public static final Costs NONE = new Costs(BigDecimal.ZERO, BigDecimal.ZERO);

    public Costs {
        if (perOrder.signum() < 0) {
            throw new IllegalArgumentException("must be >= 0: perOrder=" + perOrder);
        }
        if (rateBasisPoints.signum() < 0) {
            throw new IllegalArgumentException("must be >= 0: rateBasisPoints=" + rateBasisPoints);
        }
    }

    /** @return the cost of a fill of {@code notionalUnits} (BRL × 10^4), in the same units, rounded half-even */
    long of(long notionalUnits) {
        if (this == NONE) {
            return 0;
        }
        return perOrder.movePointRight(Money.SCALE).setScale(0, RoundingMode.HALF_EVEN).longValueExact()
                + BigDecimal.valueOf(notionalUnits).multiply(rateBasisPoints).movePointLeft(4)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
