package blackbox.marketdata.store;

import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Map;

/**
 * Users' subscriptions in PostgreSQL ({@code marketdata.subscriptions}, primary key (user_id, exchange,
 * ticker)): the state the service rebuilds its reference counts from at start.
 */
public interface SubscriptionStore {
    /** Adds; true when the row is new. */
    boolean add(String userId, InstrumentId instrument) throws StoreUnavailableException;

    /** Removes; true when a row was there. */
    boolean remove(String userId, InstrumentId instrument) throws StoreUnavailableException;

    /** The user's instruments, alphabetically (ticker, then exchange). */
    List<InstrumentId> list(String userId) throws StoreUnavailableException;

    /** Every user's list (users with at least one subscription), for rebuilding the counts at start. */
    Map<String, List<InstrumentId>> all() throws StoreUnavailableException;

    /** Subscribed users per instrument, for every instrument with at least one. */
    Map<InstrumentId, Integer> referenceCounts() throws StoreUnavailableException;
}
