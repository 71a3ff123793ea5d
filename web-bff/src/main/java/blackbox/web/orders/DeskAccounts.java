package blackbox.web.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client accounts web-bff shows and lets users trade: oms-svc's accounts file read the way oms-svc reads it
 * (oms-svc/README.md "The accounts file": its own format {@code # blackbox-oms-accounts v1}, or the simulator's roster
 * {@code # blackbox-sim-roster v1} with account = the DLL account id or {@code <account>.<sub-account>}, desk
 * {@code mesa}, client group = the group's token). web-bff keeps the display name, which oms-svc's API does not
 * carry. Immutable.
 */
public final class DeskAccounts {
    static final String OMS_MAGIC = "# blackbox-oms-accounts v1";
    static final String ROSTER_MAGIC = "# blackbox-sim-roster v1";
    /** The desk oms-svc gives every account of a simulator roster. */
    public static final String ROSTER_DESK = "mesa";

    /**
     * One client account.
     *
     * @param account the desk's account code (what orders name)
     * @param name the client's name
     * @param group the client group token (blocks' {@code client_group}); empty when none
     * @param groupName the group as written in the file
     * @param desk the desk the account belongs to
     * @param enabled false: listed but refused for orders
     */
    public record Account(String account, String name, String group, String groupName, String desk, boolean enabled) {
    }

    private final Map<String, Account> byCode;

    private DeskAccounts(List<Account> accounts) {
        Map<String, Account> m = new LinkedHashMap<>();
        for (Account a : accounts) m.put(a.account(), a);
        this.byCode = Map.copyOf(m);
        this.ordered = List.copyOf(accounts);
    }

    private final List<Account> ordered;

    public static DeskAccounts of(List<Account> accounts) {
        return new DeskAccounts(accounts);
    }

    public static DeskAccounts none() {
        return new DeskAccounts(List.of());
    }

    /**
     * @throws IllegalArgumentException naming the file, line and what is wrong (a configuration error)
     */
    public static DeskAccounts read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty");
        String magic = lines.getFirst().strip();
        boolean roster = magic.equals(ROSTER_MAGIC);
        if (!roster && !magic.equals(OMS_MAGIC)) {
            throw new IllegalArgumentException(file + ":1: the first line must be \"" + OMS_MAGIC + "\" or \"" + ROSTER_MAGIC + "\": \"" + magic + "\"");
        }
        List<Account> out = new ArrayList<>();
        boolean header = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!header) {
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            String at = file + ":" + (i + 1);
            if (roster) {
                if (f.length != 11) throw new IllegalArgumentException(at + ": 11 fields expected, " + f.length + " found");
                String sub = f[4].strip();
                String code = sub.isEmpty() ? f[3].strip() : f[3].strip() + "." + sub;
                out.add(new Account(code, f[5].strip(), slug(f[0]), f[0].strip(), ROSTER_DESK, f[7].strip().equals("1")));
            } else {
                if (f.length != 7) throw new IllegalArgumentException(at + ": 7 fields expected, " + f.length + " found");
                String groups = f[6].strip();
                String first = groups.isEmpty() ? "" : groups.split(";")[0].strip();
                out.add(new Account(f[0].strip(), f[4].strip(), first, groups, f[5].strip(), true));
            }
        }
        return new DeskAccounts(out);
    }

    /** "Ações Long Only" → "acoes-long-only", as oms-svc makes the roster's group a token. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String s = plain.replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    public Optional<Account> find(String account) {
        return Optional.ofNullable(byCode.get(account));
    }

    /** Every account of {@code desk}, in file order. */
    public List<Account> ofDesk(String desk) {
        return ordered.stream().filter(a -> a.desk().equals(desk)).toList();
    }

    public List<Account> all() {
        return ordered;
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }
}
