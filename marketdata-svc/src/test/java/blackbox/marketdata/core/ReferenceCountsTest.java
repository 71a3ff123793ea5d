package blackbox.marketdata.core;

import static blackbox.marketdata.core.ReferenceCounts.Action.CANCEL_STOP;
import static blackbox.marketdata.core.ReferenceCounts.Action.NONE;
import static blackbox.marketdata.core.ReferenceCounts.Action.SCHEDULE_STOP;
import static blackbox.marketdata.core.ReferenceCounts.Action.START_INGESTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.marketdata.core.ReferenceCounts.Action;
import blackbox.marketdata.core.ReferenceCounts.Ingestion;
import blackbox.marketdata.core.ReferenceCounts.SubscribeOutcome;
import blackbox.marketdata.core.ReferenceCounts.UnsubscribeOutcome;
import blackbox.platform.domain.InstrumentId;
import blackbox.testkit.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceCountsTest {
    private static final long GRACE = 30_000_000_000L;
    private static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    private static final InstrumentId VALE3 = new InstrumentId("VALE3", "B");
    private static final InstrumentId WINFUT = new InstrumentId("WINFUT", "F");

    private final ReferenceCounts counts = new ReferenceCounts(Duration.ofNanos(GRACE));

    @Test
    void firstSubscriberStartsIngestionAndLaterOnesOnlyCount() {
        assertEquals(new SubscribeOutcome(true, 1, START_INGESTION), counts.subscribe("ana", PETR4, 0));
        assertEquals(new SubscribeOutcome(true, 2, NONE), counts.subscribe("bia", PETR4, 1));
        assertEquals(2, counts.referenceCount(PETR4));
    }

    @Test
    void subscribingTwiceIsIdempotent() {
        counts.subscribe("ana", PETR4, 0);
        assertEquals(new SubscribeOutcome(false, 1, NONE), counts.subscribe("ana", PETR4, 1));
        assertEquals(List.of(PETR4), counts.list("ana"));
    }

    @Test
    void lastUnsubscribeSchedulesStopThatFallsDueAfterTheGrace() {
        counts.subscribe("ana", PETR4, 0);
        counts.subscribe("bia", PETR4, 0);
        assertEquals(new UnsubscribeOutcome(true, 1, NONE), counts.unsubscribe("ana", PETR4, 10));
        assertEquals(new UnsubscribeOutcome(true, 0, SCHEDULE_STOP), counts.unsubscribe("bia", PETR4, 100));

        assertEquals(OptionalLong.of(100 + GRACE), counts.nextStopDueNanos());
        assertEquals(List.of(), counts.dueStops(100 + GRACE - 1));
        assertEquals(Map.of(PETR4, new Ingestion(0, true)), counts.ingesting());
        assertEquals(List.of(PETR4), counts.dueStops(100 + GRACE));
        assertEquals(Map.of(), counts.ingesting());
        assertEquals(List.of(), counts.dueStops(100 + GRACE + 1), "a stop is handed out once");
        assertEquals(OptionalLong.empty(), counts.nextStopDueNanos());
    }

    @Test
    void resubscribingWithinTheGraceCancelsTheStop() {
        counts.subscribe("ana", PETR4, 0);
        counts.unsubscribe("ana", PETR4, 10);
        assertEquals(new SubscribeOutcome(true, 1, CANCEL_STOP), counts.subscribe("ana", PETR4, 20));
        assertEquals(List.of(), counts.dueStops(10 + GRACE));
        assertEquals(Map.of(PETR4, new Ingestion(1, false)), counts.ingesting());
    }

    @Test
    void aStopNotYetCollectedIsCancelledEvenWhenItsGraceHasRunOut() {
        counts.subscribe("ana", PETR4, 0);
        counts.unsubscribe("ana", PETR4, 10);
        // the caller never stopped the DLL, so ingestion is still running: nothing to start
        assertEquals(new SubscribeOutcome(true, 1, CANCEL_STOP), counts.subscribe("bia", PETR4, 10 + 5 * GRACE));
    }

    @Test
    void subscribingAfterTheStopWasCarriedOutStartsAgain() {
        counts.subscribe("ana", PETR4, 0);
        counts.unsubscribe("ana", PETR4, 10);
        counts.dueStops(10 + GRACE);
        assertEquals(new SubscribeOutcome(true, 1, START_INGESTION), counts.subscribe("ana", PETR4, 20 + GRACE));
    }

    @Test
    void unsubscribingWhatOneDoesNotHaveChangesNothing() {
        counts.subscribe("ana", PETR4, 0);
        assertEquals(new UnsubscribeOutcome(false, 1, NONE), counts.unsubscribe("bia", PETR4, 1));
        assertEquals(new UnsubscribeOutcome(false, 0, NONE), counts.unsubscribe("ana", VALE3, 1));
        assertEquals(List.of(PETR4), counts.list("ana"));
    }

    @Test
    void zeroGraceStopsAtOnceWhenCollected() {
        ReferenceCounts noGrace = new ReferenceCounts(Duration.ZERO);
        noGrace.subscribe("ana", PETR4, 5);
        noGrace.unsubscribe("ana", PETR4, 7);
        assertEquals(List.of(PETR4), noGrace.dueStops(7));
    }

    @Test
    void usersSeeOnlyTheirOwnListsSortedByTickerThenExchange() {
        InstrumentId petr4Other = new InstrumentId("PETR4", "A");
        counts.subscribe("ana", WINFUT, 0);
        counts.subscribe("ana", PETR4, 0);
        counts.subscribe("ana", petr4Other, 0);
        counts.subscribe("bia", VALE3, 0);
        assertEquals(List.of(petr4Other, PETR4, WINFUT), counts.list("ana"));
        assertEquals(List.of(VALE3), counts.list("bia"));
        assertEquals(List.of(), counts.list("carla"));
        assertEquals(2, counts.userCount());
        counts.unsubscribe("bia", VALE3, 1);
        assertEquals(1, counts.userCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob Smith", "", "ANA", "ana!", "ação",
        "a2345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsInvalidUserIdsNamingThem(String userId) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> counts.subscribe(userId, PETR4, 0));
        assertEquals("must match [a-z0-9._@-]{1,64}: user_id=\"" + userId + "\"", e.getMessage());
    }

    @Test
    void rejectsANullUserId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> counts.list(null));
        assertEquals("must match [a-z0-9._@-]{1,64}: user_id=null", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ana.souza@desk-1", "trader_07",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsValidUserIds(String userId) {
        assertEquals(START_INGESTION, counts.subscribe(userId, PETR4, 0).action());
        counts.unsubscribe(userId, PETR4, 0);
        counts.dueStops(GRACE);
    }

    @Test
    void rejectsANegativeGrace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReferenceCounts(Duration.ofSeconds(-1)));
        assertEquals("must be >= 0: grace=PT-1S", e.getMessage());
    }

    @Test
    void loadRebuildsCountsAndReturnsTheInstrumentsToIngest() {
        counts.subscribe("old", VALE3, 0);
        List<InstrumentId> toIngest = counts.load(Map.of("ana", List.of(WINFUT, PETR4), "bia", Set.of(PETR4),
                "carla", List.of()));
        assertEquals(List.of(PETR4, WINFUT), toIngest);
        assertEquals(Map.of(PETR4, new Ingestion(2, false), WINFUT, new Ingestion(1, false)), counts.ingesting());
        assertEquals(List.of(), counts.list("old"));
        assertEquals(2, counts.userCount());
        assertEquals(new SubscribeOutcome(false, 2, NONE), counts.subscribe("bia", PETR4, 0));
    }

    @Test
    void loadWithAnInvalidUserChangesNothing() {
        counts.subscribe("ana", PETR4, 0);
        assertThrows(IllegalArgumentException.class, () -> counts.load(Map.of("Bob Smith", List.of(VALE3))));
        assertEquals(List.of(PETR4), counts.list("ana"));
    }

    /** Per instrument, what the gateway would be doing if the caller carried out every action in order. */
    private static final class GatewayModel {
        boolean ingesting;
        boolean stopPending;

        void apply(Action action, String context) {
            switch (action) {
                case NONE -> { }
                case START_INGESTION -> {
                    assertTrue(!ingesting, "START while ingesting " + context);
                    ingesting = true;
                }
                case CANCEL_STOP -> {
                    assertTrue(ingesting && stopPending, "CANCEL_STOP without a pending stop " + context);
                    stopPending = false;
                }
                case SCHEDULE_STOP -> {
                    assertTrue(ingesting && !stopPending, "SCHEDULE_STOP twice or while idle " + context);
                    stopPending = true;
                }
            }
        }

        void stop(String context) {
            assertTrue(ingesting && stopPending, "stop without a pending stop " + context);
            ingesting = false;
            stopPending = false;
        }
    }

    @Test
    void randomOperationsAgreeWithAModelAndActionsAlternate() {
        long seed = Seeds.seed("ReferenceCountsTest.randomOperationsAgreeWithAModelAndActionsAlternate");
        Random random = new Random(seed);
        List<InstrumentId> instruments = instruments(6);
        Map<String, Set<InstrumentId>> model = new HashMap<>();
        Map<InstrumentId, GatewayModel> gateway = new HashMap<>();
        Map<InstrumentId, Long> stopDue = new HashMap<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextLong(GRACE / 4);
            String user = "u" + random.nextInt(8);
            InstrumentId instrument = instruments.get(random.nextInt(instruments.size()));
            GatewayModel g = gateway.computeIfAbsent(instrument, i -> new GatewayModel());
            String context = "seed=" + seed + " step=" + step;
            Set<InstrumentId> list = model.computeIfAbsent(user, u -> new HashSet<>());
            switch (random.nextInt(3)) {
                case 0 -> {
                    SubscribeOutcome o = counts.subscribe(user, instrument, now);
                    assertEquals(list.add(instrument), o.newlySubscribed(), context);
                    g.apply(o.action(), context);
                    if (o.action() == CANCEL_STOP) {
                        stopDue.remove(instrument);
                    }
                }
                case 1 -> {
                    UnsubscribeOutcome o = counts.unsubscribe(user, instrument, now);
                    assertEquals(list.remove(instrument), o.wasSubscribed(), context);
                    g.apply(o.action(), context);
                    if (o.action() == SCHEDULE_STOP) {
                        stopDue.put(instrument, now + GRACE);
                    }
                }
                default -> {
                    final long t = now;
                    for (InstrumentId stopped : counts.dueStops(now)) {
                        gateway.get(stopped).stop(context);
                        assertTrue(stopDue.remove(stopped) <= t, context);
                    }
                    assertTrue(stopDue.values().stream().allMatch(due -> due > t), "a due stop was kept " + context);
                }
            }
            long expected = model.values().stream().filter(s -> s.contains(instrument)).count();
            assertEquals(expected, counts.referenceCount(instrument), context);
            assertEquals(expected > 0 || g.stopPending, g.ingesting, context);
            assertEquals(model.get(user).stream().sorted().toList(), counts.list(user), context);
        }
    }

    @Test
    void concurrentUsersNeverLeaveACountWrong() throws Exception {
        long seed = Seeds.seed("ReferenceCountsTest.concurrentUsersNeverLeaveACountWrong");
        int threads = 16;
        int opsPerThread = 20_000;
        int users = 30;
        List<InstrumentId> instruments = instruments(20);
        AtomicLong clock = new AtomicLong();
        // per (user, instrument): successful subscribes minus successful unsubscribes must end at 0 or 1
        AtomicLongArray net = new AtomicLongArray(users * instruments.size());
        Map<InstrumentId, Map<Action, AtomicLong>> actions = new ConcurrentHashMap<>();
        Map<InstrumentId, AtomicLong> stops = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> stopper = pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    for (InstrumentId i : counts.dueStops(clock.get())) {
                        stops.computeIfAbsent(i, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                return null;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int op = 0; op < opsPerThread; op++) {
                        int u = random.nextInt(users);
                        int i = random.nextInt(instruments.size());
                        InstrumentId instrument = instruments.get(i);
                        long now = clock.addAndGet(GRACE / 1000);
                        Action action;
                        if (random.nextBoolean()) {
                            SubscribeOutcome o = counts.subscribe("user" + u, instrument, now);
                            if (o.newlySubscribed()) {
                                net.incrementAndGet(u * instruments.size() + i);
                            }
                            action = o.action();
                        } else {
                            UnsubscribeOutcome o = counts.unsubscribe("user" + u, instrument, now);
                            if (o.wasSubscribed()) {
                                net.decrementAndGet(u * instruments.size() + i);
                            }
                            action = o.action();
                        }
                        actions.computeIfAbsent(instrument, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(action, k -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            stopper.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Map<InstrumentId, Integer> fromLists = new TreeMap<>();
        for (int u = 0; u < users; u++) {
            List<InstrumentId> list = counts.list("user" + u);
            for (int i = 0; i < instruments.size(); i++) {
                long n = net.get(u * instruments.size() + i);
                assertEquals(list.contains(instruments.get(i)) ? 1 : 0, n,
                        "seed=" + seed + " user" + u + " " + instruments.get(i));
            }
            list.forEach(i -> fromLists.merge(i, 1, Integer::sum));
        }
        Map<InstrumentId, Ingestion> ingesting = counts.ingesting();
        for (InstrumentId instrument : instruments) {
            int expected = fromLists.getOrDefault(instrument, 0);
            String context = "seed=" + seed + " " + instrument;
            assertEquals(expected, counts.referenceCount(instrument), context);
            Map<Action, AtomicLong> a = actions.getOrDefault(instrument, Map.of());
            long started = count(a, START_INGESTION);
            long scheduled = count(a, SCHEDULE_STOP);
            long cancelled = count(a, CANCEL_STOP);
            long stopped = stops.getOrDefault(instrument, new AtomicLong()).get();
            Ingestion now = ingesting.get(instrument);
            // alternation: every start but the current one was stopped, every schedule was cancelled or carried out
            assertEquals(now == null ? 0 : 1, started - stopped, context);
            assertEquals(now != null && now.stopping() ? 1 : 0, scheduled - cancelled - stopped, context);
            if (now != null) {
                assertEquals(new Ingestion(expected, expected == 0), now, context);
            } else {
                assertEquals(0, expected, context);
            }
        }
    }

    private static long count(Map<Action, AtomicLong> actions, Action action) {
        AtomicLong n = actions.get(action);
        return n == null ? 0 : n.get();
    }

    private static List<InstrumentId> instruments(int n) {
        List<InstrumentId> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new InstrumentId("TICK" + i, i % 2 == 0 ? "B" : "F"));
        }
        return list;
    }
}
