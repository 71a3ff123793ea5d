package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.Order;
import blackbox.oms.core.block.BlockPlan;
import blackbox.platform.domain.AccountId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The single writer's transactions (group commit): everything one batch of commands and reports decided — new orders
 * and blocks, events, anomalies, audit rows, the report cursor, average-price allocations — written in one transaction
 * with bulk statements. The writer folds the events through {@link blackbox.oms.core.Transitions} itself, on the
 * states it keeps (it is the only writer of {@code oms.orders} and {@code oms.events}), so a commit reads nothing
 * back. Event sequences are drawn under the event-sequence advisory lock held to the commit, in the order the events
 * were added: commit order.
 *
 * <p>Errors: Jdbi's unchecked exceptions with nothing written. Thread-safe, but meant for one writer thread.
 */
public final class OrderBatch {
    private final Jdbi jdbi;
    private final java.time.ZoneId zone;

    /** @param zone the exchange's zone, for the trade dates of fills */
    public OrderBatch(Jdbi jdbi, java.time.ZoneId zone) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** What one transaction writes, in the order added. Not thread-safe (the writer's). */
    public static final class Changes {
        final List<Order> created = new ArrayList<>();
        final List<PendingEvent> events = new ArrayList<>();
        final List<PendingAnomaly> anomalies = new ArrayList<>();
        final List<AuditCommand> audits = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        final Map<BlockId, Map<AccountId, Long>> allocations = new LinkedHashMap<>();
        BlockPlan block;
        ReportCursor cursor;

        /** A new order in PENDING_NEW: its row and its CREATED event. */
        public void create(Order order) {
            created.add(order);
            events.add(PendingEvent.created(order));
        }

        /** A new block (its row, policy and allocation rows; its children through {@link #create}). At most one. */
        public void block(BlockPlan plan) {
            if (block != null) throw new IllegalStateException("one block per transaction");
            block = plan;
        }

        public void event(PendingEvent event) {
            events.add(event);
        }

        public void anomaly(PendingAnomaly anomaly) {
            anomalies.add(anomaly);
        }

        public void audit(AuditCommand command, String outcome) {
            audits.add(command);
            outcomes.add(outcome);
        }

        /** The report consumer's position after this transaction (the last one given wins). */
        public void cursor(ReportCursor position) {
            cursor = position;
        }

        /** An average-price block's post-trade allocation after this transaction's fills (never decreasing). */
        public void allocation(BlockId blockId, Map<AccountId, Long> allocated) {
            allocations.put(blockId, Map.copyOf(allocated));
        }

        public int eventCount() {
            return events.size();
        }

        public boolean isEmpty() {
            return events.isEmpty() && anomalies.isEmpty() && audits.isEmpty() && cursor == null && allocations.isEmpty()
                    && block == null;
        }
    }

    /**
     * What a commit wrote.
     *
     * @param events every event with its sequence, ascending, as the stream and the audit trail show them
     * @param createdIds the row ids of the orders created
     */
    public record Committed(List<StoredEvent> events, Map<ClOrdId, Long> createdIds) {
    }

    /**
     * Writes {@code changes} in one transaction.
     *
     * @param refs the row ids of the existing orders the events and anomalies touch
     * @throws IllegalStateException (nothing written) when an average-price allocation would decrease, or a row is missing
     */
    public Committed commit(Changes changes, Map<ClOrdId, Long> refs) {
        return jdbi.inTransaction(h -> {
            int n = changes.events.size();
            long[] sequences = n == 0 ? new long[0] : EventRows.nextSequences(h, n);
            // each order's state after the batch and the sequence of its last event
            Map<ClOrdId, Integer> last = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) last.put(changes.events.get(i).after().clOrdId(), i);
            if (changes.block != null) {
                long blockRef = BlockStore.insertBlock(h, changes.block.block()).orElseThrow(
                        () -> new IllegalStateException("block exists: " + changes.block.block().id()));
                BlockStore.insertAllocations(h, blockRef, changes.block.block().allocation());
            }
            List<Order> inserts = new ArrayList<>(changes.created.size());
            List<Long> insertSequences = new ArrayList<>(changes.created.size());
            for (Order created : changes.created) {
                int i = last.get(created.clOrdId());
                inserts.add(changes.events.get(i).after());
                insertSequences.add(sequences[i]);
            }
            Map<ClOrdId, Long> createdIds = OrderRows.insertAll(h, inserts, insertSequences);
            Map<ClOrdId, Long> allRefs = new HashMap<>(refs);
            allRefs.putAll(createdIds);
            EventRows.insertAll(h, sequences, changes.events, allRefs, zone);
            List<Long> ids = new ArrayList<>();
            List<Order> states = new ArrayList<>();
            List<Long> lastSequences = new ArrayList<>();
            for (Map.Entry<ClOrdId, Integer> e : last.entrySet()) {
                if (createdIds.containsKey(e.getKey())) continue;
                Long id = refs.get(e.getKey());
                if (id == null) throw new IllegalStateException("no row for " + e.getKey());
                ids.add(id);
                states.add(changes.events.get(e.getValue()).after());
                lastSequences.add(sequences[e.getValue()]);
            }
            OrderRows.updateAll(h, ids, states, lastSequences);
            EventRows.insertAnomalies(h, changes.anomalies, allRefs);
            AuditTrail.insertAll(h, changes.audits, changes.outcomes);
            if (changes.cursor != null) writeCursor(h, changes.cursor);
            for (Map.Entry<BlockId, Map<AccountId, Long>> a : changes.allocations.entrySet()) writeAllocation(h, a.getKey(), a.getValue());
            List<StoredEvent> stored = new ArrayList<>(n);
            for (int i = 0; i < n; i++) stored.add(EventRows.stored(sequences[i], changes.events.get(i), zone));
            return new Committed(stored, createdIds);
        });
    }

    private static void writeCursor(Handle h, ReportCursor c) {
        h.createUpdate("INSERT INTO oms.report_cursor (id, session_id, sequence, updated_nanos) VALUES (1, :s, :q, :t)"
                        + " ON CONFLICT (id) DO UPDATE SET session_id = EXCLUDED.session_id, sequence = EXCLUDED.sequence,"
                        + " updated_nanos = EXCLUDED.updated_nanos")
                .bind("s", c.sessionId()).bind("q", c.sequence()).bind("t", System.currentTimeMillis() * 1_000_000L).execute();
    }

    private static void writeAllocation(Handle h, BlockId block, Map<AccountId, Long> allocated) {
        PreparedBatch batch = h.prepareBatch("UPDATE oms.allocations a SET allocated_qty = :q FROM oms.blocks b"
                + " WHERE b.id = a.block_ref AND b.block_id = :block AND a.account_id = :a AND a.allocated_qty <= :q");
        List<AccountId> order = new ArrayList<>(allocated.keySet());
        for (AccountId account : order) batch.bind("q", allocated.get(account)).bind("block", block.value()).bind("a", account.value()).add();
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new IllegalStateException("an account's allocation must not decrease: block=" + block + ", account="
                        + order.get(i) + ", new=" + allocated.get(order.get(i)));
            }
        }
    }

    /** The orders with these ClOrdIDs that exist, with their row ids and ExecIDs (one query each for rows and ExecIDs). */
    public Map<ClOrdId, OrderRow> load(Collection<ClOrdId> clOrdIds) {
        if (clOrdIds.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> rows(h, h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o"
                        + " WHERE o.cl_ord_id = ANY(:ids)")
                .bindArray("ids", String.class, clOrdIds.stream().map(ClOrdId::value).toArray())
                .map((rs, ctx) -> OrderRows.map(rs)).list()));
    }

    /** Every order that is not final, oldest first (what the writer starts with). */
    public List<OrderRow> openOrders() {
        return jdbi.withHandle(h -> new ArrayList<>(rows(h, h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o"
                        + " WHERE o.status IN ('PENDING_NEW', 'NEW', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'PENDING_REPLACE',"
                        + " 'UNKNOWN') ORDER BY o.id")
                .map((rs, ctx) -> OrderRows.map(rs)).list()).values()));
    }

    private static Map<ClOrdId, OrderRow> rows(Handle h, List<OrderRows.Row> rows) {
        List<StoredOrder> stored = OrderRows.withExecIds(h, rows);
        Map<ClOrdId, OrderRow> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) out.put(stored.get(i).order().clOrdId(), new OrderRow(rows.get(i).id(), stored.get(i)));
        return out;
    }

    /** Where the report consumer stood at its last commit; empty before the first. */
    public Optional<ReportCursor> cursor() {
        return jdbi.withHandle(h -> h.createQuery("SELECT session_id, sequence FROM oms.report_cursor WHERE id = 1")
                .map((rs, ctx) -> new ReportCursor(rs.getString(1), rs.getLong(2))).findOne());
    }

    /** The first field in which a repeated submission differs from the stored order; empty when it is the same order. */
    public String difference(Order stored, Order candidate) {
        return jdbi.withHandle(h -> Duplicates.difference(h, stored, candidate));
    }

    /** As {@link #difference} for an order not committed yet (created earlier in the same batch). */
    public static String differenceFromCreated(Order created, Order candidate) {
        return Duplicates.differenceFromCreated(created, candidate);
    }

    /** Each account's traded notional (Σ LastQty × LastPx, scaled) on a trade date. */
    public Map<AccountId, Long> tradedNotional(LocalDate tradeDate) {
        Map<AccountId, Long> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT account_id, sum(last_qty * last_px)::bigint FROM oms.events"
                        + " WHERE type = 'TRADE' AND trade_date = :d GROUP BY account_id")
                .bind("d", tradeDate).map((rs, ctx) -> out.put(new AccountId(rs.getString(1)), rs.getLong(2))).list());
        return out;
    }
}
