package blackbox.risk.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;

/**
 * One order (or one algorithm child, or a cancel) as the pre-trade check sees it.
 *
 * @param account the client account
 * @param strategy the strategy that sends it, {@link StrategyId#NONE} for a manual order
 * @param instrument the instrument
 * @param side buy or sell
 * @param type market, limit or stop-limit
 * @param quantity shares or contracts (checked: must be > 0 and a multiple of the lot)
 * @param limitPrice the limit price at {@link Money#SCALE} (stop-limit: its limit), {@link #NO_PRICE} for market
 * @param cancel a cancel of a working order: always passes (cancels are never evaluated, as at LiNe, B3-AFF)
 */
public record RiskOrder(AccountId account, StrategyId strategy, InstrumentId instrument, Side side, OrdType type,
                        long quantity, long limitPrice, boolean cancel) {
    /** {@link #limitPrice} of a market order. */
    public static final long NO_PRICE = 0;

    public RiskOrder {
        if (account == null || strategy == null || instrument == null || side == null || type == null) {
            throw new NullPointerException("account, strategy, instrument, side and type are required");
        }
    }

    /** A new limit order. */
    public static RiskOrder limit(AccountId account, StrategyId strategy, InstrumentId instrument, Side side,
                                  long quantity, long price) {
        return new RiskOrder(account, strategy, instrument, side, OrdType.LIMIT, quantity, price, false);
    }

    /** A new market order. */
    public static RiskOrder market(AccountId account, StrategyId strategy, InstrumentId instrument, Side side, long quantity) {
        return new RiskOrder(account, strategy, instrument, side, OrdType.MARKET, quantity, NO_PRICE, false);
    }

    /** The cancel of a working order with these fields. */
    public RiskOrder asCancel() {
        return new RiskOrder(account, strategy, instrument, side, type, quantity, limitPrice, true);
    }
}
