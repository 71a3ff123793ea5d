package blackbox.risk.store;

import blackbox.platform.db.Database;

/** The service's PostgreSQL schema and its Flyway migrations ({@code db/migration/risk}). */
public final class RiskSchema {
    public static final String SCHEMA = "risk";
    public static final String MIGRATIONS = "classpath:db/migration/risk";

    private RiskSchema() {
    }

    /** Brings the schema up to date; idempotent. Returns the number of migrations applied now. */
    public static int migrate(Database database) {
        return database.migrate(SCHEMA, MIGRATIONS);
    }
}
