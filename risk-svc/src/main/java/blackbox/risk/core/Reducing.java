package blackbox.risk.core;

import blackbox.platform.domain.Side;

/**
 * When an order reduces the position. With position {@code P} (signed), working buys {@code B}, working sells
 * {@code S} and the order's quantity {@code q}:
 * <ul>
 *   <li>a sell is reducing iff {@code P > 0} and {@code P − S − q ≥ 0}: even if every working sell and this one
 *       fill, and no buy does, the account ends flat or long;</li>
 *   <li>a buy is reducing iff {@code P < 0} and {@code P + B + q ≤ 0}: it ends flat or short.</li>
 * </ul>
 * Such an order can never make {@code |position|} larger than it would be without it, whatever fills in whatever
 * order; it cannot flip the position. Working orders on the other side do not matter (they raise exposure with or
 * without this order). A sell of 100 against a long of 100 with another 100 already being sold is not reducing:
 * both filling would open a short.
 */
public final class Reducing {
    private Reducing() {
    }

    /** Is an order of {@code side} and {@code quantity} reducing in this context? No allocation. */
    public static boolean isReducing(Side side, long quantity, OrderContext context) {
        long p = context.position();
        if (quantity <= 0) return false;
        if (side == Side.SELL) {
            return p > 0 && p - context.openSellQuantity() - quantity >= 0;
        }
        return p < 0 && p + context.openBuyQuantity() + quantity <= 0;
    }
}
