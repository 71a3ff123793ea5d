package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.PositionBook;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import blackbox.positions.redis.Json;
import blackbox.positions.redis.RedisPositions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Builds the Redis hashes ({@link RedisPositions}'s layout) from a book: of some accounts and instruments, or all. */
final class RedisState {
    private final RedisPositions redis;

    RedisState(RedisPositions redis) {
        this.redis = redis;
    }

    /** The fields that changed for {@code positions} (account, instrument pairs), with balances and desk rows. */
    Map<String, Map<String, String>> of(PositionBook book, Map<AccountId, ? extends Collection<InstrumentId>> positions) {
        Map<String, Map<String, String>> hashes = new LinkedHashMap<>();
        Map<String, String> desk = new LinkedHashMap<>();
        java.util.Set<InstrumentId> instruments = new java.util.TreeSet<>();
        for (Map.Entry<AccountId, ? extends Collection<InstrumentId>> e : positions.entrySet()) {
            Map<String, String> account = hashes.computeIfAbsent(redis.accountKey(e.getKey().value()), k -> new LinkedHashMap<>());
            for (InstrumentId instrument : e.getValue()) {
                book.position(e.getKey(), instrument).ifPresent(p -> account.put("pos:" + instrument, Json.position(p)));
                instruments.add(instrument);
            }
            account.put("balances", Json.balances(book.balances(e.getKey())));
            account.put("group", book.groupOf(e.getKey()));
        }
        for (InstrumentId instrument : instruments) {
            book.consolidated("", instrument).ifPresent(v -> desk.put("all:" + instrument, Json.consolidated(v)));
            for (String group : book.groups()) {
                book.consolidated(group, instrument).ifPresent(v -> desk.put("group:" + group + ":" + instrument,
                        Json.consolidated(v)));
            }
        }
        if (!desk.isEmpty()) hashes.put(redis.consolidatedKey(), desk);
        return hashes;
    }

    /** Everything: every account's hash, the desk hash and the marks. */
    Map<String, Map<String, String>> all(PositionBook book) {
        Map<AccountId, java.util.List<InstrumentId>> everything = new TreeMap<>();
        for (AccountId account : book.accounts()) {
            everything.put(account, book.positions(account).stream().map(PositionView::instrument).toList());
        }
        Map<String, Map<String, String>> hashes = new LinkedHashMap<>(of(book, everything));
        Map<String, String> marks = new LinkedHashMap<>();
        for (Map.Entry<InstrumentId, Long> m : book.marks().entrySet()) marks.put(m.getKey().toString(), Scaled.priceText(m.getValue()));
        if (!marks.isEmpty()) hashes.put(redis.marksKey(), marks);
        return hashes;
    }
}
