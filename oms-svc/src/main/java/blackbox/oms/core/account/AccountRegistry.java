package blackbox.oms.core.account;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.platform.domain.AccountId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The client accounts oms-svc knows, by id, by client group and by desk (loaded from {@code oms.accounts}).
 * Immutable; lists are sorted by account id. Thread-safe.
 */
public final class AccountRegistry {
    private final Map<AccountId, ClientAccount> byId;
    private final Map<ClientGroupId, List<ClientAccount>> byGroup;
    private final Map<DeskId, List<ClientAccount>> byDesk;

    private AccountRegistry(Collection<ClientAccount> accounts) {
        TreeMap<AccountId, ClientAccount> sorted = new TreeMap<>();
        for (ClientAccount a : accounts) {
            if (sorted.put(a.id(), a) != null) throw new IllegalArgumentException("account listed twice: " + a.id());
        }
        byId = Map.copyOf(sorted);
        Map<ClientGroupId, List<ClientAccount>> groups = new HashMap<>();
        Map<DeskId, List<ClientAccount>> desks = new HashMap<>();
        for (ClientAccount a : sorted.values()) {
            for (ClientGroupId g : a.groups()) groups.computeIfAbsent(g, k -> new ArrayList<>()).add(a);
            desks.computeIfAbsent(a.desk(), k -> new ArrayList<>()).add(a);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        desks.replaceAll((k, v) -> List.copyOf(v));
        byGroup = Map.copyOf(groups);
        byDesk = Map.copyOf(desks);
    }

    /** @throws IllegalArgumentException when an account id appears twice */
    public static AccountRegistry of(Collection<ClientAccount> accounts) {
        return new AccountRegistry(accounts);
    }

    public Optional<ClientAccount> find(AccountId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The group's accounts, sorted; empty for an unknown group. */
    public List<ClientAccount> group(ClientGroupId group) {
        return byGroup.getOrDefault(group, List.of());
    }

    /** The desk's accounts, sorted; empty for an unknown desk. */
    public List<ClientAccount> desk(DeskId desk) {
        return byDesk.getOrDefault(desk, List.of());
    }

    /** Every account, sorted by id. */
    public List<ClientAccount> all() {
        return List.copyOf(new TreeMap<>(byId).values());
    }

    public int size() {
        return byId.size();
    }
}
