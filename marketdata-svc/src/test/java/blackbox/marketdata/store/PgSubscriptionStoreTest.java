package blackbox.marketdata.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PgSubscriptionStoreTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final InstrumentId VALE3 = new InstrumentId("VALE3", "B");
    static final InstrumentId WIN_F = new InstrumentId("WINM25", "F");
    static final InstrumentId WIN_B = new InstrumentId("WINM25", "B");

    static EmbeddedPostgresServer server;
    static Database db;
    PgSubscriptionStore store;

    @BeforeAll
    static void startDatabase() throws Exception {
        server = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 2));
        MarketdataSchema.migrate(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
        server.close();
    }

    @BeforeEach
    void empty() {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE marketdata.subscriptions"));
        store = new PgSubscriptionStore(db.jdbi());
    }

    @Test
    void addingTwiceKeepsOneRowAndSaysSo() throws Exception {
        assertTrue(store.add("ana", PETR4));
        assertFalse(store.add("ana", PETR4));
        assertEquals(List.of(PETR4), store.list("ana"));
    }

    @Test
    void removingSaysWhetherARowWasThere() throws Exception {
        store.add("ana", PETR4);
        assertTrue(store.remove("ana", PETR4));
        assertFalse(store.remove("ana", PETR4));
        assertEquals(List.of(), store.list("ana"));
    }

    @Test
    void listsAreAlphabeticalByTickerThenExchangeAndPerUser() throws Exception {
        store.add("ana", WIN_F);
        store.add("ana", VALE3);
        store.add("ana", WIN_B);
        store.add("ana", PETR4);
        store.add("bia", VALE3);
        assertEquals(List.of(PETR4, VALE3, WIN_B, WIN_F), store.list("ana"));
        assertEquals(List.of(VALE3), store.list("bia"));
        assertEquals(List.of(), store.list("caio"));
        assertEquals(Map.of("ana", List.of(PETR4, VALE3, WIN_B, WIN_F), "bia", List.of(VALE3)), store.all());
    }

    @Test
    void referenceCountsAreUsersPerInstrument() throws Exception {
        store.add("ana", PETR4);
        store.add("bia", PETR4);
        store.add("bia", VALE3);
        store.add("caio", PETR4);
        store.remove("caio", PETR4);
        assertEquals(Map.of(PETR4, 2, VALE3, 1), store.referenceCounts());
    }

    @Test
    void aStoppedDatabaseIsUnavailable() throws Exception {
        server.stop();
        try {
            assertThrows(StoreUnavailableException.class, () -> store.add("ana", PETR4));
        } finally {
            server.start();
        }
        Database.discardConnections(db.dataSource());
        assertTrue(store.add("ana", PETR4));
    }
}
