package blackbox.positions.store;

import blackbox.platform.db.Database;

/** The service's PostgreSQL schema and its Flyway migrations ({@code db/migration/positions}). */
public final class PositionsSchema {
    public static final String SCHEMA = "positions";
    public static final String MIGRATIONS = "classpath:db/migration/positions";

    private PositionsSchema() {
    }

    /** Brings the schema up to date; idempotent. Returns the number of migrations applied now. */
    public static int migrate(Database database) {
        return database.migrate(SCHEMA, MIGRATIONS);
    }
}
