package blackbox.oms.store;

import blackbox.platform.db.Database;

/** oms-svc's PostgreSQL schema and its Flyway migrations ({@code db/migration/oms}). */
public final class OmsSchema {
    public static final String SCHEMA = "oms";
    public static final String MIGRATIONS = "classpath:db/migration/oms";

    private OmsSchema() {
    }

    /** Brings the schema up to date; idempotent. Returns the number of migrations applied now. */
    public static int migrate(Database database) {
        return database.migrate(SCHEMA, MIGRATIONS);
    }
}
