package blackbox.oms.store;

/** An order as the single writer keeps it: its row id in {@code oms.orders} and its stored state. */
public record OrderRow(long id, StoredOrder stored) {
}
