package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Iceberg over a block (FIX MaxFloor 111): each account shows one child at a time of at most its display — its share
 * of {@code max_floor} by its allocation, rounded down to the lot, at least one lot — and the next slice goes when the
 * shown one has filled. A shown slice that ends without filling (cancelled, rejected, expired) ends the parent EXPIRED:
 * the iceberg refreshes on fills only, it never re-sends what the venue refused. Slices are numbered per account from 1
 * ({@link ParentOrder#childId}). Pure; no timer (it decides on its children's events).
 */
public final class Iceberg {
    private Iceberg() {
    }

    /** What account {@code a} shows at most. */
    public static long display(ParentOrder parent, AccountTarget a) {
        long floor = ((Algorithm.Iceberg) parent.algorithm()).maxFloor();
        long share = java.math.BigInteger.valueOf(floor).multiply(java.math.BigInteger.valueOf(a.quantity()))
                .divide(java.math.BigInteger.valueOf(parent.targetQty())).longValueExact();
        return Math.max(parent.lot(), share - share % parent.lot());
    }

    public static Decision decide(ParentOrder parent, List<ChildState> children) {
        Children byAccount = Children.of(parent, children);
        if (byAccount.filledAll()) {
            return new Decision(List.of(), 0, Decision.NEVER, Optional.of(new Decision.Finished(ParentStatus.FILLED, "every account filled")));
        }
        List<Action> actions = new ArrayList<>();
        for (AccountTarget a : parent.accounts()) {
            int last = 0;
            boolean open = false;
            for (ChildState c : byAccount.of(a.index())) {
                if (c.open()) open = true;
                else if (c.cumQty() < c.orderQty()) {
                    return new Decision(List.of(), 0, Decision.NEVER, Optional.of(new Decision.Finished(ParentStatus.EXPIRED,
                            "slice " + c.id() + " ended with " + c.cumQty() + " of " + c.orderQty() + " filled: not refreshed")));
                }
                last = Math.max(last, c.slice());
            }
            long remaining = a.quantity() - byAccount.filled(a.index());
            if (open || remaining <= 0) continue;
            long qty = Math.min(display(parent, a), remaining);
            actions.add(new Action.Send(parent.childId(last + 1, a), a, last + 1, qty, parent.price()));
        }
        return new Decision(actions, 0, Decision.NEVER, Optional.empty());
    }
}
