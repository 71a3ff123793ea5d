package blackbox.oms.core.block;

import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.UserId;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.allocation.AccountShare;
import blackbox.oms.core.allocation.Allocation;
import blackbox.oms.core.allocation.AllocationOutcome;
import blackbox.oms.core.allocation.Allocator;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated block request into its allocation (the preview) and its children (the submission). Children
 * are numbered {@code <BlockID>/1, /2, ...} in allocation order, so a retried submission plans the same ids:
 * <ul>
 *   <li>PER_ACCOUNT: per account, one child for its round lots and, with the FRACTIONAL rule, one on the fractional
 *       instrument for its shares below a lot; accounts that get nothing have no child;</li>
 *   <li>AVERAGE_PRICE: one child in the master account for every round lot of the total (and the fractional part,
 *       with FRACTIONAL); its fills are allocated afterwards with {@link blackbox.oms.core.allocation.CumulativeAllocation}.</li>
 * </ul>
 * Pure; the time and trade date are inputs.
 */
public final class BlockPlanner {
    private BlockPlanner() {
    }

    /** The preview: the allocation, or why the request cannot be allocated. */
    public static AllocationOutcome preview(BlockCommand command, InstrumentRule rule) {
        return Allocator.allocate(command.method(), command.participants(), command.totalQty(), rule.lot(),
                command.tieBreak(), command.residualRule());
    }

    /** The policy recorded with the block. */
    public static AllocationPolicy policy(BlockCommand command, InstrumentRule rule) {
        Optional<InstrumentId> fractional = command.residualRule() == ResidualRule.FRACTIONAL ? rule.fractional() : Optional.empty();
        return new AllocationPolicy(command.method(), command.tieBreak(), command.residualRule(), command.routing(),
                command.masterAccount(), rule.lot(), fractional);
    }

    /**
     * The block and its children, or why it cannot be allocated.
     *
     * @throws IllegalArgumentException when an account is unknown to {@code accounts} or FRACTIONAL is asked for an
     *     instrument without a fractional market (the request validation checks both)
     */
    public static PlanOutcome plan(BlockCommand command, UserId user, long nowNanos, LocalDate tradeDate,
                               AccountRegistry accounts, InstrumentRule rule) {
        if (command.residualRule() == ResidualRule.FRACTIONAL && rule.fractional().isEmpty()) {
            throw new IllegalArgumentException("no fractional market for " + rule.instrument());
        }
        AllocationOutcome outcome = preview(command, rule);
        if (outcome instanceof AllocationOutcome.Refused refused) return new PlanOutcome.Refused(refused.field(), refused.message());
        Allocation allocation = ((AllocationOutcome.Allocated) outcome).allocation();
        List<Order> children = new ArrayList<>();
        Children builder = new Children(command, user, nowNanos, tradeDate, accounts, rule, children);
        if (command.routing() == Routing.PER_ACCOUNT) {
            for (AccountShare share : allocation.shares()) builder.add(share.account(), share.quantity(), share.fractionalQty());
        } else {
            long whole = allocation.allocatedQty() - allocation.allocatedQty() % rule.lot();
            builder.add(command.masterAccount().orElseThrow(), whole, allocation.allocatedQty() - whole);
        }
        List<ClOrdId> ids = new ArrayList<>(children.size());
        for (Order child : children) ids.add(child.clOrdId());
        Block block = new Block(command.id(), user, command.strategy(), command.instrument(), command.side(),
                command.ordType(), command.price(), command.stopPrice(), command.timeInForce(), command.expireDate(),
                command.algorithm(), policy(command, rule), allocation, ids, nowNanos, tradeDate, command.text());
        return new PlanOutcome.Planned(new BlockPlan(block, children));
    }

    /** A plan, or why the request cannot be allocated (naming the field). */
    public sealed interface PlanOutcome {
        record Planned(BlockPlan plan) implements PlanOutcome {
        }

        record Refused(String field, String message) implements PlanOutcome {
        }
    }

    private record Children(BlockCommand command, UserId user, long nowNanos, LocalDate tradeDate,
                            AccountRegistry accounts, InstrumentRule rule, List<Order> out) {
        void add(AccountId account, long roundLots, long fractional) {
            if (roundLots > 0) out.add(child(account, command.instrument(), roundLots));
            if (fractional > 0) out.add(child(account, rule.fractional().orElseThrow(), fractional));
        }

        private Order child(AccountId account, InstrumentId instrument, long qty) {
            ClientAccount client = accounts.find(account)
                    .orElseThrow(() -> new IllegalArgumentException("unknown account " + account));
            OrderSpec spec = new OrderSpec(command.id().child(out.size() + 1), account, client.desk(), user,
                    command.strategy(), instrument, command.side(), command.ordType(), command.timeInForce(),
                    command.expireDate(), command.algorithm(), Optional.of(command.id()), Optional.empty(), nowNanos,
                    tradeDate);
            return Order.pendingNew(spec, qty, command.price(), command.stopPrice());
        }
    }
}
