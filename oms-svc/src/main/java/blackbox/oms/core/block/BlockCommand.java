package blackbox.oms.core.block;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.Participant;
import blackbox.oms.core.allocation.ResidualRule;
import blackbox.oms.core.allocation.TieBreak;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A validated block request (PreviewBlock / SubmitBlock): every field well-formed, the accounts known, the weights
 * resolved (given, or read from positions-svc). Prices scaled ({@link blackbox.oms.core.Prices}).
 *
 * @param participants in the request's order (a client group expanded, sorted by account)
 * @param totalQty 0 with FIXED
 */
public record BlockCommand(BlockId id, InstrumentId instrument, Side side, OrdType ordType, long price, long stopPrice,
                           TimeInForce timeInForce, Optional<LocalDate> expireDate, Optional<StrategyId> strategy,
                           Algorithm algorithm, AllocationMethod method, long totalQty, List<Participant> participants,
                           TieBreak tieBreak, ResidualRule residualRule, Routing routing,
                           Optional<AccountId> masterAccount, String text) {
    public BlockCommand {
        participants = List.copyOf(participants);
    }
}
