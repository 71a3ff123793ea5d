package blackbox.oms.store;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.domain.AccountId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** One real PostgreSQL (the platform's embedded server) for the store tests of this JVM, migrated once. */
final class TestDatabase {
    private static Database database;

    private TestDatabase() {
    }

    static synchronized Database shared() {
        if (database == null) {
            try {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
                database = Database.connect(DatabaseConfig.external(server.jdbcUrl(), "postgres", "", 8));
                OmsSchema.migrate(database);
                Database db = database;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    db.close();
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    /** Empties every table (TRUNCATE does not fire the append-only row triggers) and adds accounts A1..An on desk "equities". */
    static void reset(Database db, int accounts) {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE oms.events, oms.event_anomalies, oms.audit, oms.allocations,"
                + " oms.orders, oms.blocks, oms.client_groups, oms.accounts, oms.users CASCADE"));
        AccountStore store = new AccountStore(db.jdbi());
        for (int i = 1; i <= accounts; i++) store.upsert(account(i));
    }

    static ClientAccount account(int i) {
        return new ClientAccount(new AccountId("A" + i), new DllAccount(308, "1000", "S" + i), new DeskId("equities"),
                i % 2 == 0 ? Set.of(new ClientGroupId("even")) : Set.of(), true);
    }
}
