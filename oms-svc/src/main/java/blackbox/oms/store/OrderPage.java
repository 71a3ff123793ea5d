package blackbox.oms.store;

import java.util.List;

/** A page of orders, newest first; {@code nextBeforeId} is 0 on the last page. */
public record OrderPage(List<StoredOrder> orders, long nextBeforeId) {
    public OrderPage {
        orders = List.copyOf(orders);
    }
}
