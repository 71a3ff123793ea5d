package blackbox.risk.store;

import blackbox.platform.db.Database;
import blackbox.risk.core.LimitKind;
import blackbox.risk.core.LimitRow;
import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
import blackbox.risk.switches.HaltMode;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The risk state in PostgreSQL (schema {@code risk}): limits and switches in force, and the append-only audit
 * of every change, written in the same transaction as the change. Every change takes a number from
 * {@code risk.change_seq}. Thread-safe.
 */
public final class PgRiskStore {
    private final Jdbi jdbi;

    public PgRiskStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every limit in force. */
    public List<StoredLimit> limits() throws StoreUnavailableException {
        return call("reading limits", h -> h.createQuery("""
                        SELECT scope, scope_key, kind, value, changed_by, reason, changed_at, version FROM risk.limits
                        ORDER BY scope, scope_key, kind""")
                .map((rs, ctx) -> new StoredLimit(new LimitRow(Scope.parse(ScopeType.valueOf(rs.getString(1)), rs.getString(2)),
                        LimitKind.valueOf(rs.getString(3)), rs.getLong(4)), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getLong(8)))
                .list());
    }

    /**
     * Applies limit changes in one transaction, each audited (action {@code SET_LIMIT} or {@code CLEAR_LIMIT},
     * old and new value).
     *
     * @return the change's number
     */
    public long setLimits(Actor actor, List<LimitChange> changes, String why, Instant at) throws StoreUnavailableException {
        return call("setting limits", h -> h.inTransaction(tx -> {
            long version = nextVersion(tx);
            for (LimitChange c : changes) {
                Optional<Long> old = tx.createQuery("""
                                SELECT value FROM risk.limits WHERE scope = :scope AND scope_key = :key AND kind = :kind FOR UPDATE""")
                        .bind("scope", c.scope().type().name()).bind("key", c.scope().key()).bind("kind", c.kind().name())
                        .mapTo(Long.class).findOne();
                if (c.value().isPresent()) {
                    tx.createUpdate("""
                                    INSERT INTO risk.limits (scope, scope_key, kind, value, changed_by, reason, changed_at, version)
                                    VALUES (:scope, :key, :kind, :value, :who, :why, :at, :version)
                                    ON CONFLICT (scope, scope_key, kind) DO UPDATE SET value = EXCLUDED.value,
                                      changed_by = EXCLUDED.changed_by, reason = EXCLUDED.reason,
                                      changed_at = EXCLUDED.changed_at, version = EXCLUDED.version""")
                            .bind("scope", c.scope().type().name()).bind("key", c.scope().key()).bind("kind", c.kind().name())
                            .bind("value", c.value().getAsLong()).bind("who", actor.user()).bind("why", why)
                            .bind("at", Timestamp.from(at)).bind("version", version).execute();
                } else {
                    tx.createUpdate("DELETE FROM risk.limits WHERE scope = :scope AND scope_key = :key AND kind = :kind")
                            .bind("scope", c.scope().type().name()).bind("key", c.scope().key()).bind("kind", c.kind().name())
                            .execute();
                }
                audit(tx, version, at, actor, c.value().isPresent() ? "SET_LIMIT" : "CLEAR_LIMIT", c.scope(), why)
                        .bind("kind", c.kind().name())
                        .bind("old_value", old.orElse(null))
                        .bind("new_value", c.value().isPresent() ? c.value().getAsLong() : null)
                        .bind("old_state", (String) null).bind("new_state", (String) null).bind("mode", (String) null)
                        .execute();
            }
            return version;
        }));
    }

    /** Every switch ever changed (ACTIVE ones included). */
    public List<KillSwitch> switches() throws StoreUnavailableException {
        return call("reading switches", h -> h.createQuery("""
                        SELECT scope, scope_key, state, mode, changed_by, reason, changed_at_nanos, version FROM risk.switches""")
                .map((rs, ctx) -> new KillSwitch(Scope.parse(ScopeType.valueOf(rs.getString(1)), rs.getString(2)),
                        SwitchState.valueOf(rs.getString(3)), HaltMode.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8)))
                .list());
    }

    /** The last change's number (0 before any). */
    public long latestVersion() throws StoreUnavailableException {
        return call("reading the change number", h -> h.createQuery(
                "SELECT coalesce((SELECT last_value FROM risk.change_seq WHERE is_called), 0)").mapTo(Long.class).one());
    }

    /**
     * Writes a switch's new state and its audit row (action, before, after) in one transaction.
     *
     * @return {@code after} with its change number
     */
    public KillSwitch saveSwitch(Actor actor, String action, KillSwitch before, KillSwitch after, Instant at)
            throws StoreUnavailableException {
        return call("saving a switch", h -> h.inTransaction(tx -> {
            long version = nextVersion(tx);
            tx.createUpdate("""
                            INSERT INTO risk.switches (scope, scope_key, state, mode, changed_by, reason, changed_at, changed_at_nanos, version)
                            VALUES (:scope, :key, :state, :mode, :who, :why, :at, :nanos, :version)
                            ON CONFLICT (scope, scope_key) DO UPDATE SET state = EXCLUDED.state, mode = EXCLUDED.mode,
                              changed_by = EXCLUDED.changed_by, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at,
                              changed_at_nanos = EXCLUDED.changed_at_nanos, version = EXCLUDED.version""")
                    .bind("scope", after.scope().type().name()).bind("key", after.scope().key())
                    .bind("state", after.state().name()).bind("mode", after.mode().name())
                    .bind("who", after.who()).bind("why", after.why()).bind("at", Timestamp.from(at))
                    .bind("nanos", after.changedAtNanos()).bind("version", version).execute();
            audit(tx, version, at, actor, action, after.scope(), after.why())
                    .bind("kind", (String) null).bind("old_value", (Long) null).bind("new_value", (Long) null)
                    .bind("old_state", before.state().name()).bind("new_state", after.state().name())
                    .bind("mode", after.mode().name()).execute();
            return after.withVersion(version);
        }));
    }

    private static long nextVersion(Handle h) {
        return h.createQuery("SELECT nextval('risk.change_seq')").mapTo(Long.class).one();
    }

    private static org.jdbi.v3.core.statement.Update audit(Handle h, long version, Instant at, Actor actor, String action,
                                                          Scope scope, String why) {
        return h.createUpdate("""
                        INSERT INTO risk.audit (version, at, actor, roles, action, scope, scope_key, kind, old_value, new_value,
                          old_state, new_state, mode, reason)
                        VALUES (:version, :at, :actor, :roles, :action, :scope, :key, :kind, :old_value, :new_value,
                          :old_state, :new_state, :mode, :why)""")
                .bind("version", version).bind("at", Timestamp.from(at)).bind("actor", actor.user())
                .bind("roles", actor.rolesText()).bind("action", action).bind("scope", scope.type().name())
                .bind("key", scope.key()).bind("why", why);
    }

    private <T> T call(String what, HandleCallback<T, RuntimeException> callback) throws StoreUnavailableException {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            if (Database.isUnavailable(e)) {
                throw new StoreUnavailableException(what + ": PostgreSQL unavailable: " + e.getMessage(), e);
            }
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
