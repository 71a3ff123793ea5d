package blackbox.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars (me.tongfei:progressbar) drawn on the command's stderr, redrawn in place with {@code \r}. */
public final class Progress {
    private Progress() {
    }

    /**
     * A bar for {@code max} units of work; call {@link ProgressBar#stepTo} and close it (which ends the line).
     *
     * @param unit e.g. {@code "%"} or {@code " MiB"}; {@code unitSize} of the counted quantity make one
     */
    public static ProgressBar bar(PrintWriter err, String task, long max, String unit, long unitSize) {
        return new ProgressBarBuilder()
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
    }
}
