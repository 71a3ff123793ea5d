package blackbox.gateway.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The day's idempotency keys: key → what became of it (sending, sent with LocalOrderID, refused by the DLL, bound
 * to its ClOrderID, in doubt after a restart, or found never sent). Pure and thread-safe: RPC threads claim keys,
 * the engine records the DLL's answers; the journal that makes it durable is the caller's business.
 *
 * <p>A key is claimed once: a second claim with the same fields finds the existing entry (the caller answers it
 * and sends nothing), with other fields it is a conflict (ALREADY_EXISTS).
 */
public final class IdempotencyBook {
    /** What is known of a key. */
    public enum State {
        /** Journaled, the DLL call under way. */
        SENDING,
        /** The DLL returned a LocalOrderID; its ClOrderID not yet known. */
        SENT,
        /** The DLL refused at once: nothing was sent. */
        REFUSED,
        /** The DLL named the order's ClOrderID. */
        BOUND,
        /** Journaled before a restart without a known outcome: matched against the DLL's history when it loads. */
        IN_DOUBT,
        /** After a restart, no order of the DLL's history matched: it never reached the DLL. */
        NOT_SENT
    }

    /** One key's entry. Mutable; every field is read and written under the entry's monitor. */
    public static final class Entry {
        private final OrderIntent intent;
        private final long dllNanos;
        private final long order;
        private final CompletableFuture<Entry> settled = new CompletableFuture<>();
        private State state;
        private long generation;
        private long localOrderId;
        private long messageId;
        private int refusedCode;
        private String clOrderId = "";
        private String reason = "";

        Entry(OrderIntent intent, long dllNanos, State state, long order) {
            this.intent = intent;
            this.dllNanos = dllNanos;
            this.order = order;
            this.state = state;
            if (state != State.SENDING) settled.complete(this);
        }

        public OrderIntent intent() {
            return intent;
        }

        /** The latest DLL time seen when the intent was made (UTC ns, 0 if none). */
        public long dllNanos() {
            return dllNanos;
        }

        public synchronized State state() {
            return state;
        }

        public synchronized long generation() {
            return generation;
        }

        public synchronized long localOrderId() {
            return localOrderId;
        }

        public synchronized long messageId() {
            return messageId;
        }

        public synchronized int refusedCode() {
            return refusedCode;
        }

        public synchronized String clOrderId() {
            return clOrderId;
        }

        /** Why an entry is NOT_SENT. */
        public synchronized String reason() {
            return reason;
        }

        /** Completes when the DLL call of a SENDING entry has returned (at once for any other state). */
        public CompletableFuture<Entry> settled() {
            return settled;
        }
    }

    /** The outcome of {@link #claim}. */
    public sealed interface Claim {
        /** The key is new: journal the intent, then send. */
        record Fresh(Entry entry) implements Claim {
        }

        /** The key exists with the same fields: answer it, send nothing. */
        record Duplicate(Entry entry) implements Claim {
        }

        /** The key exists with other fields. */
        record Conflict(Entry entry) implements Claim {
        }
    }

    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    /** Numbers entries in claim (and, after a restart, journal) order: concurrent intents may share a DLL time. */
    private final AtomicLong claims = new AtomicLong();
    private final Map<String, String> keyByClOrderId = new ConcurrentHashMap<>();

    /** Claims {@code intent.key()} for a new send (made at DLL time {@code dllNanos}). */
    public Claim claim(OrderIntent intent, long dllNanos) {
        Entry fresh = new Entry(intent, dllNanos, State.SENDING, claims.incrementAndGet());
        Entry existing = byKey.putIfAbsent(intent.key().value(), fresh);
        if (existing == null) return new Claim.Fresh(fresh);
        return existing.intent().sameFieldsAs(intent) ? new Claim.Duplicate(existing) : new Claim.Conflict(existing);
    }

    /** The entry of a key. */
    public Optional<Entry> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The key an order was sent with, by its ClOrderID. */
    public Optional<String> keyOf(String clOrderId) {
        return clOrderId == null || clOrderId.isEmpty() ? Optional.empty() : Optional.ofNullable(keyByClOrderId.get(clOrderId));
    }

    /** SendOrder returned a LocalOrderID (and the request's MessageID) in DLL session {@code generation}. */
    public void sent(Entry e, long generation, long localOrderId, long messageId) {
        synchronized (e) {
            if (e.state == State.SENDING || e.state == State.IN_DOUBT) e.state = State.SENT;
            e.generation = generation;
            e.localOrderId = localOrderId;
            e.messageId = messageId;
        }
        e.settled.complete(e);
    }

    /** The DLL refused at once with NResult {@code code}. */
    public void refused(Entry e, int code) {
        synchronized (e) {
            e.state = State.REFUSED;
            e.refusedCode = code;
        }
        e.settled.complete(e);
    }

    /** The DLL named the order of {@code key}; false when the key is unknown or already bound elsewhere. */
    public boolean bind(String key, String clOrderId) {
        Entry e = byKey.get(key);
        if (e == null || clOrderId.isEmpty()) return false;
        synchronized (e) {
            if (e.state == State.REFUSED || e.state == State.NOT_SENT) return false;
            if (e.state == State.BOUND) return e.clOrderId.equals(clOrderId);
            e.state = State.BOUND;
            e.clOrderId = clOrderId;
        }
        keyByClOrderId.put(clOrderId, key);
        e.settled.complete(e);
        return true;
    }

    /** An in-doubt key found never to have reached the DLL. */
    public void notSent(String key, String reason) {
        Entry e = byKey.get(key);
        if (e == null) return;
        synchronized (e) {
            e.state = State.NOT_SENT;
            e.reason = reason;
        }
    }

    /** Forgets every key (the trading day changed). */
    public void clear() {
        byKey.clear();
        keyByClOrderId.clear();
    }

    /** Keys known. */
    public int size() {
        return byKey.size();
    }

    // ------------------------------------------------------------------ restart

    /** A key as the journal holds it after a restart. */
    public record Recovered(OrderIntent intent, long dllNanos, State state, String clOrderId, int refusedCode, String reason) {
    }

    /**
     * Loads the day's keys recovered from the journal. SENDING and SENT become IN_DOUBT: the LocalOrderID of an
     * earlier DLL session means nothing now, only the ClOrderID (BOUND) is permanent.
     */
    public void load(List<Recovered> keys) {
        for (Recovered r : keys) {
            State s = switch (r.state()) {
                case SENDING, SENT, IN_DOUBT -> State.IN_DOUBT;
                case REFUSED, BOUND, NOT_SENT -> r.state();
            };
            Entry e = new Entry(r.intent(), r.dllNanos(), s, claims.incrementAndGet()); // journal order
            e.clOrderId = r.clOrderId() == null ? "" : r.clOrderId();
            e.refusedCode = r.refusedCode();
            e.reason = r.reason() == null ? "" : r.reason();
            byKey.put(r.intent().key().value(), e);
            if (s == State.BOUND) keyByClOrderId.put(e.clOrderId, r.intent().key().value());
        }
    }

    /** The in-doubt entries of one account (sub-accounts use their master's history), in intent (journal) order. */
    public List<Entry> inDoubt(AccountKey master) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : byKey.values()) {
            if (e.state() == State.IN_DOUBT && e.intent().account().master().equals(master)) list.add(e);
        }
        list.sort(Comparator.comparingLong(e -> e.order));
        return list;
    }

    /** The accounts of every key that names (or may name) an order of the DLL: sent, bound or in doubt. */
    public Set<AccountKey> accounts() {
        Set<AccountKey> set = new HashSet<>();
        for (Entry e : byKey.values()) {
            State s = e.state();
            if (s != State.REFUSED && s != State.NOT_SENT) set.add(e.intent().account());
        }
        return set;
    }

    /** Accounts with in-doubt entries (their masters). */
    public Set<AccountKey> accountsInDoubt() {
        Set<AccountKey> set = new HashSet<>();
        for (Entry e : byKey.values()) if (e.state() == State.IN_DOUBT) set.add(e.intent().account().master());
        return set;
    }

    /** A DLL order matched to an in-doubt key. */
    public record Match(String key, OrderSnapshot order) {
    }

    /** What {@link #resolve} decided: keys matched to orders, and keys found never sent. */
    public record Resolution(List<Match> matches, List<String> notSent) {
    }

    /** How long before an intent's DLL time a matching order may have been created (clocks of DLL and gateway differ). */
    public static final long CREATED_TOLERANCE_NANOS = 5_000_000_000L;

    /**
     * Matches the in-doubt keys of {@code master}'s account tree against its loaded order history: for each key in
     * intent order, the earliest order with the same account, instrument, side, type, quantity, price and stop,
     * created no earlier than the intent (less {@link #CREATED_TOLERANCE_NANOS}) and not bound to another key.
     * Matched keys become BOUND; the others, since the history is complete, NOT_SENT.
     *
     * @return the matches made and the keys found never sent (the caller journals both)
     */
    public Resolution resolve(AccountKey master, List<OrderSnapshot> history) {
        List<OrderSnapshot> candidates = new ArrayList<>(history);
        candidates.sort(Comparator.comparingLong(OrderSnapshot::createdNanos));
        List<Match> matches = new ArrayList<>();
        List<String> notSent = new ArrayList<>();
        for (Entry e : inDoubt(master)) {
            OrderSnapshot found = null;
            for (OrderSnapshot o : candidates) {
                if (!o.clOrderId().isEmpty() && !keyByClOrderId.containsKey(o.clOrderId()) && matches(e, o)) {
                    found = o;
                    break;
                }
            }
            String key = e.intent().key().value();
            if (found != null) {
                candidates.remove(found);
                bind(key, found.clOrderId());
                matches.add(new Match(key, found));
            } else {
                notSent(key, "not in the DLL's order history after the gateway restarted: never reached the DLL");
                notSent.add(key);
            }
        }
        return new Resolution(matches, notSent);
    }

    static boolean matches(Entry e, OrderSnapshot o) {
        OrderIntent i = e.intent();
        if (!i.account().equals(o.account()) || !i.instrument().equals(o.instrument())) return false;
        if (e.dllNanos() > 0 && o.createdNanos() > 0 && o.createdNanos() < e.dllNanos() - CREATED_TOLERANCE_NANOS) return false;
        if (i.kind() == OrderIntent.Kind.ZERO_POSITION) return true; // the DLL chose side and quantity
        if (i.side().code() != o.side() || i.ordType().code() != o.orderType() || i.quantity() != o.orderQty()) return false;
        return i.ordType() == OrderType.MARKET || (samePrice(i.price(), o.price()) && samePrice(i.stopPrice(), o.stopPrice()));
    }

    private static boolean samePrice(BigDecimal intent, double dll) {
        BigDecimal d = Prices.fromDll(dll);
        return intent == null ? d == null : d != null && intent.compareTo(d) == 0;
    }
}
