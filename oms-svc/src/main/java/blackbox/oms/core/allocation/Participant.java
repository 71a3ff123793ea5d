package blackbox.oms.core.allocation;

import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An account taking part in an allocation and what it is weighed by: its quantity (FIXED), its percentage
 * (PERCENT), or its equity or cash in BRL (EQUITY, CASH).
 *
 * @param weight {@code >= 0}
 */
public record Participant(AccountId account, BigDecimal weight) {
    public Participant {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() < 0) {
            throw new IllegalArgumentException("weight must be >= 0: account=" + account + ", weight=" + weight.toPlainString());
        }
    }
}
