package blackbox.risk.signal;

import blackbox.risk.service.RiskDesk;
import blackbox.risk.store.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panic button on the host, for when the web app does not work: creating the file (e.g.
 * {@code echo "web app down, closing" > /var/lib/blackbox/PANIC}) triggers Panic with who = {@value #WHO} and why =
 * the file's first 4 KiB (or "(empty file)"). The file is then renamed to {@code <name>.done-<epoch ms>} so it
 * triggers once and stays as a record; if it cannot be renamed it is remembered by its modification time and not
 * triggered again until it changes.
 *
 * <p>Polled ({@link #poll}, every 250 ms by {@link #start}) rather than watched with a WatchService, which needs the
 * directory to exist and misses events on some file systems.
 */
public final class PanicSignalFile {
    private static final Logger LOG = LoggerFactory.getLogger(PanicSignalFile.class);
    public static final String WHO = "signal-file";
    private static final int MAX_REASON = 4096;

    /** What the file presses. */
    @FunctionalInterface
    public interface PanicButton {
        RiskDesk.Result panic(Actor actor, boolean flatten, String why);
    }

    private final Path path;
    private final boolean flatten;
    private final PanicButton button;
    private long handledModified = Long.MIN_VALUE;

    /**
     * @param path the configured file (e.g. {@code BLACKBOX_RISK_PANIC_FILE})
     * @param flatten whether the panic also flattens (configured, not read from the file)
     */
    public PanicSignalFile(Path path, boolean flatten, PanicButton button) {
        this.path = path;
        this.flatten = flatten;
        this.button = button;
    }

    /** Checks for the file once; presses the button when it is there. Returns the desk's answer when it did. */
    public synchronized Optional<RiskDesk.Result> poll() {
        if (!Files.isRegularFile(path)) return Optional.empty();
        String why;
        long modified;
        try {
            modified = Files.getLastModifiedTime(path).toMillis();
            if (modified == handledModified) return Optional.empty();
            try (InputStream in = Files.newInputStream(path)) {
                why = new String(in.readNBytes(MAX_REASON), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            LOG.warn("panic signal file {} present but unreadable ({}): panicking anyway", path, e.toString());
            why = "";
            modified = Long.MAX_VALUE;
        }
        if (why.isEmpty()) why = "(empty file)";
        RiskDesk.Result result = button.panic(Actor.system(WHO), flatten, why);
        LOG.warn("PANIC from signal file {}: {} -> {}", path, why, result);
        try {
            Files.move(path, path.resolveSibling(path.getFileName() + ".done-" + System.currentTimeMillis()),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            handledModified = modified;
            LOG.warn("could not rename the panic signal file {} ({}); it will not trigger again until it changes", path, e.toString());
        }
        return Optional.of(result);
    }

    /** Polls every 250 ms on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler) {
        long period = Duration.ofMillis(250).toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.error("panic signal file check failed", e);
            }
        }, 0, period, TimeUnit.MILLISECONDS);
    }
}
