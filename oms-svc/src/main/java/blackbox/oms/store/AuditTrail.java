package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only audit trail ({@code oms.audit}, and {@code oms.events} for the events): every command with
 * who, when, from where, its parameters and its outcome; queryable by order, block, account and time range. The
 * tables refuse UPDATE and DELETE (a trigger). Thread-safe.
 */
public final class AuditTrail {
    private final Jdbi jdbi;

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a command that no other store call records (an invalid request, a preview, a cancel-all's summary). */
    public long append(AuditCommand command, String outcome) {
        return jdbi.inTransaction(h -> insert(h, command, outcome));
    }

    /** Inside another store's transaction. */
    static long insert(Handle h, AuditCommand c, String outcome) {
        return h.createQuery("INSERT INTO oms.audit (at_nanos, user_id, address, command, cl_ord_id, block_id, account_id,"
                        + " parameters, outcome) VALUES (:at, :user, :address, :command, :cl_ord_id, :block_id, :account,"
                        + " CAST(:parameters AS jsonb), :outcome) RETURNING id")
                .bind("at", c.atNanos())
                .bind("user", c.user().value())
                .bind("address", c.address())
                .bind("command", c.command())
                .bind("cl_ord_id", c.clOrdId().map(ClOrdId::value).orElse(null))
                .bind("block_id", c.blockId().map(BlockId::value).orElse(null))
                .bind("account", c.account().map(AccountId::value).orElse(null))
                .bind("parameters", c.parametersJson())
                .bind("outcome", outcome)
                .mapTo(Long.class).one();
    }

    /** Inside another store's transaction: several commands in one statement ({@link Unnest}). */
    static void insertAll(Handle h, List<AuditCommand> commands, List<String> outcomes) {
        if (commands.isEmpty()) return;
        Unnest rows = new Unnest().bigint("at_nanos").text("user_id").text("address").text("command").text("cl_ord_id")
                .text("block_id").text("account_id").text("parameters", "jsonb").text("outcome");
        for (int i = 0; i < commands.size(); i++) {
            AuditCommand c = commands.get(i);
            rows.set(c.atNanos()).set(c.user().value()).set(c.address()).set(c.command())
                    .set(c.clOrdId().map(ClOrdId::value).orElse(null)).set(c.blockId().map(BlockId::value).orElse(null))
                    .set(c.account().map(AccountId::value).orElse(null)).set(c.parametersJson()).set(outcomes.get(i));
        }
        Unnest.execute(h, rows.insert("oms.audit"), rows, commands.size());
    }

    /**
     * Commands and events matching the query, each list ascending and at most {@code limit} long. An event matches
     * the order, block or account filter through its order.
     */
    public AuditPage query(AuditQuery q) {
        return jdbi.withHandle(h -> {
            StringBuilder where = new StringBuilder(" WHERE a.id > :after_command");
            if (q.clOrdId().isPresent()) where.append(" AND a.cl_ord_id = :cl_ord_id");
            if (q.blockId().isPresent()) where.append(" AND (a.block_id = :block_id OR a.cl_ord_id LIKE :block_children)");
            if (q.account().isPresent()) where.append(" AND a.account_id = :account");
            if (q.fromNanos() != 0) where.append(" AND a.at_nanos >= :from");
            if (q.toNanos() != 0) where.append(" AND a.at_nanos < :to");
            Query commands = h.createQuery("SELECT a.id, a.at_nanos, a.user_id, a.address, a.command, a.cl_ord_id,"
                    + " a.block_id, a.account_id, a.parameters::text AS parameters, a.outcome FROM oms.audit a" + where
                    + " ORDER BY a.id LIMIT :limit");
            bind(commands, q).bind("after_command", q.afterCommandId());
            List<AuditRecord> records = commands.map((rs, ctx) -> new AuditRecord(rs.getLong("id"), new AuditCommand(
                    rs.getLong("at_nanos"), new UserId(rs.getString("user_id")), rs.getString("address"),
                    rs.getString("command"), Optional.ofNullable(rs.getString("cl_ord_id")).map(ClOrdId::new),
                    Optional.ofNullable(rs.getString("block_id")).map(BlockId::new),
                    Optional.ofNullable(rs.getString("account_id")).map(AccountId::new), rs.getString("parameters")),
                    rs.getString("outcome"))).list();

            StringBuilder ew = new StringBuilder(" WHERE e.sequence > :after_sequence");
            if (q.clOrdId().isPresent()) ew.append(" AND e.cl_ord_id = :cl_ord_id");
            if (q.blockId().isPresent()) ew.append(" AND e.block_id = :block_id");
            if (q.account().isPresent()) ew.append(" AND e.account_id = :account");
            if (q.fromNanos() != 0) ew.append(" AND e.ts_init >= :from");
            if (q.toNanos() != 0) ew.append(" AND e.ts_init < :to");
            Query events = h.createQuery("SELECT " + EventRows.COLUMNS + " FROM oms.events e JOIN oms.orders o"
                    + " ON o.id = e.order_ref" + ew + " ORDER BY e.sequence LIMIT :limit");
            bind(events, q).bind("after_sequence", q.afterSequence());
            List<StoredEvent> stored = new ArrayList<>(events.map((rs, ctx) -> EventRows.map(rs)).list());
            return new AuditPage(records, stored, records.size() < q.limit() && stored.size() < q.limit());
        });
    }

    private static Query bind(Query query, AuditQuery q) {
        q.clOrdId().ifPresent(id -> query.bind("cl_ord_id", id.value()));
        q.blockId().ifPresent(id -> query.bind("block_id", id.value()).bind("block_children", likePrefix(id.value()) + "/%"));
        q.account().ifPresent(a -> query.bind("account", a.value()));
        if (q.fromNanos() != 0) query.bind("from", q.fromNanos());
        if (q.toNanos() != 0) query.bind("to", q.toNanos());
        return query.bind("limit", q.limit());
    }

    /** {@code value} with LIKE's wildcards escaped. */
    private static String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
