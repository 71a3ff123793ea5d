package blackbox.oms.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order is, fixed at its creation: who, for which account, what, and how it is worked. What changes
 * (status, quantities, prices after a replace) is in {@link Order}.
 *
 * @param desk the account's desk when the order was created
 * @param expireDate GTD only
 * @param block the block this order is a child of
 * @param parent the algorithm parent order this order is a slice of
 * @param createdNanos when it was persisted, UTC epoch ns
 * @param tradeDate the B3 date (America/Sao_Paulo) of {@code createdNanos}
 */
public record OrderSpec(ClOrdId clOrdId, AccountId account, DeskId desk, UserId user, Optional<StrategyId> strategy,
                        InstrumentId instrument, Side side, OrdType ordType, TimeInForce timeInForce,
                        Optional<LocalDate> expireDate, Algorithm algorithm, Optional<BlockId> block,
                        Optional<ClOrdId> parent, long createdNanos, LocalDate tradeDate) {
    public OrderSpec {
        Objects.requireNonNull(clOrdId, "clOrdId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(ordType, "ordType");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(expireDate, "expireDate");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(tradeDate, "tradeDate");
        if (expireDate.isPresent() != (timeInForce == TimeInForce.GTD)) {
            throw new IllegalArgumentException("expire date is for GTD orders only: timeInForce=" + timeInForce
                    + ", expireDate=" + expireDate.map(LocalDate::toString).orElse(""));
        }
    }
}
