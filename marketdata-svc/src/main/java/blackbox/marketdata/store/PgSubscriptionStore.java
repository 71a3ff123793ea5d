package blackbox.marketdata.store;

import blackbox.platform.db.Database;
import blackbox.platform.domain.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** {@link SubscriptionStore} on {@code marketdata.subscriptions} with Jdbi. Thread-safe. */
public final class PgSubscriptionStore implements SubscriptionStore {
    private final Jdbi jdbi;

    public PgSubscriptionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean add(String userId, InstrumentId instrument) throws StoreUnavailableException {
        return call("adding a subscription", h -> h.createUpdate("""
                        INSERT INTO marketdata.subscriptions (user_id, exchange, ticker) VALUES (:user, :exchange, :ticker)
                        ON CONFLICT DO NOTHING""")
                .bind("user", userId).bind("exchange", instrument.exchange()).bind("ticker", instrument.ticker())
                .execute() == 1);
    }

    @Override
    public boolean remove(String userId, InstrumentId instrument) throws StoreUnavailableException {
        return call("removing a subscription", h -> h.createUpdate("""
                        DELETE FROM marketdata.subscriptions WHERE user_id = :user AND exchange = :exchange AND ticker = :ticker""")
                .bind("user", userId).bind("exchange", instrument.exchange()).bind("ticker", instrument.ticker())
                .execute() == 1);
    }

    @Override
    public List<InstrumentId> list(String userId) throws StoreUnavailableException {
        return call("listing subscriptions", h -> h.createQuery("""
                        SELECT ticker, exchange FROM marketdata.subscriptions WHERE user_id = :user
                        ORDER BY ticker COLLATE "C", exchange COLLATE "C"
                        """)
                .bind("user", userId)
                .map((rs, ctx) -> new InstrumentId(rs.getString(1), rs.getString(2)))
                .list());
    }

    @Override
    public Map<String, List<InstrumentId>> all() throws StoreUnavailableException {
        return call("reading all subscriptions", h -> {
            Map<String, List<InstrumentId>> lists = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT user_id, ticker, exchange FROM marketdata.subscriptions
                            ORDER BY user_id COLLATE "C", ticker COLLATE "C", exchange COLLATE "C"
                            """)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new InstrumentId(rs.getString(2), rs.getString(3))))
                    .forEach(e -> lists.computeIfAbsent(e.getKey(), u -> new ArrayList<>()).add(e.getValue()));
            lists.replaceAll((user, list) -> List.copyOf(list));
            return lists;
        });
    }

    @Override
    public Map<InstrumentId, Integer> referenceCounts() throws StoreUnavailableException {
        return call("counting subscriptions", h -> {
            Map<InstrumentId, Integer> counts = new HashMap<>();
            h.createQuery("SELECT ticker, exchange, count(*) FROM marketdata.subscriptions GROUP BY ticker, exchange")
                    .map((rs, ctx) -> Map.entry(new InstrumentId(rs.getString(1), rs.getString(2)), rs.getInt(3)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    private <T> T call(String what, HandleCallback<T, RuntimeException> callback) throws StoreUnavailableException {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            if (Database.isUnavailable(e)) {
                throw new StoreUnavailableException(what + ": PostgreSQL unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
