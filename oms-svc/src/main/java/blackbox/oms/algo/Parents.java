package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.Order;
import blackbox.oms.core.block.Block;
import blackbox.oms.core.block.BlockPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parent orders from what the API validated: a single algorithm order, or a block's plan. Pure. */
public final class Parents {
    private Parents() {
    }

    /** A single order's parent: one account, the whole quantity. */
    public static ParentOrder of(Order order, long lot, long algoNowNanos) {
        var s = order.spec();
        return new ParentOrder(s.clOrdId(), Optional.empty(), s.user(), s.strategy(), s.instrument(), s.side(), s.ordType(),
                order.price(), s.algorithm(), lot, List.of(new AccountTarget(1, s.account(), s.desk(), order.orderQty())),
                start(s.algorithm(), algoNowNanos), s.createdNanos(), s.tradeDate());
    }

    /**
     * A block's parent (id = the block's id): the accounts and their allocation from the plan's children (one per account,
     * round lots, in allocation order).
     */
    public static ParentOrder of(BlockPlan plan, long lot, long algoNowNanos) {
        Block b = plan.block();
        List<AccountTarget> accounts = new ArrayList<>();
        for (Order child : plan.children()) {
            accounts.add(new AccountTarget(accounts.size() + 1, child.spec().account(), child.spec().desk(), child.orderQty()));
        }
        return new ParentOrder(new blackbox.oms.core.ClOrdId(b.id().value()), Optional.of(b.id()), b.user(), b.strategy(),
                b.instrument(), b.side(), b.ordType(), b.price(), b.algorithm(), lot, accounts, start(b.algorithm(), algoNowNanos),
                b.createdNanos(), b.tradeDate());
    }

    /**
     * A VWAP parent with its volume profile from {@code profiles} (one fetch, I/O in the adapter); any other parent as it
     * is.
     */
    public static ParentOrder profiled(ParentOrder parent, VolumeProfiles profiles) {
        return parent.algorithm() instanceof Algorithm.Vwap ? parent.withProfile(profiles.profile(parent)) : parent;
    }

    /** The block as recorded for an algorithm: its children come later, slice by slice. */
    public static BlockPlan withoutChildren(BlockPlan plan) {
        Block b = plan.block();
        return new BlockPlan(new Block(b.id(), b.user(), b.strategy(), b.instrument(), b.side(), b.ordType(), b.price(), b.stopPrice(),
                b.timeInForce(), b.expireDate(), b.algorithm(), b.policy(), b.allocation(), List.of(), b.createdNanos(), b.tradeDate(),
                b.text()), List.of());
    }

    private static long start(Algorithm a, long now) {
        return switch (a) {
            case Algorithm.Twap t -> t.startNanos() == 0 ? now : t.startNanos();
            case Algorithm.Vwap v -> v.startNanos() == 0 ? now : v.startNanos();
            default -> now;
        };
    }
}
