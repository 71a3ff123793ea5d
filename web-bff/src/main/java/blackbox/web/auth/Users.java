package blackbox.web.auth;

import blackbox.web.core.InvalidInput;
import com.password4j.Password;
import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The desk's users in PostgreSQL (schema {@code web}); passwords hashed with Argon2id (password4j), never stored
 * or logged in clear. Usernames are marketdata-svc user ids: {@code [a-z0-9._@-]{1,64}}. Thread-safe.
 */
public final class Users {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,64}");
    private final Jdbi jdbi;
    // checked when the user does not exist, so an unknown name costs as much time as a wrong password
    private final String decoyHash;

    public Users(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.decoyHash = Password.hash("decoy-password").addRandomSalt().withArgon2().getResult();
    }

    /** A user as listed to admins (no hash). */
    public record UserInfo(String username, List<String> roles, Instant created) {
    }

    /**
     * Creates a user.
     *
     * @throws InvalidInput for a bad username, a password shorter than 8 characters, no roles, or an existing user
     */
    public void create(String username, String password, Set<Role> roles) {
        checkNew(username, password, roles);
        String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
        int rows = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO web.users (username, password_hash, roles) VALUES (:u, :h, :r) ON CONFLICT DO NOTHING""")
                .bind("u", username).bind("h", hash).bind("r", roleArray(roles)).execute());
        if (rows == 0) throw new InvalidInput("username", username, "already exists");
    }

    /**
     * Creates the user unless it exists (idempotent; an existing user keeps its password and roles).
     *
     * @return true when it was created now
     */
    public boolean ensure(String username, String password, Set<Role> roles) {
        checkNew(username, password, roles);
        if (find(username).isPresent()) return false;
        String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO web.users (username, password_hash, roles) VALUES (:u, :h, :r) ON CONFLICT DO NOTHING""")
                .bind("u", username).bind("h", hash).bind("r", roleArray(roles)).execute()) == 1;
    }

    /** The user when the password matches; empty for a wrong password or an unknown user (same work either way). */
    public Optional<AuthUser> authenticate(String username, String password) {
        Optional<Stored> stored = username == null ? Optional.empty() : load(username);
        String hash = stored.map(Stored::hash).orElse(decoyHash);
        boolean ok = password != null && Password.check(password, hash).withArgon2();
        return ok && stored.isPresent() ? Optional.of(stored.get().user()) : Optional.empty();
    }

    public Optional<AuthUser> find(String username) {
        return load(username).map(Stored::user);
    }

    /** Every user, by username. */
    public List<UserInfo> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT username, roles, created_at FROM web.users ORDER BY username")
                .map((rs, ctx) -> new UserInfo(rs.getString(1), sorted(roles(rs.getArray(2))),
                        rs.getTimestamp(3).toInstant()))
                .list());
    }

    private record Stored(AuthUser user, String hash) {
    }

    private Optional<Stored> load(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT username, password_hash, roles FROM web.users WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Stored(new AuthUser(rs.getString(1), roles(rs.getArray(3))), rs.getString(2)))
                .findOne());
    }

    private static void checkNew(String username, String password, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", username, "must be 1-64 of a-z 0-9 . _ @ -");
        }
        if (password == null || password.length() < 8) throw new InvalidInput("password", "(hidden)", "must have >= 8 characters");
        if (roles == null || roles.isEmpty()) throw new InvalidInput("roles", "[]", "must name at least one role");
    }

    private static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toArray(String[]::new);
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object o : (Object[]) array.getArray()) roles.add(Role.parse((String) o));
        return roles;
    }

    private static List<String> sorted(Set<Role> roles) {
        List<String> ids = new ArrayList<>(roles.stream().map(Role::id).toList());
        ids.sort(null);
        return ids;
    }
}
