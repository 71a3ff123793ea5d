package blackbox.oms.core.account;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.platform.domain.AccountId;
import java.util.Objects;
import java.util.Set;

/**
 * A client account the desk trades for: its DLL routing, its desk, the client groups it belongs to.
 *
 * @param enabled a disabled account takes no new orders (its open orders can still be canceled)
 */
public record ClientAccount(AccountId id, DllAccount dll, DeskId desk, Set<ClientGroupId> groups, boolean enabled) {
    public ClientAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dll, "dll");
        Objects.requireNonNull(desk, "desk");
        groups = Set.copyOf(groups);
    }
}
