package blackbox.marketdata.store;

import blackbox.platform.db.Database;

/** The service's PostgreSQL schema and its Flyway migrations ({@code db/migration/marketdata}). */
public final class MarketdataSchema {
    public static final String SCHEMA = "marketdata";
    public static final String MIGRATIONS = "classpath:db/migration/marketdata";

    private MarketdataSchema() {
    }

    /** Brings the schema up to date; idempotent. Returns the number of migrations applied now. */
    public static int migrate(Database database) {
        return database.migrate(SCHEMA, MIGRATIONS);
    }
}
