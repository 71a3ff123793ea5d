package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * One account's position in one instrument for its current trade date: the opening (swing) position, the day's
 * buys and sells, and everything derived from them. Mutable; owned by {@link PositionBook} (one thread).
 *
 * <p>Every derived figure is a function of (opening, day totals, settlement price, fee schedule), never of the
 * order in which the day's fills came (b3-trading.md §5, the day-trade-first rule of B3 and the Receita):
 *
 * <ol>
 *   <li>day-traded quantity {@code dt = min(B, S)} of the day's bought B and sold S; its buy and sell values
 *       are the day's average prices times {@code dt} ({@code BV × dt / B}, {@code SV × dt / S}, half-even to
 *       1e-6 BRL); its realized P&amp;L is their difference;</li>
 *   <li>the rest, {@code B − S} at the average price of the side in excess, merges into the opening position as
 *       one fill: increasing it moves the average price by weight; reducing it realizes
 *       {@code closed × (excess price − average)} and leaves the average unchanged; going through zero starts
 *       the new side at the excess price;</li>
 *   <li>costs per fee line on the day-traded and the normal value (or orders, or contracts), rounded per line
 *       as the table states;</li>
 *   <li>the day's cash at the settlement date: equities and options {@code SV − BV − costs}; futures
 *       {@code ajuste − costs} with {@code ajuste = Q × PA × M − opening cost − BV + SV} once the day's
 *       settlement price PA is known (for carried contracts the opening cost is {@code Q₀ × PA₋₁ × M}).</li>
 * </ol>
 */
final class PositionState {
    final AccountId account;
    final InstrumentId instrument;
    final InstrumentSpec spec;
    final String group;

    LocalDate tradeDate;
    /** The opening position: quantity (signed, + long) and cost (signed money, quantity × average × multiplier). */
    long openingQty;
    long openingCost;
    long buyQty;
    long buyValue;
    long sellQty;
    long sellValue;
    /** The day's settlement price (futures), 0 while unknown. */
    long settlementPriceE4;
    /** The book's account ledger and desk totals this state feeds (cached: one lookup per state, not per fill). */
    CashLedger ledger;
    Object deskTotals;
    Object groupDeskTotals;
    /** Live fills per OrderID and side, kept only when the schedule charges per order. */
    private Map<String, int[]> orders;

    // derived by recompute()
    long dtQty;
    long dtBuyValue;
    long dtSellValue;
    long realizedDayTrade;
    long realizedSwing;
    long qty;
    long cost;
    long costs;
    long[] costLines = new long[0];
    FeeLine[] lines = new FeeLine[0];
    long ajuste;
    long cash;
    LocalDate settlementDate;

    PositionState(AccountId account, InstrumentId instrument, InstrumentSpec spec, String group, LocalDate tradeDate) {
        this.account = account;
        this.instrument = instrument;
        this.spec = spec;
        this.group = group;
        this.tradeDate = tradeDate;
    }

    /** Adds ({@code sign = +1}) or removes ({@code −1}) a fill from the day's totals; then {@link #recompute}. */
    void add(Side side, long quantity, long priceE4, String orderId, int sign) {
        long value = Scaled.notional(priceE4, quantity, spec.multiplierE2());
        if (side == Side.BUY) {
            buyQty += sign * quantity;
            buyValue += sign * value;
        } else {
            sellQty += sign * quantity;
            sellValue += sign * value;
        }
        if (orders != null && !orderId.isEmpty()) {
            int[] count = orders.computeIfAbsent(orderId, k -> new int[2]);
            count[side == Side.BUY ? 0 : 1] += sign;
            if (count[0] == 0 && count[1] == 0) orders.remove(orderId);
        }
    }

    /** Starts a new trade date: the end-of-day position becomes the opening; day totals reset. */
    void rollTo(LocalDate date) {
        long endQty = qty;
        long endCost = spec.segment() == Segment.FUTURE && settlementPriceE4 > 0
                ? Scaled.notional(settlementPriceE4, endQty, spec.multiplierE2()) // marked to PA by the ajuste
                : cost;
        tradeDate = date;
        openingQty = endQty;
        openingCost = endCost;
        buyQty = buyValue = sellQty = sellValue = 0;
        settlementPriceE4 = 0;
        if (orders != null) orders.clear();
    }

    /** The fee lines in force for the current trade date; call before {@link #add} on a new state or day. */
    void useSchedule(FeeLine[] schedule) {
        if (schedule == lines) return;
        lines = schedule;
        costLines = new long[schedule.length];
        boolean perOrder = false;
        for (FeeLine line : schedule) perOrder |= line.kind() == FeeLine.Kind.PER_ORDER && line.value() > 0;
        if (perOrder && orders == null) orders = new HashMap<>();
    }

    /** Re-derives every figure from the opening, the day's totals and the fee lines. */
    void recompute(LocalDate settlesOn) {
        settlementDate = settlesOn;
        dtQty = Math.min(buyQty, sellQty);
        dtBuyValue = buyQty == 0 ? 0 : Scaled.mulDiv(buyValue, dtQty, buyQty);
        dtSellValue = sellQty == 0 ? 0 : Scaled.mulDiv(sellValue, dtQty, sellQty);
        realizedDayTrade = dtSellValue - dtBuyValue;
        mergeExcess(buyQty - sellQty, buyQty > sellQty ? buyValue - dtBuyValue : sellValue - dtSellValue);
        costs = computeCosts();
        if (spec.segment() == Segment.FUTURE) {
            ajuste = settlementPriceE4 == 0 ? 0
                    : Scaled.notional(settlementPriceE4, qty, spec.multiplierE2()) - openingCost - buyValue + sellValue;
            cash = ajuste - costs;
        } else {
            ajuste = 0;
            cash = sellValue - buyValue - costs;
        }
    }

    /** The day's net (signed quantity, unsigned value) merged into the opening position. */
    private void mergeExcess(long excess, long excessValue) {
        realizedSwing = 0;
        if (excess == 0) {
            qty = openingQty;
            cost = openingCost;
            return;
        }
        long excessSign = Long.signum(excess);
        if (openingQty == 0 || Long.signum(openingQty) == excessSign) {
            qty = openingQty + excess;
            cost = openingCost + excessSign * excessValue;
            return;
        }
        long held = Math.abs(openingQty);
        long moved = Math.abs(excess);
        long closed = Math.min(held, moved);
        long costClosed = Scaled.mulDiv(openingCost, closed, held);
        long proceedsClosed = Scaled.mulDiv(excessValue, closed, moved);
        realizedSwing = Long.signum(openingQty) * proceedsClosed - costClosed;
        qty = openingQty + excess;
        cost = moved <= held ? openingCost - costClosed : excessSign * (excessValue - proceedsClosed);
    }

    private long computeCosts() {
        long total = 0;
        if (lines.length == 0) return 0;
        long dtValue = dtBuyValue + dtSellValue;
        long normalValue = buyValue + sellValue - dtValue;
        long dtContracts = 2 * dtQty;
        long normalContracts = buyQty + sellQty - dtContracts;
        for (int i = 0; i < lines.length; i++) {
            FeeLine line = lines[i];
            long charge = switch (line.kind()) {
                case PERCENT -> Scaled.percentOf(line.dayTrade() ? dtValue : normalValue, line.value(), line.rounding());
                case PER_CONTRACT -> Scaled.roundToCentavos(
                        Math.multiplyExact(line.dayTrade() ? dtContracts : normalContracts, line.value()), line.rounding());
                case PER_ORDER -> Scaled.roundToCentavos(
                        Math.multiplyExact(orderCount(line.dayTrade()), line.value()), line.rounding());
            };
            costLines[i] = charge;
            total += charge;
        }
        return total;
    }

    /**
     * Orders with fills today that count as day-trade orders ({@code dayTrade}) or normal ones: the orders of a
     * side whose whole quantity was day-traded (the smaller side; both when B = S) are day-trade orders.
     */
    private long orderCount(boolean dayTrade) {
        if (orders == null) return 0;
        boolean buysAreDayTrade = dtQty > 0 && buyQty <= sellQty;
        boolean sellsAreDayTrade = dtQty > 0 && sellQty <= buyQty;
        long n = 0;
        for (int[] count : orders.values()) {
            if (count[0] > 0 && buysAreDayTrade == dayTrade) n++;
            if (count[1] > 0 && sellsAreDayTrade == dayTrade) n++;
        }
        return n;
    }

    /** Realized P&amp;L of the day (day-traded plus swing), money. */
    long realized() {
        return realizedDayTrade + realizedSwing;
    }

    /** Unrealized P&amp;L of the consolidated position at {@code markE4}, money. */
    long unrealized(long markE4) {
        return Scaled.notional(markE4, qty, spec.multiplierE2()) - cost;
    }
}
