package blackbox.oms.algo;

import blackbox.oms.core.DeskId;
import blackbox.platform.domain.AccountId;
import java.util.Objects;

/**
 * One account of a parent order and what it is to get in total: its allocation of the block (whole lots), or the
 * whole quantity of a single order.
 *
 * @param index the account's number in the parent, from 1 in allocation order (part of its children's ClOrdIDs)
 * @param quantity shares or contracts, a multiple of the lot, &gt; 0
 */
public record AccountTarget(int index, AccountId account, DeskId desk, long quantity) {
    public AccountTarget {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(desk, "desk");
        if (index < 1) throw new IllegalArgumentException("index must be >= 1: " + index);
        if (quantity <= 0) throw new IllegalArgumentException("quantity must be > 0: " + quantity);
    }
}
