package blackbox.candles.store;

import blackbox.platform.db.Database;

/** The service's PostgreSQL schema and its Flyway migrations ({@code db/migration/candles}). */
public final class CandleSchema {
    public static final String SCHEMA = "candles";
    public static final String MIGRATIONS = "classpath:db/migration/candles";

    private CandleSchema() {
    }

    /** Brings the schema up to date; idempotent. Returns the number of migrations applied now. */
    public static int migrate(Database database) {
        return database.migrate(SCHEMA, MIGRATIONS);
    }
}
