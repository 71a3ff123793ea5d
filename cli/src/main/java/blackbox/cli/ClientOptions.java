package blackbox.cli;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.security.CertificateAuthority;
import blackbox.platform.security.Identities;
import blackbox.platform.security.TlsFiles;
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
    private static final String WEB = "web=";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data directory of the running `blackbox up` (default: ${BLACKBOX_STACK_DIR:-~/.blackbox/stack})")
    Path dataDir;

    @Option(names = "--endpoint", paramLabel = "[SERVICE=]HOST:PORT",
            description = "where a service answers; SERVICE is gateway, marketdata, candles or web (web=http://HOST:PORT;"
                    + " default: the command's own service)")
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
     * Where web-bff answers, when {@code --endpoint web=http://HOST:PORT} (or {@code web=HOST:PORT}) or the running
     * stack's file says so.
     *
     * @param bareIsWeb whether a bare {@code --endpoint} names web-bff (the command talks to it only)
     * @throws CliException (usage) naming a malformed {@code --endpoint}
     */
    public Optional<String> webUrl(boolean bareIsWeb) {
        String url = null;
        for (String e : endpoints) {
            boolean web = e.startsWith(WEB);
            if (!web && (!bareIsWeb || e.indexOf('=') >= 0)) continue;
            String target = web ? e.substring(WEB.length()) : e;
            if (target.matches("[^:/\\s]+:\\d{1,5}/?")) target = "http://" + target;
            if (!target.matches("https?://[^:/\\s]+:\\d{1,5}/?")) {
                throw CliException.usage("must be web=http://HOST:PORT such as web=http://127.0.0.1:8080: --endpoint=" + e);
            }
            url = target.endsWith("/") ? target : target + "/";
        }
        if (url != null) return Optional.of(url);
        return StackFile.readLive(dataDir()).map(StackFile::web);
    }

    /**
     * Where {@code service} answers.
     *
     * @param primary the command's own service, which a bare {@code --endpoint HOST:PORT} names
     * @throws CliException (usage) naming a malformed {@code --endpoint}
     */
    public Endpoint endpoint(Service service, Service primary) {
        return endpoint(service, primary, System.getenv());
    }

    /**
     * Where {@code service} answers and how to reach it: over mutual TLS with {@code BLACKBOX_TLS_CERT},
     * {@code BLACKBOX_TLS_KEY} and {@code BLACKBOX_TLS_CA} from {@code environment} (an operator certificate of another
     * deployment), else with the running stack's operator certificate, else in plain text.
     *
     * @throws CliException (usage) naming a malformed {@code --endpoint} or a TLS file that is missing
     */
    public Endpoint endpoint(Service service, Service primary, Map<String, String> environment) {
        Map<Service, String> overrides = new EnumMap<>(Service.class);
        for (String e : endpoints) {
            if (e.startsWith(WEB)) continue;
            int eq = e.indexOf('=');
            Service s = eq < 0 ? primary : Service.ofKey(e.substring(0, eq));
            String target = eq < 0 ? e : e.substring(eq + 1);
            if (!target.matches("[^:\\s]+:\\d{1,5}")) {
                throw CliException.usage("must be [SERVICE=]HOST:PORT such as candles=127.0.0.1:50053: --endpoint=" + e);
            }
            overrides.put(s, target);
        }
        Optional<StackFile> stack = StackFile.readLive(dataDir());
        Optional<TlsFiles> tls = tls(stack, environment);
        if (overrides.containsKey(service)) return new Endpoint(service, overrides.get(service), tls);
        String target = stack.map(f -> f.target(service)).orElse("127.0.0.1:" + service.defaultPort());
        return new Endpoint(service, target, tls);
    }

    private static Optional<TlsFiles> tls(Optional<StackFile> stack, Map<String, String> environment) {
        Optional<TlsFiles> configured;
        try {
            configured = TlsFiles.from(Config.of(environment));
        } catch (ConfigException e) {
            throw CliException.usage(e.getMessage());
        }
        if (configured.isPresent()) return configured;
        return stack.map(StackFile::tls).map(Path::of).map(dir -> new TlsFiles(dir.resolve(Identities.OPERATOR + ".pem"),
                dir.resolve(Identities.OPERATOR + ".key"), dir.resolve(CertificateAuthority.CA_CERTIFICATE)));
    }
}
