package blackbox.oms.store;

import static blackbox.oms.core.Fixtures.PX;
import static blackbox.oms.core.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.TradeDates;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event sequence is strictly increasing across restarts of the store and of PostgreSQL itself, and under
 * concurrent writers the sequence order is the commit order: a reader that saw N sees everything committed later
 * above N.
 */
@Timeout(300)
class EventSequenceTest {
    @Test
    void theSequenceKeepsIncreasingAcrossRestartsOfTheStoreAndTheServer() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
            List<Long> sequences = new ArrayList<>();
            for (int restart = 0; restart < 3; restart++) {
                try (Database db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 4))) {
                    OmsSchema.migrate(db);
                    if (restart == 0) new AccountStore(db.jdbi()).upsert(TestDatabase.account(1));
                    OrderStore store = new OrderStore(db.jdbi(), TradeDates.B3);
                    for (int i = 0; i < 5; i++) {
                        String id = "R" + restart + "-" + i;
                        sequences.add(store.createOrder(OrderStoreTest.order(id, "A1", 1000),
                                OrderStoreTest.submit(id, "A1")).order().lastSequence());
                        sequences.add(store.apply(new ClOrdId(id), new OrderEvent.Filled(new ExecId("E"), 100, PX, 100,
                                false, T0, T0)).orElseThrow().sequence());
                    }
                    for (StoredEvent e : store.eventsAfter(EventQuery.after(0, 1000))) assertTrue(sequences.contains(e.sequence()));
                }
                server.stop();
                server.start();
            }
            for (int i = 1; i < sequences.size(); i++) {
                assertTrue(sequences.get(i) > sequences.get(i - 1), "strictly increasing: " + sequences);
            }
            assertEquals(30, sequences.size());
        }
    }

    @Test
    void concurrentWritersCommitInSequenceOrderSoAResumingReaderMissesNothing() throws Exception {
        Database db = TestDatabase.shared();
        TestDatabase.reset(db, 4);
        OrderStore store = new OrderStore(db.jdbi(), TradeDates.B3);
        int writers = 4;
        int perWriter = 60;
        for (int w = 0; w < writers; w++) {
            store.createOrder(OrderStoreTest.order("W" + w, "A" + (w + 1), 1_000_000), OrderStoreTest.submit("W" + w, "A1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = "W" + w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        store.apply(new ClOrdId(id), new OrderEvent.Filled(new ExecId("E" + i), 100, PX, 0, false, T0, T0));
                    }
                    return null;
                }));
            }
            // a reader polling like StreamOrderEvents: every event it ever sees must come after the last one it saw
            Future<List<Long>> reader = pool.submit(() -> {
                List<Long> seen = new ArrayList<>();
                long after = 0;
                while (seen.size() < writers * (perWriter + 1)) {
                    for (StoredEvent e : store.eventsAfter(EventQuery.after(after, 50))) {
                        seen.add(e.sequence());
                        after = e.sequence();
                    }
                }
                return seen;
            });
            for (Future<?> f : futures) f.get();
            List<Long> seen = reader.get();
            assertEquals(writers * (perWriter + 1), seen.size(), "the resuming reader saw every event exactly once");
            List<Long> all = store.eventsAfter(EventQuery.after(0, 10_000)).stream().map(StoredEvent::sequence).toList();
            assertEquals(all, seen);
        } finally {
            pool.shutdownNow();
        }
    }
}
