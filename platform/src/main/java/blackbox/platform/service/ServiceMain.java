package blackbox.platform.service;

import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.telemetry.Telemetry;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up every service's {@code main} shares:
 *
 * <ol>
 *   <li>the raw {@link Config} from the environment (and {@code BLACKBOX_CONFIG_FILE});</li>
 *   <li>logging ({@code BLACKBOX_LOG_LEVEL}), the service's settings parsed and validated once, telemetry
 *       ({@code BLACKBOX_OTLP_*}); a bad value prints {@code configuration error: KEY: ...} on stderr and exits
 *       with status 2, before anything starts;</li>
 *   <li>the service's {@link Starter}, which starts its parts through {@link Startup} (database, client channels,
 *       the service on a Netty server, the stats line), each registered to be closed;</li>
 *   <li>one shutdown hook (added before the starter runs, so a stop while starting still closes what was
 *       started) that closes them in reverse order of start, then {@code main} returns.</li>
 * </ol>
 *
 * <p>A start that fails closes what it had started, logs why and exits with status 1 (2 when the failure is a
 * {@link ConfigException}).
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     ServiceMain.run("marketdata-svc", MarketDataConfig::from, (config, startup) -> {
 *         Database database = startup.database(config.database());
 *         ManagedChannel gateway = startup.channel(config.gatewayTarget());
 *         MarketDataApp app = startup.closeOnShutdown("marketdata-svc", MarketDataApp.start(config, database, gateway,
 *                 startup.server(config.host(), config.port()), startup.telemetry()));
 *         startup.logStats(config.statsInterval(), app::stats);
 *     });
 * }
 * }</pre>
 */
public final class ServiceMain {
    private static final Logger log = LoggerFactory.getLogger(ServiceMain.class);
    /** Exit status for a bad configuration value. */
    public static final int CONFIGURATION_ERROR = 2;
    /** Exit status for a start that failed otherwise. */
    public static final int START_FAILED = 1;

    private ServiceMain() {
    }

    /** Starts a service's parts on its parsed settings. */
    @FunctionalInterface
    public interface Starter<C> {
        /**
         * @throws ConfigException for a bad value found only now (exit 2)
         * @throws Exception when the service cannot start (exit 1)
         */
        void start(C config, Startup startup) throws Exception;
    }

    /** A started service: waits for the shutdown hook, or shuts down on demand (tests). */
    public static final class Running {
        private final String service;
        private final Startup startup;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private boolean shutDown;

        private Running(String service, Startup startup) {
            this.service = service;
            this.startup = startup;
        }

        /** Closes everything the start registered, in reverse order. Idempotent; what the shutdown hook runs. */
        public void shutdown() {
            synchronized (this) {
                if (shutDown) return;
                shutDown = true;
            }
            log.info("stopping {}", service);
            startup.closeAll();
            stopped.countDown();
        }

        /** Blocks until {@link #shutdown()} has finished. */
        public void awaitShutdown() throws InterruptedException {
            stopped.await();
        }
    }

    /**
     * The process's {@code main}: configuration from the environment, this JVM's exit and shutdown hook; returns
     * when the process is stopped (SIGINT/SIGTERM) and everything is closed.
     *
     * @param service the service's name for logs and telemetry, e.g. {@code candle-svc}
     * @param settings parses and validates the service's settings, throwing {@link ConfigException} naming the key
     */
    public static <C> void run(String service, Function<Config, C> settings, Starter<C> starter) throws InterruptedException {
        Optional<Running> running = start(service, Config.fromEnvironment(), settings, starter, ProcessHooks.jvm());
        if (running.isPresent()) running.get().awaitShutdown();
    }

    /**
     * Starts a service as {@link #run} does, on a given configuration and process (tests use it to run a main's
     * start in-process).
     *
     * @return the running service with its shutdown hook added, or empty when the start failed and
     *     {@link ProcessHooks#exit} was called (which the JVM's never returns from)
     */
    public static <C> Optional<Running> start(String service, Config raw, Function<Config, C> settings, Starter<C> starter,
                                              ProcessHooks hooks) {
        Optional<C> config = configure(raw, settings, hooks);
        if (config.isEmpty()) return Optional.empty();
        Startup startup;
        try {
            startup = new Startup(service, raw, Telemetry.create(service, raw));
        } catch (ConfigException e) {
            return configurationError(e, hooks);
        }
        Running running = new Running(service, startup);
        // before the start: a stop requested while starting still closes what was started (the embedded
        // PostgreSQL server is another process, handed over to us)
        hooks.addShutdownHook(new Thread(running::shutdown, "shutdown"));
        try {
            starter.start(config.get(), startup);
        } catch (ConfigException e) {
            running.shutdown();
            return configurationError(e, hooks);
        } catch (Exception | LinkageError e) {
            log.error("{} did not start", service, e);
            running.shutdown();
            hooks.err().println(service + " did not start: " + e);
            hooks.exit(START_FAILED);
            return Optional.empty();
        }
        return Optional.of(running);
    }

    /**
     * Logging and the parsed settings alone, for a {@code main} that runs a one-off command instead of serving
     * (e.g. {@code bin/web add-user}); a bad value prints {@code configuration error: ...} and exits with status 2.
     */
    public static <C> C configure(Function<Config, C> settings) {
        return configure(Config.fromEnvironment(), settings, ProcessHooks.jvm())
                .orElseThrow(() -> new IllegalStateException("exit " + CONFIGURATION_ERROR + " returned"));
    }

    private static <C> Optional<C> configure(Config raw, Function<Config, C> settings, ProcessHooks hooks) {
        try {
            Logging.configure(raw);
            return Optional.of(settings.apply(raw));
        } catch (ConfigException e) {
            return configurationError(e, hooks);
        }
    }

    private static <T> Optional<T> configurationError(ConfigException e, ProcessHooks hooks) {
        hooks.err().println("configuration error: " + e.getMessage());
        hooks.exit(CONFIGURATION_ERROR);
        return Optional.empty();
    }
}
