package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.FillOutcome;
import blackbox.positions.core.InstrumentSpec;
import blackbox.positions.core.OpeningCash;
import blackbox.positions.core.OpeningPosition;
import blackbox.positions.core.PositionBook;
import blackbox.positions.core.Scaled;
import blackbox.positions.opening.BrokerOpeningFile;
import blackbox.positions.store.PositionsStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One import of a broker opening file against what is stored for its trade date: a row not stored yet is
 * applied; a row equal to the stored one is unchanged; a row that differs is reported per field and replaced
 * only with {@code replace}; a stored position the file does not list is reported against zero (and zeroed
 * with {@code replace}). Never silently overwritten. Runs on the engine's writer.
 */
final class OpeningImport {
    private final PositionsStore store;
    private final PositionBook book;

    OpeningImport(PositionsStore store, PositionBook book) {
        this.store = store;
        this.book = book;
    }

    private record Key(AccountId account, InstrumentId instrument) {
    }

    /** @throws blackbox.positions.config.ConfigFileException when the file is malformed (nothing is imported) */
    ImportResult run(String fileName, String content, boolean replace) {
        BrokerOpeningFile.Parsed file = BrokerOpeningFile.parse(fileName, content);
        Map<Key, PositionsStore.OpeningRow> stored = new HashMap<>();
        for (PositionsStore.OpeningRow row : store.openingPositions(file.tradeDate(), null)) {
            stored.put(new Key(row.position().account(), row.position().instrument()), row);
        }
        Map<AccountId, OpeningCash> storedCash = new HashMap<>();
        for (OpeningCash c : store.openingCash(file.tradeDate(), null)) storedCash.put(c.account(), c);

        List<PositionsStore.OpeningRow> toSave = new ArrayList<>();
        List<OpeningCash> cashToSave = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int unchanged = 0;
        for (BrokerOpeningFile.PositionRow row : file.positions()) {
            Key key = new Key(row.account(), row.instrument());
            Optional<InstrumentSpec> spec = book.master().find(row.instrument());
            if (spec.isEmpty()) {
                refused.add(fileName + " line " + row.line() + ": instrument is not in the instrument master: instrument="
                        + row.instrument());
                continue;
            }
            OpeningPosition opening = new OpeningPosition(file.tradeDate(), row.account(), row.instrument(), row.quantity(),
                    OpeningPosition.costOf(row.quantity(), row.averagePrice(), spec.get().multiplierE2()));
            PositionsStore.OpeningRow before = stored.remove(key);
            if (before != null && before.position().quantity() == opening.quantity()
                    && before.position().cost() == opening.cost()) {
                unchanged++;
                continue;
            }
            if (before != null) {
                compare(differences, row.account(), row.instrument(), "quantity", Long.toString(before.position().quantity()),
                        Long.toString(row.quantity()));
                compare(differences, row.account(), row.instrument(), "average_price",
                        Scaled.priceText(before.averagePrice()), Scaled.priceText(row.averagePrice()));
                if (!replace) continue;
            }
            apply(opening, row.averagePrice(), toSave, refused, fileName + " line " + row.line());
        }
        for (PositionsStore.OpeningRow missing : stored.values()) { // stored, but the file says flat
            OpeningPosition p = missing.position();
            if (p.quantity() == 0) continue;
            compare(differences, p.account(), p.instrument(), "quantity", Long.toString(p.quantity()), "0");
            if (replace) {
                apply(new OpeningPosition(p.tradeDate(), p.account(), p.instrument(), 0, 0), BigDecimal.ZERO, toSave,
                        refused, fileName + " (not listed)");
            }
        }
        for (BrokerOpeningFile.CashRow row : file.cash()) {
            OpeningCash cash = new OpeningCash(file.tradeDate(), row.account(), row.d0(), row.d1(), row.d2());
            OpeningCash before = storedCash.get(row.account());
            if (cash.equals(before)) {
                unchanged++;
                continue;
            }
            if (before != null) {
                compare(differences, row.account(), null, "d0", Scaled.moneyText(before.d0()), Scaled.moneyText(row.d0()));
                compare(differences, row.account(), null, "d1", Scaled.moneyText(before.d1()), Scaled.moneyText(row.d1()));
                compare(differences, row.account(), null, "d2", Scaled.moneyText(before.d2()), Scaled.moneyText(row.d2()));
                if (!replace) continue;
            }
            book.setOpeningCash(cash);
            cashToSave.add(cash);
        }
        long id = store.saveImport(fileName, file.tradeDate(), file.positions().size() + file.cash().size(),
                differences.size(), replace, toSave, cashToSave);
        return new ImportResult(id, file.tradeDate(), file.positions().size(), file.cash().size(),
                toSave.size() + cashToSave.size(), unchanged, differences, refused);
    }

    private void apply(OpeningPosition opening, BigDecimal average, List<PositionsStore.OpeningRow> toSave,
                       List<String> refused, String where) {
        Optional<FillOutcome.Rejected> refusal = book.setOpening(opening);
        if (refusal.isPresent()) {
            refused.add(where + ": " + refusal.get().message());
        } else {
            toSave.add(new PositionsStore.OpeningRow(opening, average));
        }
    }

    private static void compare(List<Difference> out, AccountId account, InstrumentId instrument, String field,
                                String ours, String theirs) {
        if (!ours.equals(theirs)) out.add(new Difference(account, instrument, null, field, ours, theirs));
    }
}
