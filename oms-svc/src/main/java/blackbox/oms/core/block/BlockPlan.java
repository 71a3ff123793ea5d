package blackbox.oms.core.block;

import blackbox.oms.core.Order;
import java.util.List;

/** A block and its children in PENDING_NEW, ready to be persisted in one transaction and then sent. */
public record BlockPlan(Block block, List<Order> children) {
    public BlockPlan {
        children = List.copyOf(children);
    }
}
