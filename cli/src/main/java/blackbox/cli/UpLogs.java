package blackbox.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where {@code blackbox up}'s logs go: every library's lines (SLF4J, and java.util.logging, which Helidon's feature
 * banner and listener lines and gRPC use) into {@code <logDir>/blackbox.log}; the console keeps only warnings and
 * errors, so it shows the command's own progress and summary.
 */
public final class UpLogs implements AutoCloseable {
    public static final String FILE = "blackbox.log";

    private final Logger root;
    private final FileAppender<ILoggingEvent> file;
    private final List<Appender<ILoggingEvent>> filtered;
    private final Level previousLevel;
    private final java.util.logging.Handler[] julHandlers;

    private UpLogs(Logger root, FileAppender<ILoggingEvent> file, List<Appender<ILoggingEvent>> filtered,
                   Level previousLevel, java.util.logging.Handler[] julHandlers) {
        this.root = root;
        this.file = file;
        this.filtered = filtered;
        this.previousLevel = previousLevel;
        this.julHandlers = julHandlers;
    }

    /**
     * Routes the logs; {@link #close()} undoes it.
     *
     * @param level the root level ({@code BLACKBOX_LOG_LEVEL}: trace|debug|info|warn|error; anything else is info)
     * @return the routing, or empty when SLF4J is not bound to Logback (nothing to route)
     * @throws IOException when the log directory cannot be created
     */
    public static java.util.Optional<UpLogs> route(Path logDir, String level) throws IOException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return java.util.Optional.empty();
        Files.createDirectories(logDir);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        root.setLevel(Level.toLevel(level, Level.INFO));
        List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> console = it.next();
            ThresholdFilter warn = new ThresholdFilter();
            warn.setLevel("WARN");
            warn.start();
            console.addFilter(warn);
            consoles.add(console);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("blackbox-file");
        file.setFile(logDir.resolve(FILE).toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        // java.util.logging's own console handler would print Helidon's INFO lines on stderr: into SLF4J instead
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        java.util.logging.Handler[] julHandlers = julRoot.getHandlers();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return java.util.Optional.of(new UpLogs(root, file, consoles, previous, julHandlers));
    }

    @Override
    public void close() {
        SLF4JBridgeHandler.uninstall();
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        for (java.util.logging.Handler h : julHandlers) julRoot.addHandler(h);
        root.detachAppender(file);
        file.stop();
        for (Appender<ILoggingEvent> a : filtered) a.clearAllFilters();
        root.setLevel(previousLevel);
    }
}
