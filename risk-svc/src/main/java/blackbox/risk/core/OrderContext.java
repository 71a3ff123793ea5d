package blackbox.risk.core;

/**
 * The snapshot the caller (oms-svc, from its own state and positions-svc) gives with each check. The core never
 * asks where a number comes from. Quantities are shares or contracts; money and prices at {@link Money#SCALE}.
 *
 * @param position the account's signed position in the instrument (> 0 long, < 0 short), filled quantity only
 * @param borrowAvailable shares the account has borrowed (or may borrow) in the instrument, ≥ 0: how short it may go
 * @param openOrders the account's working orders (all instruments), not counting this one
 * @param openBuyQuantity leaves quantity of the account's working buys in the instrument
 * @param openSellQuantity leaves quantity of the account's working sells in the instrument
 * @param tradedNotionalToday the account's traded (filled) notional today, all instruments, ≥ 0
 * @param referencePrice the last trade of the instrument, else the previous close or settlement (BRPC/BRPV's
 *     {@code Price_i}, b3-trading.md §4); 0 when there is none
 * @param projectedD2Cash the account's projected D+2 cash: the positions-svc ledger's D+2 balance minus the notional
 *     reserved by its working buys (signed)
 * @param rules lot, tick, point value and session of the instrument
 * @param nowUtcNanos now, UTC epoch nanoseconds (the throttle's clock)
 * @param exchangeNanoOfDay now in exchange-local time ({@code America/Sao_Paulo}), nanoseconds of day
 */
public record OrderContext(long position, long borrowAvailable, int openOrders, long openBuyQuantity,
                           long openSellQuantity, long tradedNotionalToday, long referencePrice, long projectedD2Cash,
                           InstrumentRules rules, long nowUtcNanos, long exchangeNanoOfDay) {
    public OrderContext {
        if (rules == null) throw new NullPointerException("rules");
        if (borrowAvailable < 0 || openOrders < 0 || openBuyQuantity < 0 || openSellQuantity < 0 || referencePrice < 0) {
            throw new IllegalArgumentException("borrow, open orders, open quantities and reference price must be >= 0: borrow="
                    + borrowAvailable + " openOrders=" + openOrders + " openBuy=" + openBuyQuantity + " openSell="
                    + openSellQuantity + " referencePrice=" + referencePrice);
        }
    }
}
