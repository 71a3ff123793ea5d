package blackbox.cli;

import java.nio.file.Path;

/** Where {@code blackbox up} keeps its data (PostgreSQL cluster, Redis, rebased replays, logs, the stack file). */
public final class DataDirs {
    public static final String ENV = "BLACKBOX_STACK_DIR";

    private DataDirs() {
    }

    /**
     * {@code BLACKBOX_STACK_DIR}, else {@code ~/.blackbox/stack}; for root {@code /var/lib/blackbox/stack}, because
     * PostgreSQL then runs as an unprivileged OS user that cannot enter root's home. Separate from the services' own
     * default ({@code .../data}), so a stack and a service started alone never share a cluster.
     */
    public static Path defaultDir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        if ("root".equals(System.getProperty("user.name"))) return Path.of("/var/lib/blackbox/stack");
        return Path.of(System.getProperty("user.home"), ".blackbox", "stack");
    }
}
