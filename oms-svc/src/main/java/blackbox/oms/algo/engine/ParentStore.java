package blackbox.oms.algo.engine;

import blackbox.oms.algo.ChildState;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.ParentStatus;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code oms.algo_parents} and {@code oms.algo_slices} (V3__algorithms.sql), and a read of a parent's children from
 * {@code oms.orders} (written only by the writer). Thread-safe; every call is its own transaction.
 */
public final class ParentStore {
    private final Jdbi jdbi;

    public ParentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Persists a new parent WORKING; false when its id is already a parent (a retry: nothing written). */
    public boolean insert(ParentOrder p, long nowNanos) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO oms.algo_parents (parent_cl_ord_id, block_id, kind, definition,"
                        + " status, target_qty, created_nanos, updated_nanos) VALUES (:id, :block, :kind, CAST(:def AS jsonb), 'WORKING',"
                        + " :target, :now, :now) ON CONFLICT (parent_cl_ord_id) DO NOTHING")
                .bind("id", p.id().value()).bind("block", p.block().map(b -> b.value()).orElse(null))
                .bind("kind", p.algorithm().label()).bind("def", ParentJson.write(p)).bind("target", p.targetQty())
                .bind("now", nowNanos).execute() == 1);
    }

    /**
     * Slice {@code slice} is begun: the parent's progress and the slice's row, in one transaction, before any of its
     * children is created. Idempotent (a slice already recorded keeps its first time).
     */
    public void release(ClOrdId parent, int slice, long atNanos, long plannedQty) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE oms.algo_parents SET released_slice = GREATEST(released_slice, :slice), updated_nanos = :at"
                    + " WHERE parent_cl_ord_id = :id").bind("id", parent.value()).bind("slice", slice).bind("at", atNanos).execute();
            h.createUpdate("INSERT INTO oms.algo_slices (parent_cl_ord_id, slice, released_nanos, planned_qty)"
                    + " VALUES (:id, :slice, :at, :qty) ON CONFLICT DO NOTHING")
                    .bind("id", parent.value()).bind("slice", slice).bind("at", atNanos).bind("qty", plannedQty).execute();
        });
    }

    /** The parent ends (only from WORKING: a final status is never overwritten). */
    public void finish(ClOrdId parent, ParentStatus status, String text, long nowNanos) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE oms.algo_parents SET status = :status, text = :text, updated_nanos = :now"
                        + " WHERE parent_cl_ord_id = :id AND status = 'WORKING'")
                .bind("id", parent.value()).bind("status", status.name()).bind("text", text).bind("now", nowNanos).execute());
    }

    public List<StoredParent> working() {
        return jdbi.withHandle(h -> h.createQuery("SELECT definition::text AS def, status, released_slice, text, updated_nanos"
                + " FROM oms.algo_parents WHERE status = 'WORKING' ORDER BY created_nanos, parent_cl_ord_id").mapToMap().list())
                .stream().map(ParentStore::parent).toList();
    }

    public Optional<StoredParent> find(ClOrdId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT definition::text AS def, status, released_slice, text, updated_nanos"
                + " FROM oms.algo_parents WHERE parent_cl_ord_id = :id").bind("id", id.value()).mapToMap().findOne())
                .map(ParentStore::parent);
    }

    private static StoredParent parent(Map<String, Object> r) {
        return new StoredParent(ParentJson.read((String) r.get("def")), ParentStatus.valueOf((String) r.get("status")),
                ((Number) r.get("released_slice")).intValue(), (String) r.get("text"), ((Number) r.get("updated_nanos")).longValue());
    }

    /** One released slice: when (the algorithm's clock) and its planned quantity. */
    public record Slice(int slice, long releasedNanos, long plannedQty) {
    }

    public List<Slice> slices(ClOrdId parent) {
        return jdbi.withHandle(h -> h.createQuery("SELECT slice, released_nanos, planned_qty FROM oms.algo_slices"
                        + " WHERE parent_cl_ord_id = :id ORDER BY slice").bind("id", parent.value())
                .map((rs, ctx) -> new Slice(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list());
    }

    /**
     * A child as stored, with the sequence of its latest event (so a later, live state is never replaced by an older one)
     * and its notional (Σ LastQty × LastPx, 10⁻⁴ BRL).
     */
    public record StoredChild(ChildState state, long lastSequence, long notional) {
    }

    /** The parent's children as committed, oldest first. */
    public List<StoredChild> children(ParentOrder parent) {
        List<StoredChild> out = new ArrayList<>();
        jdbi.useHandle(h -> h.createQuery("SELECT cl_ord_id, order_qty, cum_qty, status, last_sequence, notional, price, text FROM oms.orders"
                        + " WHERE parent_cl_ord_id = :id ORDER BY id").bind("id", parent.id().value())
                .map((rs, ctx) -> {
                    ClOrdId id = new ClOrdId(rs.getString(1));
                    int[] slot = parent.slot(id);
                    if (slot == null) return null;
                    OrdStatus s = OrdStatus.valueOf(rs.getString(4));
                    return new StoredChild(new ChildState(id, slot[1], slot[0], rs.getLong(2), rs.getLong(3), s.isOpen(),
                            s == OrdStatus.PENDING_CANCEL, rs.getLong(7), ChildState.withdrawn(s, rs.getString(8))), rs.getLong(5), rs.getLong(6));
                }).forEach(c -> {
                    if (c != null) out.add(c);
                }));
        return out;
    }
}
