package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A position at the opening of a trade date (from the broker's file, or the previous day's close).
 *
 * @param quantity signed, + long
 * @param cost exact signed cost basis, money 1e-6 BRL ({@code quantity × average × multiplier}); for futures the
 *     average is the previous day's settlement price
 */
public record OpeningPosition(LocalDate tradeDate, AccountId account, InstrumentId instrument, long quantity,
                              long cost) {
    /** The cost of {@code quantity} at {@code averagePrice} (BRL or points), half-even to 1e-6 BRL. */
    public static long costOf(long quantity, BigDecimal averagePrice, long multiplierE2) {
        return averagePrice.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(multiplierE2, 2))
                .setScale(Scaled.MONEY_SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
