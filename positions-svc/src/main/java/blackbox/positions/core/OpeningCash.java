package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import java.time.LocalDate;

/**
 * An account's cash at the opening of a trade date D, as projected balances (cumulative, like
 * {@link BalanceView}), money 1e-6 BRL: {@code d0} settled on D, {@code d1} projected for D+1, {@code d2} for D+2.
 */
public record OpeningCash(LocalDate tradeDate, AccountId account, long d0, long d1, long d2) {
}
