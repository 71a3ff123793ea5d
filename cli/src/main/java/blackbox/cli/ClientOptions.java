package blackbox.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of every command that talks to a running stack: where to find it and how to print. The endpoints come from
 * the stack file that {@code blackbox up} writes in its data directory; {@code --endpoint} overrides it; without
 * either, the default ports on 127.0.0.1.
 */
public final class ClientOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory of the running `blackbox up` (default: ${BLACKBOX_STACK_DIR:-~/.blackbox/stack})")
    Path dataDir;

    @Option(names = "--endpoint", paramLabel = "[SERVICE=]HOST:PORT",
            description = "where a service answers; SERVICE is gateway, marketdata or candles (default: the command's own service)")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    public boolean json() {
        return json;
    }

    public Path dataDir() {
        return dataDir != null ? dataDir.toAbsolutePath().normalize() : DataDirs.defaultDir();
    }

    /**
     * Where {@code service} answers.
     *
     * @param primary the command's own service, which a bare {@code --endpoint HOST:PORT} names
     * @throws CliException (usage) naming a malformed {@code --endpoint}
     */
    public Endpoint endpoint(Service service, Service primary) {
        Map<Service, String> overrides = new EnumMap<>(Service.class);
        for (String e : endpoints) {
            int eq = e.indexOf('=');
            Service s = eq < 0 ? primary : Service.ofKey(e.substring(0, eq));
            String target = eq < 0 ? e : e.substring(eq + 1);
            if (!target.matches("[^:\\s]+:\\d{1,5}")) {
                throw CliException.usage("must be [SERVICE=]HOST:PORT such as candles=127.0.0.1:50053: --endpoint=" + e);
            }
            overrides.put(s, target);
        }
        if (overrides.containsKey(service)) return new Endpoint(service, overrides.get(service));
        Optional<StackFile> stack = StackFile.readLive(dataDir());
        String target = stack.map(f -> f.target(service)).orElse("127.0.0.1:" + service.defaultPort());
        return new Endpoint(service, target);
    }
}
