package blackbox.risk.store;

import java.util.Set;

/**
 * Who acts: a user and their roles ({@code viewer}, {@code trader}, {@code risk}, {@code admin},
 * architecture.md §5), or a system actor ({@code circuit-breaker}, {@code signal-file}).
 */
public record Actor(String user, Set<String> roles) {
    public static final String RISK = "risk";
    public static final String ADMIN = "admin";

    public Actor {
        if (user == null || user.isBlank()) throw new IllegalArgumentException("user must not be blank");
        roles = Set.copyOf(roles);
    }

    /** A system actor (the panic signal file, the circuit breaker): acts with the risk desk's authority. */
    public static Actor system(String name) {
        return new Actor(name, Set.of(RISK));
    }

    /** May change limits and switches? */
    public boolean mayChangeRisk() {
        return roles.contains(RISK) || roles.contains(ADMIN);
    }

    public String rolesText() {
        return String.join(",", roles.stream().sorted().toList());
    }
}
