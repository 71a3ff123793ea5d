package blackbox.oms.store;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.EventType;
import blackbox.oms.core.IgnoreReason;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.Transitions;
import blackbox.platform.domain.AccountId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Orders and their events in PostgreSQL (schema {@code oms}), written so that "persist before send" is the natural
 * way to use it:
 * <ul>
 *   <li>{@link #createOrder} commits the order in PENDING_NEW, its CREATED event and the command's audit row in one
 *       transaction before it returns; only then may the caller send it. The ClOrdID is the idempotency key (a
 *       unique constraint): a retried create answers the existing order, never a second one, also under
 *       concurrent duplicates (the second insert waits for the first to commit, then finds it).</li>
 *   <li>{@link #apply} locks the order row, runs {@link Transitions#apply} on the stored state (with its ExecIDs),
 *       and in the same transaction appends the event and updates the row; an ExecID is also unique per order in
 *       the table, so a duplicate fill is a no-op at the database too. Events that change nothing are recorded in
 *       {@code event_anomalies} (except plain duplicates).</li>
 *   <li>Event sequence numbers are drawn under an advisory lock held to the commit: strictly increasing in commit
 *       order, across restarts (a PostgreSQL sequence never goes back).</li>
 * </ul>
 * Errors: SQL failures are thrown as Jdbi's unchecked exceptions with nothing written (each call is one
 * transaction); {@link blackbox.platform.db.Database#isUnavailable} tells a lost database from a bug.
 * Thread-safe.
 */
public final class OrderStore {
    private static final String OPEN = "('PENDING_NEW', 'NEW', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'PENDING_REPLACE', 'UNKNOWN')";

    private final Jdbi jdbi;
    private final ZoneId zone;

    /** @param zone the exchange's zone, for trade dates (B3: {@link blackbox.oms.core.TradeDates#B3}) */
    public OrderStore(Jdbi jdbi, ZoneId zone) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Persists a new order (PENDING_NEW, from {@link Order#pendingNew}) with its CREATED event and the command's
     * audit row, or finds the existing order with that ClOrdID. The audit row's outcome is {@code OK},
     * {@code DUPLICATE} or {@code ALREADY_EXISTS: ...}.
     */
    public CreateResult createOrder(Order order, AuditCommand command) {
        if (order.status() != OrdStatus.PENDING_NEW || order.cumQty() != 0) {
            throw new IllegalArgumentException("a new order is PENDING_NEW without fills: " + order.clOrdId());
        }
        return jdbi.inTransaction(h -> {
            Optional<Long> id = OrderRows.insertIfAbsent(h, order);
            if (id.isPresent()) {
                long sequence = EventRows.nextSequences(h, 1)[0];
                EventRows.insertCreated(h, new long[] {sequence}, List.of(id.get()), List.of(order));
                h.createUpdate("UPDATE oms.orders SET last_sequence = :s WHERE id = :id").bind("s", sequence)
                        .bind("id", id.get()).execute();
                AuditTrail.insert(h, command, "OK");
                return new CreateResult(CreateResult.Kind.CREATED, new StoredOrder(order, sequence), "");
            }
            StoredOrder existing = findIn(h, order.clOrdId()).orElseThrow();
            String conflict = Duplicates.difference(h, existing.order(), order);
            AuditTrail.insert(h, command, conflict.isEmpty() ? "DUPLICATE" : "ALREADY_EXISTS: " + conflict);
            return new CreateResult(conflict.isEmpty() ? CreateResult.Kind.DUPLICATE : CreateResult.Kind.CONFLICT,
                    existing, conflict);
        });
    }

    /**
     * Applies a report (or a risk decision, or a reconciliation event) to the stored order.
     *
     * @return empty when no order has that ClOrdID
     */
    public Optional<ApplyResult> apply(ClOrdId clOrdId, OrderEvent event) {
        return jdbi.inTransaction(h -> applyIn(h, clOrdId, event));
    }

    /**
     * Applies a command of ours (CancelRequested, ReplaceRequested) and records it in the audit trail with its
     * outcome ({@code OK}, or {@code FAILED_PRECONDITION: <refusal>}), in one transaction; for an unknown order
     * the command is recorded as {@code NOT_FOUND}.
     */
    public Optional<ApplyResult> applyCommand(ClOrdId clOrdId, OrderEvent event, AuditCommand command) {
        return jdbi.inTransaction(h -> {
            Optional<ApplyResult> result = applyIn(h, clOrdId, event);
            String outcome = result.map(r -> switch (r.outcome()) {
                case Outcome.Applied a -> "OK";
                case Outcome.Ignored i -> "IGNORED: " + i.reason().reason();
                case Outcome.Refused r2 -> "FAILED_PRECONDITION: " + r2.message();
            }).orElse("NOT_FOUND: no order with cl_ord_id=\"" + clOrdId + "\"");
            AuditTrail.insert(h, command, outcome);
            return result;
        });
    }

    private Optional<ApplyResult> applyIn(Handle h, ClOrdId clOrdId, OrderEvent event) {
        Optional<OrderRows.Row> locked = h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o"
                        + " WHERE o.cl_ord_id = :id FOR UPDATE")
                .bind("id", clOrdId.value()).map((rs, ctx) -> OrderRows.map(rs)).findOne();
        if (locked.isEmpty()) return Optional.empty();
        OrderRows.Row row = locked.get();
        StoredOrder before = OrderRows.withExecIds(h, List.of(row)).getFirst();
        Outcome outcome = Transitions.apply(before.order(), event);
        switch (outcome) {
            case Outcome.Applied applied -> {
                long sequence = EventRows.nextSequences(h, 1)[0];
                EventRows.insert(h, sequence, row.id(), before.order(), applied.order(), event, applied.edge(), zone);
                OrderRows.update(h, row.id(), applied.order(), sequence);
                return Optional.of(new ApplyResult(outcome, new StoredOrder(applied.order(), sequence), sequence));
            }
            case Outcome.Ignored ignored -> {
                if (ignored.reason() != IgnoreReason.DUPLICATE_EXEC_ID && ignored.reason() != IgnoreReason.DUPLICATE_REPORT) {
                    EventRows.insertAnomaly(h, row.id(), before.order(), event, "IGNORED", ignored.reason().name(), false,
                            ignored.reason().reason());
                }
            }
            case Outcome.Refused refused -> EventRows.insertAnomaly(h, row.id(), before.order(), event, "REFUSED",
                    refused.code().name(), refused.code().alarm(), refused.message());
        }
        return Optional.of(new ApplyResult(outcome, before, 0));
    }

    public Optional<StoredOrder> find(ClOrdId clOrdId) {
        return jdbi.withHandle(h -> findIn(h, clOrdId));
    }

    static Optional<StoredOrder> findIn(Handle h, ClOrdId clOrdId) {
        List<OrderRows.Row> rows = h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o WHERE o.cl_ord_id = :id")
                .bind("id", clOrdId.value()).map((rs, ctx) -> OrderRows.map(rs)).list();
        return OrderRows.withExecIds(h, rows).stream().findFirst();
    }

    /** The account's orders that are not final, oldest first: what reconciliation looks at. */
    public List<StoredOrder> openOrders(AccountId account) {
        return jdbi.withHandle(h -> OrderRows.withExecIds(h, h.createQuery("SELECT " + OrderRows.COLUMNS
                        + " FROM oms.orders o WHERE o.account_id = :account AND o.status IN " + OPEN + " ORDER BY o.id")
                .bind("account", account.value()).map((rs, ctx) -> OrderRows.map(rs)).list()));
    }

    /** Orders matching the query, newest first. */
    public OrderPage list(OrderQuery q) {
        return jdbi.withHandle(h -> {
            StringBuilder where = new StringBuilder(" WHERE true");
            if (!q.accounts().isEmpty()) where.append(" AND o.account_id = ANY(:accounts)");
            if (!q.statuses().isEmpty()) where.append(" AND o.status = ANY(:statuses)");
            if (q.instrument().isPresent()) where.append(" AND o.ticker = :ticker AND o.exchange = :exchange");
            if (q.algorithm().isPresent()) where.append(" AND o.algorithm_kind = :algorithm");
            if (q.block().isPresent()) where.append(" AND o.block_id = :block");
            if (q.strategy().isPresent()) where.append(" AND o.strategy_id = :strategy");
            if (q.desk().isPresent()) where.append(" AND o.desk_id = :desk");
            if (q.fromNanos() != 0) where.append(" AND o.created_nanos >= :from");
            if (q.toNanos() != 0) where.append(" AND o.created_nanos < :to");
            if (q.beforeId() != 0) where.append(" AND o.id < :before");
            Query query = h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o" + where
                    + " ORDER BY o.id DESC LIMIT :limit");
            if (!q.accounts().isEmpty()) {
                query.bindArray("accounts", String.class, q.accounts().stream().map(AccountId::value).toArray());
            }
            if (!q.statuses().isEmpty()) {
                query.bindArray("statuses", String.class, q.statuses().stream().map(Enum::name).toArray());
            }
            q.instrument().ifPresent(i -> query.bind("ticker", i.ticker()).bind("exchange", i.exchange()));
            q.algorithm().ifPresent(a -> query.bind("algorithm", a.label));
            q.block().ifPresent(b -> query.bind("block", b.value()));
            q.strategy().ifPresent(s -> query.bind("strategy", s.value()));
            q.desk().ifPresent(d -> query.bind("desk", d.value()));
            if (q.fromNanos() != 0) query.bind("from", q.fromNanos());
            if (q.toNanos() != 0) query.bind("to", q.toNanos());
            if (q.beforeId() != 0) query.bind("before", q.beforeId());
            List<OrderRows.Row> rows = query.bind("limit", q.limit()).map((rs, ctx) -> OrderRows.map(rs)).list();
            long next = rows.size() < q.limit() ? 0 : rows.getLast().id();
            return new OrderPage(OrderRows.withExecIds(h, rows), next);
        });
    }

    /** The order's events, ascending. */
    public List<StoredEvent> events(ClOrdId clOrdId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + EventRows.COLUMNS + " FROM oms.events e JOIN oms.orders o"
                        + " ON o.id = e.order_ref WHERE e.cl_ord_id = :id ORDER BY e.sequence")
                .bind("id", clOrdId.value()).map((rs, ctx) -> EventRows.map(rs)).list());
    }

    /** Events after a sequence, ascending (StreamOrderEvents' replay, positions-svc's catch-up). */
    public List<StoredEvent> eventsAfter(EventQuery q) {
        return jdbi.withHandle(h -> {
            StringBuilder where = new StringBuilder(" WHERE e.sequence > :after");
            if (!q.accounts().isEmpty()) where.append(" AND e.account_id = ANY(:accounts)");
            if (!q.types().isEmpty()) where.append(" AND e.type = ANY(:types)");
            if (q.block().isPresent()) where.append(" AND e.block_id = :block");
            Query query = h.createQuery("SELECT " + EventRows.COLUMNS + " FROM oms.events e JOIN oms.orders o"
                    + " ON o.id = e.order_ref" + where + " ORDER BY e.sequence LIMIT :limit");
            if (!q.accounts().isEmpty()) {
                query.bindArray("accounts", String.class, q.accounts().stream().map(AccountId::value).toArray());
            }
            if (!q.types().isEmpty()) query.bindArray("types", String.class, q.types().stream().map(EventType::name).toArray());
            q.block().ifPresent(b -> query.bind("block", b.value()));
            return new ArrayList<>(query.bind("after", q.afterSequence()).bind("limit", q.limit())
                    .map((rs, ctx) -> EventRows.map(rs)).list());
        });
    }

    /** The highest event sequence committed so far (0 when none). */
    public long lastSequence() {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(sequence), 0) FROM oms.events").mapTo(Long.class).one());
    }
}
