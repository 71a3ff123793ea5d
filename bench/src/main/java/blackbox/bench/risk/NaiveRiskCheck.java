package blackbox.bench.risk;

import blackbox.platform.domain.Side;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.LimitRow;
import blackbox.risk.core.Money;
import blackbox.risk.core.OrdType;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.ReasonCode;
import blackbox.risk.core.Reducing;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.core.Scope;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the same rules in the same order as {@code PreTradeCheck}, written the straightforward way —
 * the applicable limits are resolved per check from the rows (either scanning every row, or looking each of the
 * order's five scopes up in a map of rows by scope), and money is {@link BigDecimal}. It answers the same reason
 * codes (the benchmark asserts it on every order before measuring). No switches, no throttle (the bench sets
 * neither).
 */
final class NaiveRiskCheck {
    private final List<LimitRow> rows;
    private final Map<Scope, List<LimitRow>> byScope = new HashMap<>();
    private final boolean scan;

    NaiveRiskCheck(List<LimitRow> rows, boolean scanEveryRow) {
        this.rows = List.copyOf(rows);
        this.scan = scanEveryRow;
        for (LimitRow r : rows) byScope.computeIfAbsent(r.scope(), s -> new java.util.ArrayList<>()).add(r);
    }

    ReasonCode check(RiskOrder o, OrderContext c) {
        if (o.cancel()) return ReasonCode.NONE;
        List<Scope> scopes = List.of(Scope.DESK, Scope.strategy(o.strategy()), Scope.account(o.account()),
                Scope.instrument(o.instrument()), Scope.accountInstrument(o.account(), o.instrument()));
        Map<LimitKind, BigDecimal> limits = new EnumMap<>(LimitKind.class);
        if (scan) {
            for (LimitRow r : rows) if (scopes.contains(r.scope())) tighten(limits, r);
        } else {
            for (Scope s : scopes) for (LimitRow r : byScope.getOrDefault(s, List.of())) tighten(limits, r);
        }
        boolean reducing = Reducing.isReducing(o.side(), o.quantity(), c);
        var rules = c.rules();
        if (o.quantity() <= 0) return ReasonCode.INVALID_QUANTITY;
        if (o.quantity() % rules.lot() != 0) return ReasonCode.LOT;
        BigDecimal price;
        if (o.type() == OrdType.MARKET) {
            if (c.referencePrice() <= 0) return ReasonCode.NO_REFERENCE_PRICE;
            price = money(c.referencePrice());
        } else {
            price = money(o.limitPrice());
            if (price.signum() <= 0) return ReasonCode.INVALID_PRICE;
            if (price.remainder(money(rules.tick())).signum() != 0) return ReasonCode.TICK;
        }
        long open = rules.sessionOpenNanoOfDay();
        long close = rules.sessionCloseNanoOfDay();
        if (limits.containsKey(LimitKind.SESSION_START)) open = Math.max(open, limits.get(LimitKind.SESSION_START).longValue() * 1_000_000_000L);
        if (limits.containsKey(LimitKind.SESSION_END)) close = Math.min(close, limits.get(LimitKind.SESSION_END).longValue() * 1_000_000_000L);
        if (c.exchangeNanoOfDay() < open || c.exchangeNanoOfDay() >= close) return ReasonCode.OUTSIDE_SESSION;
        BigDecimal qty = BigDecimal.valueOf(o.quantity());
        if (over(limits, LimitKind.MAX_ORDER_QUANTITY, qty)) return ReasonCode.MAX_ORDER_QUANTITY;
        BigDecimal notional = qty.multiply(price).multiply(money(rules.pointValue()));
        if (over(limits, LimitKind.MAX_ORDER_NOTIONAL, notional.divide(BigDecimal.ONE))) return ReasonCode.MAX_ORDER_NOTIONAL;
        BigDecimal band = limits.get(LimitKind.PRICE_BAND);
        if (band != null && o.type() != OrdType.MARKET) {
            if (c.referencePrice() <= 0) return ReasonCode.NO_REFERENCE_PRICE;
            BigDecimal ref = money(c.referencePrice());
            BigDecimal pct = band.movePointLeft(4);
            if (o.side() == Side.BUY ? price.compareTo(ref.multiply(BigDecimal.ONE.add(pct))) > 0
                    : price.compareTo(ref.multiply(BigDecimal.ONE.subtract(pct))) < 0) return ReasonCode.PRICE_BAND;
        }
        if (!reducing) {
            BigDecimal p = BigDecimal.valueOf(c.position());
            if (o.side() == Side.BUY) {
                if (over(limits, LimitKind.MAX_LONG_POSITION, p.add(BigDecimal.valueOf(c.openBuyQuantity())).add(qty))) return ReasonCode.MAX_LONG_POSITION;
            } else {
                if (over(limits, LimitKind.MAX_SHORT_POSITION, BigDecimal.valueOf(c.openSellQuantity()).add(qty).subtract(p))) return ReasonCode.MAX_SHORT_POSITION;
                if (rules.saleNeedsCover() && BigDecimal.valueOf(c.openSellQuantity()).add(qty)
                        .compareTo(p.add(BigDecimal.valueOf(c.borrowAvailable()))) > 0) return ReasonCode.SHORT_NOT_COVERED;
            }
            BigDecimal minCash = limits.get(LimitKind.MIN_D2_CASH);
            if (o.side() == Side.BUY && rules.debitsCash() && minCash != null
                    && money(c.projectedD2Cash()).subtract(notional).compareTo(money(minCash.longValue())) < 0) return ReasonCode.BUYING_POWER;
            if (over(limits, LimitKind.MAX_DAILY_NOTIONAL, money(c.tradedNotionalToday()).add(notional))) return ReasonCode.MAX_DAILY_NOTIONAL;
        }
        if (over(limits, LimitKind.MAX_OPEN_ORDERS, BigDecimal.valueOf(c.openOrders() + 1L))) return ReasonCode.MAX_OPEN_ORDERS;
        return ReasonCode.NONE;
    }

    private static void tighten(Map<LimitKind, BigDecimal> limits, LimitRow r) {
        BigDecimal v = BigDecimal.valueOf(r.value());
        limits.merge(r.kind(), v, (a, b) -> r.kind().tightest() == LimitKind.Tightest.LOWEST ? a.min(b) : a.max(b));
    }

    /** Is {@code value} (reais for money kinds) above the kind's limit? */
    private static boolean over(Map<LimitKind, BigDecimal> limits, LimitKind kind, BigDecimal value) {
        BigDecimal limit = limits.get(kind);
        if (limit == null) return false;
        BigDecimal l = kind.unit() == LimitKind.Unit.MONEY ? money(limit.longValue()) : limit;
        return value.compareTo(l) > 0;
    }

    private static BigDecimal money(long scaled) {
        return BigDecimal.valueOf(scaled, Money.SCALE);
    }
}
