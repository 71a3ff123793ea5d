package blackbox.cli.stack;

import blackbox.web.auth.Role;
import blackbox.web.auth.Users;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The demo users of a local stack: one per role ({@code viewer}, {@code trader}, {@code risk}, {@code admin}), each
 * with a generated password. Passwords are kept in {@code <data dir>/demo-users.properties} (owner-only) so a
 * restarted stack prints them again; an existing user keeps its password. Also the stack's web signing key.
 */
final class DemoUsers {
    static final String FILE = "demo-users.properties";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {
    }

    /** @return one console line per user: {@code trader / <password>  (role trader)} */
    static List<String> ensure(Users users, Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Properties known = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                known.load(r);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = role.id();
            String password = known.getProperty(name);
            if (users.ensure(name, password != null ? password : (password = generate()), Set.of(role))) {
                known.setProperty(name, password);
            } else if (!known.containsKey(name)) {
                password = "(existing user: password unchanged)";
            }
            lines.add(String.format("%-8s / %s   (role %s)", name, password, name));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(file)) {
            known.store(w, "blackbox up: demo users of this stack (username=password)");
        }
        return lines;
    }

    /** @return {@code <data dir>/web-jwt.secret}, created (owner-only, 48 random characters) when absent */
    static Path secretFile(Path dataDir) throws IOException {
        Path file = dataDir.resolve("web-jwt.secret");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generate(48));
        }
        return file;
    }

    private static String generate() {
        return generate(16);
    }

    private static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
