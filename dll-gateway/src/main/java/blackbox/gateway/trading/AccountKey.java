package blackbox.gateway.trading;

import java.util.regex.Pattern;

/**
 * A routing account as the DLL names it ({@code TConnectorAccountIdentifier}): broker id, account id and, for a
 * sub-account, its id ({@code ""} for the master account). Ids are 1..39 (sub-accounts 0..23) characters without
 * whitespace, control characters, {@code ':'} or {@code '='}, so that {@code broker:account[:sub]} (the form of the
 * routing-password file and of every message naming an account) is unambiguous.
 */
public record AccountKey(int brokerId, String accountId, String subAccountId) implements Comparable<AccountKey> {
    private static final Pattern ACCOUNT = Pattern.compile("[^\\s\\p{Cntrl}:=]{1,39}");
    private static final Pattern SUB = Pattern.compile("[^\\s\\p{Cntrl}:=]{0,23}");

    public AccountKey {
        if (brokerId <= 0) throw new IllegalArgumentException("broker_id must be > 0: broker_id=" + brokerId);
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account_id must be 1..39 characters without spaces, ':' or '=': account_id=\""
                    + accountId + "\"");
        }
        if (subAccountId == null) subAccountId = "";
        if (!SUB.matcher(subAccountId).matches()) {
            throw new IllegalArgumentException("sub_account_id must be 0..23 characters without spaces, ':' or '=': sub_account_id=\""
                    + subAccountId + "\"");
        }
    }

    /** Parses {@code broker:account[:sub]}. */
    public static AccountKey parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("account must be broker:account[:sub], e.g. 308:1001: value=\"" + text + "\"");
        }
        int broker;
        try {
            broker = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker must be an integer: value=\"" + text + "\"");
        }
        return new AccountKey(broker, parts[1].trim(), parts.length == 3 ? parts[2].trim() : "");
    }

    public boolean isSubAccount() {
        return !subAccountId.isEmpty();
    }

    /** The master account of a sub-account (itself for a master). */
    public AccountKey master() {
        return isSubAccount() ? new AccountKey(brokerId, accountId, "") : this;
    }

    @Override
    public int compareTo(AccountKey o) {
        int c = Integer.compare(brokerId, o.brokerId);
        if (c == 0) c = accountId.compareTo(o.accountId);
        return c != 0 ? c : subAccountId.compareTo(o.subAccountId);
    }

    @Override
    public String toString() {
        return brokerId + ":" + accountId + (subAccountId.isEmpty() ? "" : ":" + subAccountId);
    }
}
