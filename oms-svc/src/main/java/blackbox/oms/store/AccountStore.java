package blackbox.oms.store;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.UserId;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.oms.core.account.User;
import blackbox.platform.domain.AccountId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Client accounts (with their DLL routing, desk and client groups) and users (with their desk) in
 * {@code oms.accounts}, {@code oms.client_groups}, {@code oms.users}. Thread-safe.
 */
public final class AccountStore {
    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates or replaces an account and its group memberships, in one transaction. */
    public void upsert(ClientAccount account) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO oms.accounts (account_id, broker_id, dll_account_id, dll_sub_account_id, desk_id,"
                            + " enabled) VALUES (:id, :broker, :account, :sub, :desk, :enabled) ON CONFLICT (account_id) DO"
                            + " UPDATE SET broker_id = EXCLUDED.broker_id, dll_account_id = EXCLUDED.dll_account_id,"
                            + " dll_sub_account_id = EXCLUDED.dll_sub_account_id, desk_id = EXCLUDED.desk_id,"
                            + " enabled = EXCLUDED.enabled, updated_at = now()")
                    .bind("id", account.id().value())
                    .bind("broker", account.dll().brokerId())
                    .bind("account", account.dll().accountId())
                    .bind("sub", account.dll().subAccountId())
                    .bind("desk", account.desk().value())
                    .bind("enabled", account.enabled())
                    .execute();
            h.createUpdate("DELETE FROM oms.client_groups WHERE account_id = :id").bind("id", account.id().value()).execute();
            for (ClientGroupId group : account.groups()) {
                h.createUpdate("INSERT INTO oms.client_groups (group_id, account_id) VALUES (:g, :a)")
                        .bind("g", group.value()).bind("a", account.id().value()).execute();
            }
        });
    }

    public void upsert(User user) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO oms.users (user_id, desk_id) VALUES (:u, :d)"
                        + " ON CONFLICT (user_id) DO UPDATE SET desk_id = EXCLUDED.desk_id")
                .bind("u", user.id().value()).bind("d", user.desk().value()).execute());
    }

    public Optional<User> user(UserId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT desk_id FROM oms.users WHERE user_id = :u").bind("u", id.value())
                .mapTo(String.class).findOne().map(desk -> new User(id, new DeskId(desk))));
    }

    /** Every account, as a registry. */
    public AccountRegistry registry() {
        return jdbi.withHandle(h -> {
            Map<String, Set<ClientGroupId>> groups = new HashMap<>();
            h.createQuery("SELECT group_id, account_id FROM oms.client_groups").map((rs, ctx) -> {
                groups.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(new ClientGroupId(rs.getString(1)));
                return null;
            }).list();
            List<ClientAccount> accounts = new ArrayList<>(h.createQuery("SELECT account_id, broker_id, dll_account_id,"
                            + " dll_sub_account_id, desk_id, enabled FROM oms.accounts")
                    .map((rs, ctx) -> new ClientAccount(new AccountId(rs.getString(1)),
                            new DllAccount(rs.getInt(2), rs.getString(3), rs.getString(4)), new DeskId(rs.getString(5)),
                            groups.getOrDefault(rs.getString(1), Set.of()), rs.getBoolean(6)))
                    .list());
            return AccountRegistry.of(accounts);
        });
    }
}
