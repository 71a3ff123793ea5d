package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.positions.core.ExecType;
import blackbox.positions.core.Fill;
import blackbox.positions.core.PositionBook;
import blackbox.positions.store.PositionsStore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a book from PostgreSQL: each account's latest stored opening (positions and cash), then every stored
 * fill row from that date on in sequence order, with each trade date's futures settlement prices applied before
 * the first fill of a later date (the order they had live). Because every figure of a day is a function of its
 * totals, the result equals the book that applied them live.
 */
public final class StoreReplay {
    private StoreReplay() {
    }

    /** Fills {@code book} (empty) from the store; returns the last sequence replayed (0 when none). */
    public static long replay(PositionsStore store, PositionBook book) {
        Map<AccountId, LocalDate> bases = store.latestOpeningDates();
        Map<LocalDate, Boolean> loaded = new HashMap<>();
        for (Map.Entry<AccountId, LocalDate> base : bases.entrySet()) {
            LocalDate date = base.getValue();
            if (loaded.putIfAbsent(date, true) != null) continue;
            for (PositionsStore.OpeningRow row : store.openingPositions(date, null)) {
                if (date.equals(bases.get(row.position().account()))) book.setOpening(row.position());
            }
            for (var cash : store.openingCash(date, null)) {
                if (date.equals(bases.get(cash.account()))) book.setOpeningCash(cash);
            }
        }
        LocalDate from = bases.values().stream().min(LocalDate::compareTo).orElse(LocalDate.of(1970, 1, 1));
        List<PositionsStore.SettlementPrice> prices = store.settlementPricesFrom(from);
        Iterator<PositionsStore.SettlementPrice> pending = prices.iterator();
        PositionsStore.SettlementPrice[] next = {pending.hasNext() ? pending.next() : null};
        long[] last = {0};
        store.readFills(from, row -> {
            last[0] = row.seq();
            LocalDate base = bases.get(row.account());
            if (base != null && row.tradeDate().isBefore(base)) return; // in the opening already
            while (next[0] != null && next[0].tradeDate().isBefore(row.tradeDate())) {
                book.settle(next[0].instrument(), next[0].tradeDate(), next[0].priceE4());
                next[0] = pending.hasNext() ? pending.next() : null;
            }
            Fill fill = switch (row.execType()) {
                case TRADE -> Fill.trade(row.execId(), row.account(), row.instrument(), row.side(), row.quantity(),
                        row.priceE4(), row.tsEventNanos(), row.tradeDate(), row.orderId());
                case TRADE_CANCEL -> new Fill(row.execId(), ExecType.TRADE_CANCEL, row.execRefId(), row.account(),
                        row.instrument(), row.side(), row.quantity(), row.priceE4(), row.tsEventNanos(),
                        row.tradeDate(), row.orderId());
                case TRADE_CORRECT -> {
                    if (row.reverse()) yield null; // the core reverses the trade itself: its 'apply' row follows
                    yield new Fill(row.execId(), ExecType.TRADE_CORRECT, row.execRefId(), row.account(),
                            row.instrument(), row.side(), row.quantity(), row.priceE4(), row.tsEventNanos(),
                            row.tradeDate(), row.orderId());
                }
            };
            if (fill != null) book.apply(fill);
        });
        while (next[0] != null) {
            book.settle(next[0].instrument(), next[0].tradeDate(), next[0].priceE4());
            next[0] = pending.hasNext() ? pending.next() : null;
        }
        return last[0];
    }
}
