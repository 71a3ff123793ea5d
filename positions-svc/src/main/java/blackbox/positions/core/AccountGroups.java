package blackbox.positions.core;

import blackbox.platform.domain.AccountId;
import java.util.Map;

/**
 * Client groups of the desk view: account → group (a fund family, a mandate); accounts not listed are in
 * {@link #UNGROUPED}. Immutable.
 */
public final class AccountGroups {
    public static final String UNGROUPED = "ungrouped";
    private final Map<AccountId, String> groups;

    public AccountGroups(Map<AccountId, String> groups) {
        this.groups = Map.copyOf(groups);
    }

    public static AccountGroups none() {
        return new AccountGroups(Map.of());
    }

    public String groupOf(AccountId account) {
        return groups.getOrDefault(account, UNGROUPED);
    }
}
