package blackbox.oms.core.account;

import java.util.Objects;

/**
 * Where a client account routes at the DLL: {@code TConnectorAccountIdentifier} (profitdll-api.md §3.2), the
 * gateway's {@code AccountId}.
 *
 * @param subAccountId empty for the broker account itself
 */
public record DllAccount(int brokerId, String accountId, String subAccountId) {
    public DllAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
        if (brokerId <= 0 || accountId.isBlank()) {
            throw new IllegalArgumentException("DLL account needs a broker id > 0 and an account id: brokerId=" + brokerId
                    + ", accountId=\"" + accountId + "\"");
        }
    }
}
