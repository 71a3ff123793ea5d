package blackbox.marketdata.core;

import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users' subscriptions and, per instrument, the global reference count (how many users are subscribed) that
 * decides whether the gateway ingests it.
 *
 * <p>The first subscriber starts ingestion; when the last one leaves, the stop is only scheduled, due
 * {@code grace} later, so that a quick unsubscribe/subscribe does not flap the DLL. A stop is carried out when
 * the caller collects it from {@link #dueStops(long)}; until then the instrument is still ingesting and a new
 * subscriber merely cancels the pending stop ({@link Action#CANCEL_STOP}), even if the grace has already run out.
 *
 * <p>Every action returned must be carried out by the caller, in the order returned for that instrument:
 * per instrument the actions read {@code START_INGESTION (SCHEDULE_STOP CANCEL_STOP)* SCHEDULE_STOP dueStop ...}.
 *
 * <p>Time is supplied by the caller as {@code nowNanos} from any monotonic source (e.g. {@code System.nanoTime()});
 * only differences are used, so the values may be negative or wrap.
 *
 * <p>Thread-safe: every method is atomic (one lock), so the gRPC service may call it from many threads.
 * Durability (PostgreSQL) is the caller's business; this is the in-memory view rebuilt by {@link #load}.
 */
public final class ReferenceCounts {
    private static final Pattern USER_ID = Pattern.compile("[a-z0-9._@-]{1,64}");

    /** What the caller must do at the gateway after a subscription change. */
    public enum Action {
        /** Nothing changes at the gateway. */
        NONE,
        /** The count went 0 → 1 and the instrument was not ingesting: start ingestion. */
        START_INGESTION,
        /** The count went 0 → 1 while a stop was pending: ingestion simply continues, forget the stop. */
        CANCEL_STOP,
        /** The count reached 0: stop ingestion when {@link #dueStops(long)} says so (now + grace). */
        SCHEDULE_STOP
    }

    /**
     * @param newlySubscribed false when the user already had the instrument (subscribing is idempotent)
     * @param referenceCount users subscribed to the instrument after the call
     * @param action what to do at the gateway
     */
    public record SubscribeOutcome(boolean newlySubscribed, int referenceCount, Action action) {
    }

    /**
     * @param wasSubscribed false when the user did not have the instrument (nothing changed)
     * @param referenceCount users subscribed to the instrument after the call
     * @param action what to do at the gateway
     */
    public record UnsubscribeOutcome(boolean wasSubscribed, int referenceCount, Action action) {
    }

    /**
     * An instrument being ingested.
     *
     * @param referenceCount users subscribed (0 while stopping)
     * @param stopping true when the count is 0 and a stop is pending
     */
    public record Ingestion(int referenceCount, boolean stopping) {
    }

    /** Per instrument while ingesting; removed when the stop is carried out. */
    private static final class State {
        int count;
        boolean stopPending;
        long stopDueNanos;
    }

    private final long graceNanos;
    private final Map<String, TreeSet<InstrumentId>> byUser = new HashMap<>();
    private final Map<InstrumentId, State> states = new HashMap<>();

    /**
     * @param grace how long an instrument keeps ingesting after its count reaches 0; zero or positive
     * @throws IllegalArgumentException when grace is negative
     */
    public ReferenceCounts(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("must be >= 0: grace=" + grace);
        }
        this.graceNanos = grace.toNanos();
    }

    /**
     * Checks a user id.
     *
     * @return the id
     * @throws IllegalArgumentException {@code must match [a-z0-9._@-]{1,64}: user_id="Bob Smith"}
     */
    public static String requireUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("must match [a-z0-9._@-]{1,64}: user_id="
                    + (userId == null ? "null" : "\"" + userId + "\""));
        }
        return userId;
    }

    /**
     * Replaces the whole state with the subscriptions stored in the database (at start). Every instrument with
     * a subscriber is then considered ingesting.
     *
     * @param subscriptions instruments per user id
     * @return the instruments to ingest, sorted (ticker, then exchange)
     * @throws IllegalArgumentException for an invalid user id; nothing is changed then
     */
    public synchronized List<InstrumentId> load(Map<String, ? extends Collection<InstrumentId>> subscriptions) {
        Map<String, TreeSet<InstrumentId>> users = new HashMap<>();
        subscriptions.forEach((user, instruments) -> {
            requireUserId(user);
            TreeSet<InstrumentId> set = new TreeSet<>();
            for (InstrumentId instrument : instruments) {
                set.add(Objects.requireNonNull(instrument, "instrument"));
            }
            if (!set.isEmpty()) {
                users.put(user, set);
            }
        });
        byUser.clear();
        states.clear();
        byUser.putAll(users);
        TreeSet<InstrumentId> toIngest = new TreeSet<>();
        for (TreeSet<InstrumentId> set : users.values()) {
            for (InstrumentId instrument : set) {
                states.computeIfAbsent(instrument, i -> new State()).count++;
                toIngest.add(instrument);
            }
        }
        return List.copyOf(toIngest);
    }

    /**
     * Subscribes a user; idempotent.
     *
     * @param nowNanos caller's monotonic time, ns (unused today: starting has no delay; kept for symmetry)
     * @throws IllegalArgumentException for an invalid user id
     */
    public synchronized SubscribeOutcome subscribe(String userId, InstrumentId instrument, long nowNanos) {
        requireUserId(userId);
        Objects.requireNonNull(instrument, "instrument");
        TreeSet<InstrumentId> list = byUser.computeIfAbsent(userId, u -> new TreeSet<>());
        if (!list.add(instrument)) {
            return new SubscribeOutcome(false, states.get(instrument).count, Action.NONE);
        }
        State state = states.get(instrument);
        if (state == null) {
            state = new State();
            state.count = 1;
            states.put(instrument, state);
            return new SubscribeOutcome(true, 1, Action.START_INGESTION);
        }
        state.count++;
        if (state.stopPending) {
            state.stopPending = false;
            return new SubscribeOutcome(true, state.count, Action.CANCEL_STOP);
        }
        return new SubscribeOutcome(true, state.count, Action.NONE);
    }

    /**
     * Unsubscribes a user; unsubscribing what one does not have changes nothing.
     *
     * @param nowNanos caller's monotonic time, ns: the stop, if any, is due at {@code nowNanos + grace}
     * @throws IllegalArgumentException for an invalid user id
     */
    public synchronized UnsubscribeOutcome unsubscribe(String userId, InstrumentId instrument, long nowNanos) {
        requireUserId(userId);
        Objects.requireNonNull(instrument, "instrument");
        TreeSet<InstrumentId> list = byUser.get(userId);
        State state = states.get(instrument);
        if (list == null || !list.remove(instrument)) {
            return new UnsubscribeOutcome(false, state == null ? 0 : state.count, Action.NONE);
        }
        if (list.isEmpty()) {
            byUser.remove(userId);
        }
        state.count--;
        if (state.count == 0) {
            state.stopPending = true;
            state.stopDueNanos = nowNanos + graceNanos;
            return new UnsubscribeOutcome(true, 0, Action.SCHEDULE_STOP);
        }
        return new UnsubscribeOutcome(true, state.count, Action.NONE);
    }

    /**
     * Takes the stops whose grace has ended ({@code nowNanos - due >= 0}) with the count still 0; those
     * instruments are no longer ingesting once this returns, and the caller must stop them at the gateway.
     *
     * @return the instruments to stop, sorted; empty when none
     */
    public synchronized List<InstrumentId> dueStops(long nowNanos) {
        List<InstrumentId> due = new ArrayList<>();
        states.entrySet().removeIf(e -> {
            State s = e.getValue();
            if (s.stopPending && nowNanos - s.stopDueNanos >= 0) {
                due.add(e.getKey());
                return true;
            }
            return false;
        });
        Collections.sort(due);
        return due;
    }

    /** When the earliest pending stop is due (caller's monotonic ns), or empty when no stop is pending. */
    public synchronized OptionalLong nextStopDueNanos() {
        boolean any = false;
        long earliest = 0;
        for (State s : states.values()) {
            if (s.stopPending && (!any || s.stopDueNanos - earliest < 0)) {
                earliest = s.stopDueNanos;
                any = true;
            }
        }
        return any ? OptionalLong.of(earliest) : OptionalLong.empty();
    }

    /**
     * A user's instruments, sorted (ticker, then exchange); empty for an unknown user.
     *
     * @throws IllegalArgumentException for an invalid user id
     */
    public synchronized List<InstrumentId> list(String userId) {
        requireUserId(userId);
        TreeSet<InstrumentId> list = byUser.get(userId);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Users subscribed to the instrument now. */
    public synchronized int referenceCount(InstrumentId instrument) {
        State state = states.get(instrument);
        return state == null ? 0 : state.count;
    }

    /** Every instrument being ingested (including those stopping), sorted, as a snapshot. */
    public synchronized SortedMap<InstrumentId, Ingestion> ingesting() {
        TreeMap<InstrumentId, Ingestion> snapshot = new TreeMap<>();
        states.forEach((instrument, s) -> snapshot.put(instrument, new Ingestion(s.count, s.stopPending)));
        return Collections.unmodifiableSortedMap(snapshot);
    }

    /** Users with at least one subscription. */
    public synchronized int userCount() {
        return byUser.size();
    }
}
