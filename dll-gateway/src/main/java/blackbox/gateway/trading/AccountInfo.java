package blackbox.gateway.trading;

import java.util.List;

/**
 * An account as GetAccountDetails describes it (profitdll-api.md §3.4), with its sub-accounts.
 *
 * @param accountType TConnectorAccountType (0 owner ... 6 prop manager)
 * @param flags AccountFlags: CA_IS_SUB_ACCOUNT 1, CA_IS_ENABLED 2
 */
public record AccountInfo(AccountKey key, String brokerName, String ownerName, String subOwnerName, int accountType,
                          int flags, List<AccountInfo> subAccounts) {
    public static final int CA_IS_SUB_ACCOUNT = 1;
    public static final int CA_IS_ENABLED = 2;

    public AccountInfo {
        subAccounts = List.copyOf(subAccounts);
    }

    public boolean enabled() {
        return (flags & CA_IS_ENABLED) != 0;
    }

    public boolean subAccount() {
        return (flags & CA_IS_SUB_ACCOUNT) != 0;
    }
}
