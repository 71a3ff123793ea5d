package blackbox.web.auth;

import java.util.List;
import java.util.Set;

/** An authenticated caller: the username (also marketdata-svc's user_id) and its roles. */
public record AuthUser(String username, Set<Role> roles) {
    public AuthUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Role ids, sorted, for JSON. */
    public List<String> roleIds() {
        return roles.stream().map(Role::id).sorted().toList();
    }
}
