package blackbox.risk.core;

import static blackbox.risk.core.LimitKind.MAX_DAILY_NOTIONAL;
import static blackbox.risk.core.LimitKind.MAX_LONG_POSITION;
import static blackbox.risk.core.LimitKind.MAX_OPEN_ORDERS;
import static blackbox.risk.core.LimitKind.MAX_ORDER_NOTIONAL;
import static blackbox.risk.core.LimitKind.MAX_ORDER_QUANTITY;
import static blackbox.risk.core.LimitKind.MAX_SHORT_POSITION;
import static blackbox.risk.core.LimitKind.MIN_D2_CASH;
import static blackbox.risk.core.LimitKind.PRICE_BAND;
import static blackbox.risk.core.LimitKind.SESSION_END;
import static blackbox.risk.core.LimitKind.SESSION_START;

import blackbox.platform.domain.Side;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchState;

/**
 * The pre-trade check: a pure function of the order, the caller's context and the risk snapshot (plus the
 * throttle windows the snapshot's limit book holds). No I/O, no clock, no allocation on ACCEPT.
 *
 * <p>Checks run in this order and the first DENY is the answer:
 * <ol>
 *   <li>a cancel passes, always;</li>
 *   <li>{@link ReasonCode#RISK_STATE_UNKNOWN} while the switch view does not follow PostgreSQL;</li>
 *   <li>kill switches: the most restrictive of the desk, strategy, account and instrument switches —
 *       {@code SWITCH_HALTED}; {@code SWITCH_REDUCING} unless the order is reducing ({@link Reducing});</li>
 *   <li>the order against its instrument: {@code INVALID_QUANTITY} (≤ 0), {@code LOT}, then the price: a market
 *       order needs a reference price ({@code NO_REFERENCE_PRICE}) and is valued at it; a limit or stop-limit
 *       price must be > 0 ({@code INVALID_PRICE}) and a multiple of the tick ({@code TICK});
 *       {@code OUTSIDE_SESSION}: the instrument's session narrowed by {@code SESSION_START}/{@code SESSION_END};</li>
 *   <li>fat finger, for every order: {@code MAX_ORDER_QUANTITY}, {@code MAX_ORDER_NOTIONAL}, {@code PRICE_BAND}
 *       (limit prices only; buys above {@code ref × (1 + band)}, sells below {@code ref × (1 − band)});</li>
 *   <li>exposure, skipped for a reducing order: buys {@code MAX_LONG_POSITION} ({@code P + B + q}), sells
 *       {@code MAX_SHORT_POSITION} ({@code S + q − P}); {@code SHORT_NOT_COVERED} for sales that need cover
 *       ({@code P − S − q < −borrow}); {@code BUYING_POWER} for buys that debit cash
 *       ({@code D2 − notional < MIN_D2_CASH}); {@code MAX_DAILY_NOTIONAL} ({@code traded today + notional});</li>
 *   <li>flow: {@code MAX_OPEN_ORDERS} ({@code working + 1}), then {@code THROTTLE}; an ACCEPT is recorded in
 *       every throttle window that applies.</li>
 * </ol>
 * Within one check every applicable limit is compared: the account×instrument record (desk ∧ account ∧
 * instrument ∧ account×instrument, compiled by {@link LimitBook}) and the strategy's; the tightest value denies
 * and the message names its scope (on a tie, the compiled record's). A limit that is not set does not bind
 * (buying power included: the desk sets {@code MIN_D2_CASH} 0 to forbid any debit beyond cash).
 *
 * <p>The measures are the account's or the account×instrument's, from the context, whatever the scope that set
 * the value (a desk {@code MAX_ORDER_NOTIONAL} is each order's cap). The throttle is the exception because the
 * check counts it: each scope that sets {@code MAX_ORDERS_PER_SECOND} has its own window over its own orders (the
 * desk's over all orders, an account's over that account's).
 *
 * <p>Stateless; the throttle windows are not thread-safe, so calls are serialized by the caller ({@code RiskGate}).
 */
public final class PreTradeCheck {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * Checks one order.
     *
     * @return {@link Decision#ACCEPT} (the shared instance) or a DENY with its reason and message
     */
    public Decision check(RiskOrder order, OrderContext context, RiskSnapshot snapshot) {
        if (order.cancel()) return Decision.ACCEPT;
        if (!snapshot.known()) return Denials.stateUnknown(snapshot.unknownBecause());
        boolean reducing = Reducing.isReducing(order.side(), order.quantity(), context);

        KillSwitch binding = snapshot.switches().binding(order.account(), order.strategy(), order.instrument());
        if (binding != null) {
            if (binding.state() == SwitchState.HALTED) return Denials.halted(binding);
            if (binding.state() == SwitchState.REDUCING && !reducing) return Denials.reducingOnly(binding, order, context);
        }

        InstrumentRules rules = context.rules();
        long quantity = order.quantity();
        if (quantity <= 0) return Denials.invalidQuantity(quantity);
        if (quantity % rules.lot() != 0) return Denials.lot(quantity, rules.lot());
        long price;
        boolean market = order.type() == OrdType.MARKET;
        if (market) {
            if (context.referencePrice() <= 0) return Denials.noReferenceForMarket(order);
            price = context.referencePrice();
        } else {
            price = order.limitPrice();
            if (price <= 0) return Denials.invalidPrice(price);
            if (price % rules.tick() != 0) return Denials.tick(price, rules.tick());
        }

        LimitBook book = snapshot.limits();
        ResolvedLimits pair = book.resolve(order.account(), order.instrument());
        ResolvedLimits strategy = order.strategy().isNone() ? ResolvedLimits.NONE : book.strategy(order.strategy());

        long startLimit = highest(pair, strategy, SESSION_START);
        long endLimit = lowest(pair, strategy, SESSION_END);
        long open = startLimit == Long.MIN_VALUE ? rules.sessionOpenNanoOfDay()
                : Math.max(rules.sessionOpenNanoOfDay(), startLimit * NANOS_PER_SECOND);
        long close = endLimit == Long.MAX_VALUE ? rules.sessionCloseNanoOfDay()
                : Math.min(rules.sessionCloseNanoOfDay(), endLimit * NANOS_PER_SECOND);
        long now = context.exchangeNanoOfDay();
        if (now < open || now >= close) return Denials.outsideSession(order, rules, pair, strategy, open, close, now);

        if (quantity > lowest(pair, strategy, MAX_ORDER_QUANTITY)) {
            return Denials.limit(MAX_ORDER_QUANTITY, pair, strategy, "order " + Money.quantity(quantity));
        }
        long notional = Money.notional(quantity, price, rules.pointValue());
        if (notional > lowest(pair, strategy, MAX_ORDER_NOTIONAL)) {
            return Denials.limit(MAX_ORDER_NOTIONAL, pair, strategy, "order " + Money.brl(notional));
        }
        long band = lowest(pair, strategy, PRICE_BAND);
        if (band != Long.MAX_VALUE && !market) {
            long reference = context.referencePrice();
            if (reference <= 0) return Denials.noReferenceForBand(order, pair, strategy);
            long scaledPrice = Money.times(price, 10_000);
            boolean outside = order.side() == Side.BUY
                    ? scaledPrice > Money.times(reference, 10_000 + band)
                    : scaledPrice < Money.times(reference, 10_000 - band);
            if (outside) return Denials.priceBand(order, pair, strategy, band, reference);
        }

        if (!reducing) {
            long p = context.position();
            if (order.side() == Side.BUY) {
                long potentialLong = Money.plus(Money.plus(p, context.openBuyQuantity()), quantity);
                if (potentialLong > lowest(pair, strategy, MAX_LONG_POSITION)) {
                    return Denials.limit(MAX_LONG_POSITION, pair, strategy, "order would reach " + Money.quantity(potentialLong)
                            + " (position " + Money.quantity(p) + " + working buys " + Money.quantity(context.openBuyQuantity())
                            + " + order " + Money.quantity(quantity) + ")");
                }
            } else {
                long potentialShort = Money.plus(Money.plus(context.openSellQuantity(), quantity), -p);
                if (potentialShort > lowest(pair, strategy, MAX_SHORT_POSITION)) {
                    return Denials.limit(MAX_SHORT_POSITION, pair, strategy, "order would reach " + Money.quantity(potentialShort)
                            + " short (position " + Money.quantity(p) + " − working sells "
                            + Money.quantity(context.openSellQuantity()) + " − order " + Money.quantity(quantity) + ")");
                }
                if (rules.saleNeedsCover()
                        && Money.plus(context.openSellQuantity(), quantity) > Money.plus(p, context.borrowAvailable())) {
                    return Denials.notCovered(order, context);
                }
            }
            if (order.side() == Side.BUY && rules.debitsCash()) {
                long minCash = highest(pair, strategy, MIN_D2_CASH);
                if (minCash != Long.MIN_VALUE && Money.plus(context.projectedD2Cash(), -notional) < minCash) {
                    return Denials.limit(MIN_D2_CASH, pair, strategy, "order would leave "
                            + Money.brl(Money.plus(context.projectedD2Cash(), -notional)) + " (projected "
                            + Money.brl(context.projectedD2Cash()) + " − order " + Money.brl(notional) + ")",
                            ReasonCode.BUYING_POWER);
                }
            }
            long dayNotional = Money.plus(context.tradedNotionalToday(), notional);
            if (dayNotional > lowest(pair, strategy, MAX_DAILY_NOTIONAL)) {
                return Denials.limit(MAX_DAILY_NOTIONAL, pair, strategy, "order would reach " + Money.brl(dayNotional)
                        + " (traded " + Money.brl(context.tradedNotionalToday()) + " + order " + Money.brl(notional) + ")");
            }
        }

        if ((long) context.openOrders() + 1 > lowest(pair, strategy, MAX_OPEN_ORDERS)) {
            return Denials.limit(MAX_OPEN_ORDERS, pair, strategy, "order would make " + Money.quantity(context.openOrders() + 1L));
        }
        long nowUtc = context.nowUtcNanos();
        RateWindow[] pairWindows = pair.windows;
        RateWindow[] strategyWindows = strategy.windows;
        for (RateWindow w : pairWindows) if (!w.admits(nowUtc)) return Denials.throttle(w, nowUtc);
        for (RateWindow w : strategyWindows) if (!w.admits(nowUtc)) return Denials.throttle(w, nowUtc);
        for (RateWindow w : pairWindows) w.record(nowUtc);
        for (RateWindow w : strategyWindows) w.record(nowUtc);
        return Decision.ACCEPT;
    }

    static long lowest(ResolvedLimits a, ResolvedLimits b, LimitKind kind) {
        return Math.min(a.values[kind.ordinal()], b.values[kind.ordinal()]);
    }

    static long highest(ResolvedLimits a, ResolvedLimits b, LimitKind kind) {
        return Math.max(a.values[kind.ordinal()], b.values[kind.ordinal()]);
    }
}
