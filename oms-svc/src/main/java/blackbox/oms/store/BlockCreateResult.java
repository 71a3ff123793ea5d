package blackbox.oms.store;

import java.util.List;

/**
 * What {@link BlockStore#createBlock} did: CREATED (block, allocation and every child committed in PENDING_NEW in one
 * transaction: the children may now be sent), DUPLICATE (the BlockID existed with the same request: the existing
 * block and children) or CONFLICT (nothing written; {@code conflict} says why: another request under that BlockID, or
 * a child's ClOrdID already taken). {@code block} is empty only for a CONFLICT on a child id.
 */
public record BlockCreateResult(CreateResult.Kind kind, java.util.Optional<StoredBlock> block, List<StoredOrder> children,
                                String conflict) {
    public BlockCreateResult {
        children = List.copyOf(children);
    }
}
