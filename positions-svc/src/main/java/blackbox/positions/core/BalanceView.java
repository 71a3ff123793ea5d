package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import java.time.LocalDate;

/**
 * One account's projected cash balances on the B3 calendar (b3-trading.md §5, CLEAR-D): money in 1e-6 BRL.
 *
 * @param asOf the session date D the projection starts from
 * @param d0 cash settled on or before D
 * @param d1 {@code d0} plus what settles on the next business day
 * @param d2 {@code d1} plus what settles on the second business day
 * @param settlingD1 what settles on D+1 alone ({@code d1 − d0})
 * @param settlingD2 what settles on D+2 alone ({@code d2 − d1})
 * @param d1Date the business day D+1
 * @param d2Date the business day D+2
 */
public record BalanceView(AccountId account, LocalDate asOf, long d0, long d1, long d2, long settlingD1,
                          long settlingD2, LocalDate d1Date, LocalDate d2Date) {
}
