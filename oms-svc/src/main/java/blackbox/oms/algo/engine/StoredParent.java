package blackbox.oms.algo.engine;

import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.ParentStatus;

/**
 * A parent as persisted in {@code oms.algo_parents}.
 *
 * @param releasedSlice the slices begun (written before their children are created)
 * @param text why it ended (empty while WORKING)
 */
public record StoredParent(ParentOrder parent, ParentStatus status, int releasedSlice, String text, long updatedNanos) {
}
