package blackbox.oms.store;

import blackbox.oms.core.block.Block;
import blackbox.platform.domain.AccountId;
import java.util.Map;

/**
 * A block as stored, with the post-trade allocation so far (average-price blocks; zeros otherwise).
 *
 * @param allocated shares allocated to each account of the allocation
 */
public record StoredBlock(Block block, Map<AccountId, Long> allocated) {
    public StoredBlock {
        allocated = Map.copyOf(allocated);
    }
}
