package blackbox.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import blackbox.platform.config.Config;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set-up for a service process: SLF4J over Logback (pattern in {@code logback.xml}),
 * java.util.logging (gRPC's) bridged into it, and the root level from {@code BLACKBOX_LOG_LEVEL}
 * (trace|debug|info|warn|error, default info).
 */
public final class Logging {
    public static final String LOG_LEVEL = "BLACKBOX_LOG_LEVEL";

    private Logging() {
    }

    /** Applies the configuration; call once at the start of {@code main}. */
    public static void configure(Config config) {
        String level = config.oneOf(LOG_LEVEL, "info", java.util.Set.of("trace", "debug", "info", "warn", "error"));
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level));
    }
}
