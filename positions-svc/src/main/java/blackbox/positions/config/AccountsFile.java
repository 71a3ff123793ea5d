package blackbox.positions.config;

import blackbox.platform.domain.AccountId;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * oms-svc's accounts file ({@code BLACKBOX_OMS_ACCOUNTS}; given to positions-svc as
 * {@code BLACKBOX_POSITIONS_ACCOUNTS}), read for what positions-svc needs: each desk account's DLL identifier (for
 * Reconcile through the gateway) and its client group (the desk view's groups). Either format oms-svc reads:
 *
 * <ul>
 *   <li>{@code # blackbox-oms-accounts v1}, header {@code account,broker_id,dll_account_id,sub_account_id,name,desk,
 *       client_group}; the first of the {@code ;}-separated client groups is the account's group here;</li>
 *   <li>the simulator's roster {@code # blackbox-sim-roster v1}: the account is the DLL account id, or
 *       {@code <account>.<sub-account>} for a sub-account; the group its {@code group} column as a token ("Ações Long
 *       Only" → {@code acoes-long-only}) — the rules of oms-svc's {@code AccountsFile}.</li>
 * </ul>
 * Errors name file, line, field and value ({@link ConfigFileException}).
 */
public final class AccountsFile {
    static final String OMS_MAGIC = "# blackbox-oms-accounts v1";
    static final String ROSTER_MAGIC = "# blackbox-sim-roster v1";
    private static final List<String> OMS_COLUMNS = List.of("account", "broker_id", "dll_account_id", "sub_account_id",
            "name", "desk", "client_group");
    private static final List<String> ROSTER_COLUMNS = List.of("group", "broker_id", "broker_name", "account_id",
            "sub_account_id", "owner_name", "account_type", "enabled", "routing_password", "cash_brl", "positions");

    /** A desk account at the DLL: broker, account and sub-account (empty for the broker account itself). */
    public record DllAccount(int brokerId, String accountId, String subAccountId) {
    }

    /** What the file says: the DLL account and the client group of each desk account. */
    public record Accounts(Map<AccountId, DllAccount> dll, Map<AccountId, String> groups) {
    }

    private AccountsFile() {
    }

    public static Accounts parse(String file, String content) {
        String first = content.lines().findFirst().orElse("").strip();
        boolean roster = first.equals(ROSTER_MAGIC);
        if (!roster && !first.equals(OMS_MAGIC)) {
            throw new ConfigFileException(file, 1, "the first line must be \"" + OMS_MAGIC + "\" or \"" + ROSTER_MAGIC
                    + "\": line=\"" + first + "\"");
        }
        Map<AccountId, DllAccount> dll = new HashMap<>();
        Map<AccountId, String> groups = new HashMap<>();
        for (CsvFile.Row row : CsvFile.read(file, content, roster ? ROSTER_COLUMNS : OMS_COLUMNS)) {
            String accountId = row.required(roster ? "account_id" : "dll_account_id");
            String sub = row.text("sub_account_id");
            String desk = roster ? (sub.isEmpty() ? accountId : accountId + "." + sub) : row.required("account");
            if (!AccountId.valid(desk)) throw row.fail(roster ? "account_id" : "account", desk, "must match [A-Za-z0-9._-]{1,32}");
            AccountId id = new AccountId(desk);
            int broker = (int) row.integer("broker_id", 1, Integer.MAX_VALUE);
            if (dll.put(id, new DllAccount(broker, accountId, sub)) != null) throw row.fail("account", desk, "is listed twice");
            String group = roster ? slug(row.text("group")) : row.text("client_group").split(";")[0].strip();
            if (group.matches("[A-Za-z0-9._\\-]{1,32}")) groups.put(id, group);
        }
        return new Accounts(Map.copyOf(dll), Map.copyOf(groups));
    }

    /** "Ações Long Only" → "acoes-long-only" (oms-svc's rule), at most 32 characters. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String s = plain.replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 32 ? s.substring(0, 32) : s;
    }
}
