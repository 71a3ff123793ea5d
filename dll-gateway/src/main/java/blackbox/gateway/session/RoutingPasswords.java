package blackbox.gateway.session;

import blackbox.gateway.trading.AccountKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routing passwords per account (the DLL's {@code Password} field of every routing request). They come from
 * configuration only, never from a request, and are never logged: {@link #toString()} names the accounts, not the
 * passwords, and no message of this class quotes one.
 *
 * <p>Sources: a passwords file ({@code broker:account[:sub]=password} lines, {@code #} comments, owner-only
 * permissions required), or the simulator's roster file (its {@code routing_password} column). A sub-account
 * without its own entry uses its master's.
 */
public final class RoutingPasswords {
    private final Map<AccountKey, String> passwords;
    private final String source;

    private RoutingPasswords(Map<AccountKey, String> passwords, String source) {
        this.passwords = Map.copyOf(passwords);
        this.source = source;
    }

    /** No passwords: every account is not routable. */
    public static RoutingPasswords none() {
        return new RoutingPasswords(Map.of(), "none");
    }

    /** For tests and embedding. */
    public static RoutingPasswords of(Map<AccountKey, String> passwords) {
        return new RoutingPasswords(passwords, "given");
    }

    /** Why a passwords or roster file was refused (the message never quotes a password). */
    public static final class PasswordFileException extends Exception {
        public PasswordFileException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a passwords file. It must be readable by its owner only (no group or other permission bits), like the
     * other secrets of BlackBox.
     *
     * @throws PasswordFileException naming the file and line of what is wrong
     */
    public static RoutingPasswords fromFile(Path file) throws PasswordFileException {
        checkOwnerOnly(file);
        List<String> lines = readLines(file);
        Map<AccountKey, String> map = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) throw new PasswordFileException(file + ":" + (i + 1) + ": expected broker:account[:sub]=password");
            AccountKey key;
            try {
                key = AccountKey.parse(line.substring(0, eq).strip());
            } catch (IllegalArgumentException e) {
                throw new PasswordFileException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
            String password = line.substring(eq + 1);
            if (password.isEmpty()) throw new PasswordFileException(file + ":" + (i + 1) + ": empty password for " + key);
            if (map.put(key, password) != null) throw new PasswordFileException(file + ":" + (i + 1) + ": " + key + " listed twice");
        }
        return new RoutingPasswords(map, file.toString());
    }

    /**
     * The passwords of the simulator's roster file ({@code native/sim/README.md} "Account roster"): column
     * {@code routing_password} of each row; an empty one gives no password (the account is not routable).
     */
    public static RoutingPasswords fromSimulatorRoster(Path roster) throws PasswordFileException {
        List<String> lines = readLines(roster);
        if (lines.size() < 2 || !lines.get(0).equals("# blackbox-sim-roster v1")) {
            throw new PasswordFileException(roster + ":1: not a simulator roster (expected \"# blackbox-sim-roster v1\")");
        }
        String[] header = lines.get(1).split(",", -1);
        int broker = List.of(header).indexOf("broker_id");
        int account = List.of(header).indexOf("account_id");
        int sub = List.of(header).indexOf("sub_account_id");
        int pw = List.of(header).indexOf("routing_password");
        if (broker < 0 || account < 0 || sub < 0 || pw < 0) {
            throw new PasswordFileException(roster + ":2: header lacks broker_id, account_id, sub_account_id or routing_password");
        }
        Map<AccountKey, String> map = new HashMap<>();
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            if (f.length != header.length) throw new PasswordFileException(roster + ":" + (i + 1) + ": expected " + header.length + " fields");
            try {
                AccountKey key = new AccountKey(Integer.parseInt(f[broker]), f[account], f[sub]);
                if (!f[pw].isEmpty()) map.put(key, f[pw]);
            } catch (IllegalArgumentException e) {
                throw new PasswordFileException(roster + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new RoutingPasswords(map, roster.toString());
    }

    private static List<String> readLines(Path file) throws PasswordFileException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PasswordFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void checkOwnerOnly(Path file) throws PasswordFileException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                    throw new PasswordFileException(file + " must be readable by its owner only (chmod 600), has "
                            + java.nio.file.attribute.PosixFilePermissions.toString(perms));
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the operator's business
        } catch (IOException e) {
            throw new PasswordFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The account's password (its own, else its master's). */
    public Optional<String> password(AccountKey account) {
        String p = passwords.get(account);
        if (p == null && account.isSubAccount()) p = passwords.get(account.master());
        return Optional.ofNullable(p);
    }

    public boolean routable(AccountKey account) {
        return password(account).isPresent();
    }

    /** Where the passwords came from. */
    public String source() {
        return source;
    }

    public int size() {
        return passwords.size();
    }

    @Override
    public String toString() {
        return "RoutingPasswords[" + passwords.size() + " accounts from " + source + "]";
    }
}
