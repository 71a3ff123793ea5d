package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parents for the pure-core tests: PETR4, lot 100, a limit of R$ 38.50. */
final class AlgoFixtures {
    static final long SEC = 1_000_000_000L;
    static final long START = 1_744_030_800L * SEC; // 2025-04-07 10:00 local
    static final long LIMIT = 385_000; // 38.5000

    private AlgoFixtures() {
    }

    static ParentOrder twap(String id, long horizon, long interval, long... quantities) {
        List<AccountTarget> accounts = new ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            accounts.add(new AccountTarget(i + 1, new AccountId("acc" + (i + 1)), new DeskId("mesa"), quantities[i]));
        }
        return new ParentOrder(new ClOrdId(id), quantities.length > 1 ? Optional.of(new BlockId(id)) : Optional.empty(),
                new UserId("trader"), Optional.empty(), new InstrumentId("PETR4", "B"), Side.BUY, OrdType.LIMIT, LIMIT,
                new Algorithm.Twap(horizon, interval, START), 100, accounts, START, START, LocalDate.of(2025, 4, 7));
    }

    /** A VWAP parent whose persisted profile has {@code weights} (one per slice; all 0 for no history). */
    static ParentOrder vwap(String id, long horizon, long interval, String rate, long[] weights, long... quantities) {
        ParentOrder t = twap(id, horizon, interval, quantities);
        List<Long> w = new ArrayList<>();
        for (long x : weights) w.add(x);
        return new ParentOrder(t.id(), t.block(), t.user(), t.strategy(), t.instrument(), t.side(), t.ordType(), t.price(),
                new Algorithm.Vwap(horizon, interval, new java.math.BigDecimal(rate), START, 20), t.lot(), t.accounts(), START,
                START, t.tradeDate(), Optional.of(new VolumeProfile(w, 20, "test")));
    }
}
