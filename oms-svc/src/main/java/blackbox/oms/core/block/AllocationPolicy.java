package blackbox.oms.core.block;

import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy a block is allocated with, recorded immutably with it (b3-trading.md §7: "an immutable record of the
 * policy used").
 *
 * @param masterAccount set exactly for {@link Routing#AVERAGE_PRICE}
 * @param lot the instrument's lot when the block was created
 * @param fractional the fractional-market instrument, set exactly for {@link ResidualRule#FRACTIONAL}
 */
public record AllocationPolicy(AllocationMethod method, TieBreak tieBreak, ResidualRule residualRule, Routing routing,
                               Optional<AccountId> masterAccount, long lot, Optional<InstrumentId> fractional) {
    public AllocationPolicy {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tieBreak, "tieBreak");
        Objects.requireNonNull(residualRule, "residualRule");
        Objects.requireNonNull(routing, "routing");
        if (masterAccount.isPresent() != (routing == Routing.AVERAGE_PRICE)) {
            throw new IllegalArgumentException("a master account is for AVERAGE_PRICE routing only: routing=" + routing);
        }
        if (fractional.isPresent() != (residualRule == ResidualRule.FRACTIONAL)) {
            throw new IllegalArgumentException("a fractional instrument is for the FRACTIONAL rule only: rule=" + residualRule);
        }
    }
}
