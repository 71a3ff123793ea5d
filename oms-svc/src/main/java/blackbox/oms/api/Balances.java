package blackbox.oms.api;

import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where EQUITY and CASH allocations read each account's weight when the request does not give it: positions-svc
 * (wired by the service). BRL, exact. Empty when unknown.
 */
public interface Balances {
    Optional<BigDecimal> equity(AccountId account);

    Optional<BigDecimal> cash(AccountId account);

    /** No balances: every EQUITY/CASH request must carry its weights. */
    Balances NONE = new Balances() {
        @Override
        public Optional<BigDecimal> equity(AccountId account) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> cash(AccountId account) {
            return Optional.empty();
        }
    };
}
