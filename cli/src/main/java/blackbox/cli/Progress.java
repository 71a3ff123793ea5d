package blackbox.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long command's phases on its stderr. On a terminal, a bar (me.tongfei:progressbar) redrawn in
 * place with {@code \r}; anywhere else (piped, redirected to a log) one plain line per phase when it ends, so a log
 * holds no redraws. {@code BLACKBOX_PROGRESS=bar|lines} overrides the detection.
 */
public final class Progress {
    public static final String ENV = "BLACKBOX_PROGRESS";

    /** How phases are shown. */
    public enum Mode {
        BAR, LINES;

        /**
         * {@link #BAR} when stderr is a terminal ({@code /proc/self/fd/2} is a tty; where /proc is missing, the
         * JVM's console is a terminal), {@link #LINES} otherwise; {@value #ENV} decides when set.
         *
         * @throws CliException (usage) for a value other than {@code bar} or {@code lines}
         */
        public static Mode of(Map<String, String> environment) {
            String forced = environment.get(ENV);
            if (forced != null && !forced.isBlank()) {
                return switch (forced.trim().toLowerCase(Locale.ROOT)) {
                    case "bar" -> BAR;
                    case "lines" -> LINES;
                    default -> throw CliException.usage("must be bar or lines: " + ENV + "=" + forced);
                };
            }
            return stderrIsTerminal() ? BAR : LINES;
        }

        private static boolean stderrIsTerminal() {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception notLinux) {
                java.io.Console console = System.console();
                return console != null && console.isTerminal();
            }
        }
    }

    /** One phase: advanced with {@link #stepTo}, ended by {@link #close()}. */
    public interface Phase extends AutoCloseable {
        void stepTo(long done);

        /** Shown after the count (e.g. {@code trades 120, candles 4}). */
        void extra(String message);

        @Override
        void close();
    }

    private Progress() {
    }

    /**
     * A phase of {@code max} units of work.
     *
     * @param unit e.g. {@code "%"} or {@code " MiB"}; {@code unitSize} of the counted quantity make one
     */
    public static Phase phase(PrintWriter err, Mode mode, String task, long max, String unit, long unitSize) {
        return mode == Mode.BAR ? bar(err, task, max, unit, unitSize) : new Line(err, task, max, unit, unitSize);
    }

    private static Phase bar(PrintWriter err, String task, long max, String unit, long unitSize) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setUnit(unit, unitSize)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, 100) {
                    @Override
                    public void close() {
                        err.println();
                        err.flush();
                    }
                })
                .build();
        return new Phase() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void extra(String message) {
                bar.setExtraMessage(message);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Prints {@code task: 100% (245 MiB) in 3.4 s, extra} once, when the phase ends. */
    private static final class Line implements Phase {
        private final PrintWriter err;
        private final String task;
        private final long max;
        private final String unit;
        private final long unitSize;
        private final long started = System.nanoTime();
        private long done;
        private String extra = "";
        private boolean closed;

        Line(PrintWriter err, String task, long max, String unit, long unitSize) {
            this.err = err;
            this.task = task;
            this.max = max;
            this.unit = unit;
            this.unitSize = unitSize;
        }

        @Override
        public void stepTo(long done) {
            this.done = done;
        }

        @Override
        public void extra(String message) {
            this.extra = message == null ? "" : message.strip();
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            long percent = max <= 0 ? 100 : Math.min(100, done * 100 / max);
            String amount = unit.equals("%") ? "" : " (" + done / unitSize + unit + ")";
            err.printf(Locale.ROOT, "%s: %d%%%s in %.1f s%s%n", task, percent, amount, (System.nanoTime() - started) / 1e9,
                    extra.isEmpty() ? "" : ", " + extra);
            err.flush();
        }
    }
}
