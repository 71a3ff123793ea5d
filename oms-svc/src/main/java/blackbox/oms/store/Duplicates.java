package blackbox.oms.store;

import blackbox.oms.core.Order;
import blackbox.oms.core.OrderSpec;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Is a repeated submission the same order? The fixed fields must be equal, and quantity and prices equal to what the
 * order was created with (its CREATED event: a later replace does not make a retry of the original a conflict).
 * Who retries and when may differ.
 */
final class Duplicates {
    private Duplicates() {
    }

    /** The first field that differs as {@code "<field> differs: stored=..., now=..."}, or empty when the same order. */
    static String difference(Handle h, Order stored, Order candidate) {
        String d = fixed(stored, candidate);
        if (!d.isEmpty()) return d;
        long[] created = h.createQuery("SELECT e.order_qty, e.price, e.stop_price FROM oms.events e JOIN oms.orders o"
                        + " ON o.id = e.order_ref WHERE o.cl_ord_id = :id AND e.type = 'CREATED'")
                .bind("id", stored.clOrdId().value())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
        return terms(created[0], created[1], created[2], candidate);
    }

    /** As {@link #difference} for an order created in the same transaction (its terms are still the created ones). */
    static String differenceFromCreated(Order created, Order candidate) {
        String d = fixed(created, candidate);
        return d.isEmpty() ? terms(created.orderQty(), created.price(), created.stopPrice(), candidate) : d;
    }

    private static String terms(long qty, long price, long stop, Order candidate) {
        String d = first("order_qty", qty, candidate.orderQty());
        if (d.isEmpty()) d = first("price", price, candidate.price());
        if (d.isEmpty()) d = first("stop_price", stop, candidate.stopPrice());
        return d;
    }

    private static String fixed(Order stored, Order candidate) {
        OrderSpec a = stored.spec();
        OrderSpec b = candidate.spec();
        String d = first("account", a.account(), b.account());
        if (d.isEmpty()) d = first("instrument", a.instrument(), b.instrument());
        if (d.isEmpty()) d = first("side", a.side(), b.side());
        if (d.isEmpty()) d = first("ord_type", a.ordType(), b.ordType());
        if (d.isEmpty()) d = first("time_in_force", a.timeInForce(), b.timeInForce());
        if (d.isEmpty()) d = first("expire_date", a.expireDate(), b.expireDate());
        if (d.isEmpty()) d = first("strategy_id", a.strategy(), b.strategy());
        if (d.isEmpty()) d = first("algorithm", a.algorithm(), b.algorithm());
        if (d.isEmpty()) d = first("block_id", a.block(), b.block());
        if (d.isEmpty()) d = first("parent_cl_ord_id", a.parent(), b.parent());
        return d;
    }

    private static String first(String field, Object stored, Object now) {
        return Objects.equals(stored, now) ? "" : field + " differs: stored=" + stored + ", now=" + now;
    }
}
