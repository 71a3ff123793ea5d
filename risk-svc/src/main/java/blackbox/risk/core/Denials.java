package blackbox.risk.core;

import blackbox.platform.domain.Side;
import blackbox.risk.switches.KillSwitch;
import java.math.BigDecimal;
import java.time.LocalTime;

/** The DENY messages of {@link PreTradeCheck}: built only when denying (they allocate). */
final class Denials {
    private Denials() {
    }

    static Decision stateUnknown(String because) {
        return Decision.deny(ReasonCode.RISK_STATE_UNKNOWN, "risk state unknown (" + because
                + "): new orders are denied until the kill switches are re-read from PostgreSQL");
    }

    static Decision halted(KillSwitch k) {
        return Decision.deny(ReasonCode.SWITCH_HALTED, k.describe() + ": only cancels pass");
    }

    static Decision reducingOnly(KillSwitch k, RiskOrder o, OrderContext c) {
        return Decision.deny(ReasonCode.SWITCH_REDUCING, k.describe() + ": only reducing orders pass: order "
                + side(o.side()) + " " + Money.quantity(o.quantity()) + " with position " + Money.quantity(c.position())
                + ", working " + (o.side() == Side.BUY ? "buys " + Money.quantity(c.openBuyQuantity())
                : "sells " + Money.quantity(c.openSellQuantity())));
    }

    static Decision invalidQuantity(long q) {
        return Decision.deny(ReasonCode.INVALID_QUANTITY, "quantity must be > 0: quantity=" + q);
    }

    static Decision lot(long q, long lot) {
        return Decision.deny(ReasonCode.LOT, "quantity must be a multiple of the lot " + Money.quantity(lot) + ": quantity="
                + Money.quantity(q));
    }

    static Decision invalidPrice(long price) {
        return Decision.deny(ReasonCode.INVALID_PRICE, "limit price must be > 0: price=" + Money.price(price));
    }

    static Decision tick(long price, long tick) {
        return Decision.deny(ReasonCode.TICK, "price must be a multiple of the tick " + Money.price(tick) + ": price="
                + Money.price(price));
    }

    static Decision noReferenceForMarket(RiskOrder o) {
        return Decision.deny(ReasonCode.NO_REFERENCE_PRICE, "market order needs a reference price for " + o.instrument()
                + ": there is no last trade nor previous close");
    }

    static Decision noReferenceForBand(RiskOrder o, ResolvedLimits a, ResolvedLimits b) {
        Scope source = source(a, b, LimitKind.PRICE_BAND);
        return Decision.deny(ReasonCode.NO_REFERENCE_PRICE, "price band for " + source.label() + " needs a reference price for "
                + o.instrument() + ": there is no last trade nor previous close");
    }

    static Decision outsideSession(RiskOrder o, InstrumentRules rules, ResolvedLimits a, ResolvedLimits b, long open,
                                   long close, long now) {
        String by;
        if (open != rules.sessionOpenNanoOfDay() || close != rules.sessionCloseNanoOfDay()) {
            Scope s = open != rules.sessionOpenNanoOfDay() ? source(a, b, LimitKind.SESSION_START) : source(a, b, LimitKind.SESSION_END);
            by = "session limit for " + s.label();
        } else {
            by = "session of " + o.instrument();
        }
        return Decision.deny(ReasonCode.OUTSIDE_SESSION, by + " is " + time(open) + "–" + time(close) + ": now " + time(now));
    }

    static Decision priceBand(RiskOrder o, ResolvedLimits a, ResolvedLimits b, long band, long reference) {
        Scope s = source(a, b, LimitKind.PRICE_BAND);
        boolean buy = o.side() == Side.BUY;
        BigDecimal bound = BigDecimal.valueOf(reference, Money.SCALE)
                .multiply(BigDecimal.valueOf(buy ? 10_000 + band : 10_000 - band, 4));
        long boundScaled = bound.setScale(Money.SCALE, java.math.RoundingMode.DOWN).unscaledValue().longValueExact();
        return Decision.deny(ReasonCode.PRICE_BAND, "price band for " + s.label() + " is " + LimitKind.PRICE_BAND.format(band)
                + " around the reference " + Money.brl(reference) + " (" + (buy ? "buys up to " : "sells down to ")
                + Money.brl(boundScaled) + "): order " + side(o.side()) + " at " + Money.brl(o.limitPrice()));
    }

    static Decision notCovered(RiskOrder o, OrderContext c) {
        long cover = Money.plus(c.position(), c.borrowAvailable());
        long sells = Money.plus(c.openSellQuantity(), o.quantity());
        return Decision.deny(ReasonCode.SHORT_NOT_COVERED, "sale cover (position + borrow) for account " + o.account() + " in "
                + o.instrument() + " is " + Money.quantity(cover) + " (position " + Money.quantity(c.position()) + " + borrow "
                + Money.quantity(c.borrowAvailable()) + "): sells " + Money.quantity(sells) + " (working "
                + Money.quantity(c.openSellQuantity()) + " + order " + Money.quantity(o.quantity()) + ")");
    }

    static Decision throttle(RateWindow w, long now) {
        return Decision.deny(ReasonCode.THROTTLE, LimitKind.MAX_ORDERS_PER_SECOND.label() + " for " + w.scope().label() + " is "
                + Money.quantity(w.capacity()) + ": " + Money.quantity(w.inLastSecond(now)) + " accepted in the last second");
    }

    /** {@code <kind> for <scope> is <limit>: <order's value>}. */
    static Decision limit(LimitKind kind, ResolvedLimits a, ResolvedLimits b, String orderValue) {
        return limit(kind, a, b, orderValue, ReasonCode.valueOf(kind.name()));
    }

    static Decision limit(LimitKind kind, ResolvedLimits a, ResolvedLimits b, String orderValue, ReasonCode code) {
        Scope s = source(a, b, kind);
        long value = kind.tightest() == LimitKind.Tightest.LOWEST
                ? PreTradeCheck.lowest(a, b, kind) : PreTradeCheck.highest(a, b, kind);
        return Decision.deny(code, kind.label() + " for " + s.label() + " is " + kind.format(value) + ": " + orderValue);
    }

    /** The scope of the tighter of the two values (the first record's on a tie). */
    static Scope source(ResolvedLimits a, ResolvedLimits b, LimitKind kind) {
        long va = a.value(kind);
        long vb = b.value(kind);
        if (b.source(kind) != null && (a.source(kind) == null || !kind.atLeastAsTight(va, vb))) return b.source(kind);
        return a.source(kind);
    }

    private static String side(Side s) {
        return s == Side.BUY ? "buy" : "sell";
    }

    private static String time(long nanoOfDay) {
        if (nanoOfDay >= 86_400_000_000_000L) return "24:00:00";
        LocalTime t = LocalTime.ofNanoOfDay(nanoOfDay).withNano(0);
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }
}
