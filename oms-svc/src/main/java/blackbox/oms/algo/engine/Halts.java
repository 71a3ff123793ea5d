package blackbox.oms.algo.engine;

import blackbox.oms.algo.AccountTarget;
import blackbox.oms.algo.ParentOrder;
import java.util.Optional;

/** The kill switches as the engine needs them: is any scope of a parent stopped? */
public interface Halts {
    /** Why the parent must stop (a switch of its desk, strategy, one of its accounts or its instrument is not ACTIVE), or empty. */
    Optional<String> stopped(ParentOrder parent);

    /** Changes whenever the switches change (the engine re-checks every parent then). */
    long version();

    Halts NONE = new Halts() {
        @Override
        public Optional<String> stopped(ParentOrder parent) {
            return Optional.empty();
        }

        @Override
        public long version() {
            return 0;
        }
    };

    /** The switches of risk-svc's view (the one the in-process RiskGate checks with). */
    static Halts of(blackbox.risk.service.RiskView view) {
        return new Halts() {
            @Override
            public Optional<String> stopped(ParentOrder parent) {
                var board = view.snapshot().switches();
                blackbox.risk.core.StrategyId strategy = parent.strategy().map(s -> new blackbox.risk.core.StrategyId(s.value()))
                        .orElse(blackbox.risk.core.StrategyId.NONE);
                for (AccountTarget a : parent.accounts()) {
                    var k = board.binding(a.account(), strategy, parent.instrument());
                    if (k != null && k.state() != blackbox.risk.switches.SwitchState.ACTIVE) {
                        return Optional.of("kill switch " + k.describe() + " (account " + a.account() + ")");
                    }
                }
                return Optional.empty();
            }

            @Override
            public long version() {
                return view.snapshot().switches().version();
            }
        };
    }
}
