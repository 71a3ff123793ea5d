package blackbox.positions.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's cash by settlement date (b3-trading.md §5): the opening balances of a day (settled cash and
 * what was already due to settle on the next two business days) plus, for every trade date from then on, the
 * net amounts of its fills and daily adjustments on their settlement dates. Mutable; owned by
 * {@link PositionBook}.
 */
final class CashLedger {
    /** The trade date whose opening cash is the base; null when none was set (base zero). */
    LocalDate openingDate;
    /** Amounts of the opening, by settlement date. */
    private final TreeMap<LocalDate, Long> opening = new TreeMap<>();
    /** trade date → settlement date → amount (money). */
    private final TreeMap<LocalDate, TreeMap<LocalDate, long[]>> flows = new TreeMap<>();
    private LocalDate lastTrade;
    private LocalDate lastSettle;
    private long[] lastCell;

    /** Adds {@code amount} for the fills of {@code tradeDate} settling on {@code settleDate}. */
    void post(LocalDate tradeDate, LocalDate settleDate, long amount) {
        if (amount == 0) return;
        if (tradeDate != lastTrade || settleDate != lastSettle) {
            lastCell = flows.computeIfAbsent(tradeDate, d -> new TreeMap<>()).computeIfAbsent(settleDate, d -> new long[1]);
            lastTrade = tradeDate;
            lastSettle = settleDate;
        }
        lastCell[0] = Math.addExact(lastCell[0], amount);
    }

    /**
     * Replaces the base by the opening of {@code date}: the broker's figures include every earlier trade date,
     * so their flows are dropped.
     */
    void setOpening(LocalDate date, Map<LocalDate, Long> amountsBySettlement) {
        openingDate = date;
        opening.clear();
        opening.putAll(amountsBySettlement);
        flows.headMap(date, false).clear();
        lastTrade = null;
        lastSettle = null;
        lastCell = null;
    }

    /** Everything settled on or before {@code date}: the projected balance of that date, money. */
    long balanceOn(LocalDate date) {
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : opening.headMap(date, true).entrySet()) sum += e.getValue();
        for (TreeMap<LocalDate, long[]> byDate : flows.values()) {
            for (long[] cell : byDate.headMap(date, true).values()) sum = Math.addExact(sum, cell[0]);
        }
        return sum;
    }

    /**
     * What settled on or before {@code date} counting only the opening and the trade dates before
     * {@code firstExcludedTrade}: the balance a new day's opening records.
     */
    long balanceBefore(LocalDate firstExcludedTrade, LocalDate date) {
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : opening.headMap(date, true).entrySet()) sum += e.getValue();
        for (TreeMap<LocalDate, long[]> byDate : flows.headMap(firstExcludedTrade, false).values()) {
            for (long[] cell : byDate.headMap(date, true).values()) sum = Math.addExact(sum, cell[0]);
        }
        return sum;
    }

    /** The amounts settling exactly on {@code date}. */
    long settlingOn(LocalDate date) {
        long sum = opening.getOrDefault(date, 0L);
        for (TreeMap<LocalDate, long[]> byDate : flows.values()) {
            long[] cell = byDate.get(date);
            if (cell != null) sum += cell[0];
        }
        return sum;
    }

    /** Everything settling after {@code date} (beyond the D+2 projection), money. */
    long pendingAfter(LocalDate date) {
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : opening.tailMap(date, false).entrySet()) sum += e.getValue();
        for (TreeMap<LocalDate, long[]> byDate : flows.values()) {
            for (long[] cell : byDate.tailMap(date, false).values()) sum += cell[0];
        }
        return sum;
    }
}
