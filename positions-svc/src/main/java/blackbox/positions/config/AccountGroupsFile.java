package blackbox.positions.config;

import blackbox.platform.domain.AccountId;
import blackbox.positions.core.AccountGroups;
import java.util.HashMap;
import java.util.Map;

/**
 * The client groups of the desk view ({@code groups.csv}): {@code account,group}, one line per account;
 * {@code group} matches {@code [A-Za-z0-9._-]{1,32}}. Accounts not listed are {@code ungrouped}.
 */
public final class AccountGroupsFile {
    static final java.util.List<String> COLUMNS = java.util.List.of("account", "group");

    private AccountGroupsFile() {
    }

    /** @throws ConfigFileException naming the file, line, field and value */
    public static AccountGroups parse(String file, String content) {
        Map<AccountId, String> groups = new HashMap<>();
        for (CsvFile.Row row : CsvFile.read(file, content, COLUMNS)) {
            String account = row.required("account");
            if (!AccountId.valid(account)) throw row.fail("account", account, "must match [A-Za-z0-9._-]{1,32}");
            String group = row.required("group");
            if (!group.matches("[A-Za-z0-9._\\-]{1,32}")) throw row.fail("group", group, "must match [A-Za-z0-9._-]{1,32}");
            if (groups.put(new AccountId(account), group) != null) throw row.fail("account", account, "is listed twice");
        }
        return new AccountGroups(groups);
    }
}
