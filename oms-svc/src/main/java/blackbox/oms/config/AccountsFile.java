package blackbox.oms.config;

import blackbox.oms.core.ClientGroupId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import blackbox.platform.domain.AccountId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The client accounts oms-svc trades for ({@code BLACKBOX_OMS_ACCOUNTS}), in one of two formats (UTF-8, {@code #}
 * comment lines, no quoting):
 *
 * <pre>
 * # blackbox-oms-accounts v1
 * account,broker_id,dll_account_id,sub_account_id,name,desk,client_group
 * ana,85,4512031,,Ana Beatriz Carvalho,acoes,long-only
 * isabela.cripto,85,4513007,001,Isabela Gomes Pereira,macro,macro;cripto
 * </pre>
 *
 * {@code account} is the desk's code (what every service keys by, {@code [A-Za-z0-9._-]{1,32}}); broker, DLL account
 * and sub-account (empty for the broker account itself) route it at the DLL; {@code name} is for people;
 * {@code desk} and {@code client_group} (several separated by {@code ;}, may be empty) are tokens (printable ASCII
 * without spaces).
 *
 * <p>Or the simulator's roster ({@code # blackbox-sim-roster v1}, dll-gateway/native/sim/README.md), so that one file
 * describes both: account = the DLL account id, or {@code <account>.<sub-account>} for a sub-account; desk
 * {@value #ROSTER_DESK}; client group = its {@code group} column made a token (accents dropped, lower case, runs of
 * other characters as {@code -}: "Ações Long Only" → {@code acoes-long-only}); {@code enabled=0} rows are disabled.
 *
 * <p>Errors name file, line, field and value ({@link AccountsFileException}).
 */
public final class AccountsFile {
    public static final String MAGIC = "# blackbox-oms-accounts v1";
    public static final String HEADER = "account,broker_id,dll_account_id,sub_account_id,name,desk,client_group";
    static final String ROSTER_MAGIC = "# blackbox-sim-roster v1";
    static final String ROSTER_HEADER = "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,"
            + "routing_password,cash_brl,positions";
    /** The desk of the accounts of a simulator roster. */
    public static final String ROSTER_DESK = "mesa";

    /** A line of the file that does not parse. */
    public static final class AccountsFileException extends Exception {
        public AccountsFileException(String message) {
            super(message);
        }
    }

    private AccountsFile() {
    }

    /** @throws AccountsFileException naming file, line, field and value */
    public static List<ClientAccount> read(Path file) throws AccountsFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AccountsFileException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new AccountsFileException(file + ": empty; the first line must be \"" + MAGIC + "\" or \"" + ROSTER_MAGIC + "\"");
        String magic = lines.getFirst().strip();
        boolean roster = magic.equals(ROSTER_MAGIC);
        if (!roster && !magic.equals(MAGIC)) {
            throw new AccountsFileException(file + ":1: the first line must be \"" + MAGIC + "\" or \"" + ROSTER_MAGIC + "\": \"" + magic + "\"");
        }
        List<ClientAccount> out = new ArrayList<>();
        Map<AccountId, Integer> seen = new HashMap<>();
        boolean header = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String at = file + ":" + (i + 1);
            if (!header) {
                String expected = roster ? ROSTER_HEADER : HEADER;
                if (!line.strip().equals(expected)) throw new AccountsFileException(at + ": the header must be \"" + expected + "\": \"" + line.strip() + "\"");
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            ClientAccount account = roster ? rosterRow(at, f) : row(at, f);
            Integer before = seen.put(account.id(), i + 1);
            if (before != null) throw new AccountsFileException(at + ": field account: value \"" + account.id() + "\": listed twice (also line " + before + ")");
            out.add(account);
        }
        if (!header) throw new AccountsFileException(file + ": no header line");
        return out;
    }

    private static ClientAccount row(String at, String[] f) throws AccountsFileException {
        if (f.length != 7) throw new AccountsFileException(at + ": 7 fields expected, " + f.length + " found");
        AccountId id = account(at, "account", f[0].strip());
        DllAccount dll = dll(at, f[1].strip(), f[2].strip(), f[3].strip());
        if (f[4].isBlank()) throw new AccountsFileException(at + ": field name: value \"\": must not be empty");
        DeskId desk = token(at, "desk", f[5].strip(), DeskId::valid, DeskId::new);
        Set<ClientGroupId> groups = new LinkedHashSet<>();
        for (String g : f[6].split(";")) {
            if (!g.isBlank()) groups.add(token(at, "client_group", g.strip(), ClientGroupId::valid, ClientGroupId::new));
        }
        return new ClientAccount(id, dll, desk, groups, true);
    }

    private static ClientAccount rosterRow(String at, String[] f) throws AccountsFileException {
        if (f.length != 11) throw new AccountsFileException(at + ": 11 fields expected, " + f.length + " found");
        String accountId = f[3].strip();
        String sub = f[4].strip();
        AccountId id = account(at, "account_id", sub.isEmpty() ? accountId : accountId + "." + sub);
        DllAccount dll = dll(at, f[1].strip(), accountId, sub);
        String group = slug(f[0]);
        Set<ClientGroupId> groups = group.isEmpty() ? Set.of() : Set.of(new ClientGroupId(group));
        String enabled = f[7].strip();
        if (!enabled.equals("0") && !enabled.equals("1")) throw new AccountsFileException(at + ": field enabled: value \"" + enabled + "\": must be 0 or 1");
        return new ClientAccount(id, dll, new DeskId(ROSTER_DESK), groups, enabled.equals("1"));
    }

    /** "Ações Long Only" → "acoes-long-only". */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String s = plain.replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > ClientGroupId.MAX_LENGTH ? s.substring(0, ClientGroupId.MAX_LENGTH) : s;
    }

    private static AccountId account(String at, String field, String value) throws AccountsFileException {
        if (!AccountId.valid(value)) throw new AccountsFileException(at + ": field " + field + ": value \"" + value + "\": must match [A-Za-z0-9._-]{1,32}");
        return new AccountId(value);
    }

    private static DllAccount dll(String at, String broker, String account, String sub) throws AccountsFileException {
        int brokerId;
        try {
            brokerId = Integer.parseInt(broker);
        } catch (NumberFormatException e) {
            throw new AccountsFileException(at + ": field broker_id: value \"" + broker + "\": must be an integer > 0");
        }
        if (brokerId <= 0) throw new AccountsFileException(at + ": field broker_id: value \"" + broker + "\": must be an integer > 0");
        if (account.isEmpty()) throw new AccountsFileException(at + ": field dll_account_id: value \"\": must not be empty");
        return new DllAccount(brokerId, account, sub);
    }

    private static <T> T token(String at, String field, String value, java.util.function.Predicate<String> valid,
                               java.util.function.Function<String, T> make) throws AccountsFileException {
        if (!valid.test(value)) {
            throw new AccountsFileException(at + ": field " + field + ": value \"" + value + "\": must be 1..64 printable ASCII characters without spaces");
        }
        return make.apply(value);
    }
}
