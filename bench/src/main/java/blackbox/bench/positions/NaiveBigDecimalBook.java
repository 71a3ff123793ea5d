package blackbox.bench.positions;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.platform.domain.B3Calendar;
import blackbox.positions.core.Fill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline of the core benchmark: the same rules as {@code PositionBook} for plain trades (day-trade-first
 * split, swing average, the built-in equity fee lines rounded HALF_UP per line, a cash ledger by settlement
 * date, desk totals, idempotency by ExecID) written the naive way: {@link BigDecimal} for every price, value
 * and amount, a new state object graph per fill. Equities only (the benchmark's fills).
 */
final class NaiveBigDecimalBook {
    private static final BigDecimal[][] RATES = {
        {new BigDecimal("0.000050"), new BigDecimal("0.000250")}, // normal: trading, settlement
        {new BigDecimal("0.000050"), new BigDecimal("0.000180")}, // day trade
    };

    private record Key(AccountId account, InstrumentId instrument) {
    }

    private static final class State {
        LocalDate tradeDate;
        long openingQty;
        BigDecimal openingCost = BigDecimal.ZERO;
        long buyQty;
        BigDecimal buyValue = BigDecimal.ZERO;
        long sellQty;
        BigDecimal sellValue = BigDecimal.ZERO;
        long qty;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
    }

    private final Map<Key, State> states = new HashMap<>();
    private final Map<String, Fill> applied = new HashMap<>();
    private final Map<AccountId, TreeMap<LocalDate, BigDecimal>> ledgers = new HashMap<>();
    private final Map<InstrumentId, BigDecimal[]> totals = new HashMap<>();
    private final B3Calendar calendar = B3Calendar.instance();

    /** Applies a trade; returns the change of realized P&amp;L (BRL). */
    BigDecimal apply(Fill fill) {
        if (applied.putIfAbsent(fill.execId(), fill) != null) return BigDecimal.ZERO;
        Key key = new Key(fill.account(), fill.instrument());
        State s = states.computeIfAbsent(key, k -> {
            State n = new State();
            n.tradeDate = fill.tradeDate();
            return n;
        });
        BigDecimal oldRealized = s.realized;
        BigDecimal oldCosts = s.costs;
        BigDecimal oldCash = s.cash;
        long oldQty = s.qty;
        BigDecimal oldCost = s.cost;
        BigDecimal price = BigDecimal.valueOf(fill.priceE4(), 4);
        BigDecimal value = price.multiply(BigDecimal.valueOf(fill.quantity()));
        if (fill.side() == Side.BUY) {
            s.buyQty += fill.quantity();
            s.buyValue = s.buyValue.add(value);
        } else {
            s.sellQty += fill.quantity();
            s.sellValue = s.sellValue.add(value);
        }
        recompute(s);
        BigDecimal dCash = s.cash.subtract(oldCash);
        LocalDate settles = calendar.plusBusinessDays(s.tradeDate, 2);
        ledgers.computeIfAbsent(fill.account(), a -> new TreeMap<>()).merge(settles, dCash, BigDecimal::add);
        BigDecimal[] t = totals.computeIfAbsent(fill.instrument(), i -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO});
        t[0] = t[0].add(BigDecimal.valueOf(s.qty - oldQty));
        t[1] = t[1].add(s.cost.subtract(oldCost));
        t[2] = t[2].add(s.realized.subtract(oldRealized));
        t[3] = t[3].add(s.costs.subtract(oldCosts));
        return s.realized.subtract(oldRealized);
    }

    private static void recompute(State s) {
        long dt = Math.min(s.buyQty, s.sellQty);
        BigDecimal dtBuy = s.buyQty == 0 ? BigDecimal.ZERO
                : s.buyValue.multiply(BigDecimal.valueOf(dt)).divide(BigDecimal.valueOf(s.buyQty), 6, RoundingMode.HALF_EVEN);
        BigDecimal dtSell = s.sellQty == 0 ? BigDecimal.ZERO
                : s.sellValue.multiply(BigDecimal.valueOf(dt)).divide(BigDecimal.valueOf(s.sellQty), 6, RoundingMode.HALF_EVEN);
        BigDecimal realized = dtSell.subtract(dtBuy);
        long excess = s.buyQty - s.sellQty;
        BigDecimal excessValue = excess > 0 ? s.buyValue.subtract(dtBuy) : s.sellValue.subtract(dtSell);
        if (excess == 0) {
            s.qty = s.openingQty;
            s.cost = s.openingCost;
        } else if (s.openingQty == 0 || Long.signum(s.openingQty) == Long.signum(excess)) {
            s.qty = s.openingQty + excess;
            s.cost = s.openingCost.add(excess > 0 ? excessValue : excessValue.negate());
        } else {
            long held = Math.abs(s.openingQty);
            long moved = Math.abs(excess);
            long closed = Math.min(held, moved);
            BigDecimal costClosed = s.openingCost.multiply(BigDecimal.valueOf(closed)).divide(BigDecimal.valueOf(held), 6,
                    RoundingMode.HALF_EVEN);
            BigDecimal proceeds = excessValue.multiply(BigDecimal.valueOf(closed)).divide(BigDecimal.valueOf(moved), 6,
                    RoundingMode.HALF_EVEN);
            realized = realized.add((s.openingQty > 0 ? proceeds : proceeds.negate()).subtract(costClosed));
            s.qty = s.openingQty + excess;
            s.cost = moved <= held ? s.openingCost.subtract(costClosed)
                    : (excess > 0 ? excessValue.subtract(proceeds) : excessValue.subtract(proceeds).negate());
        }
        s.realized = realized;
        BigDecimal dtValue = dtBuy.add(dtSell);
        BigDecimal normalValue = s.buyValue.add(s.sellValue).subtract(dtValue);
        BigDecimal costs = BigDecimal.ZERO;
        for (int line = 0; line < 2; line++) {
            costs = costs.add(normalValue.multiply(RATES[0][line]).setScale(2, RoundingMode.HALF_UP));
            costs = costs.add(dtValue.multiply(RATES[1][line]).setScale(2, RoundingMode.HALF_UP));
        }
        s.costs = costs;
        s.cash = s.sellValue.subtract(s.buyValue).subtract(costs);
    }

    /** Sum of the desk's realized P&amp;L (to check both books agree). */
    BigDecimal deskRealized() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal[] t : totals.values()) sum = sum.add(t[2]);
        return sum;
    }

    /** Sum of the desk's costs. */
    BigDecimal deskCosts() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal[] t : totals.values()) sum = sum.add(t[3]);
        return sum;
    }
}
