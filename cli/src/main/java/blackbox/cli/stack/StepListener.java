package blackbox.cli.stack;

import java.io.PrintWriter;
import java.time.Duration;

/** Told as each start-up step of the stack begins and ends; called on the starting thread. */
public interface StepListener {
    void started(int index, int total, String step);

    void done(String detail, Duration took);

    void failed(String reason, Duration took);

    /** Nothing. */
    StepListener NONE = new StepListener() {
        @Override
        public void started(int index, int total, String step) {
        }

        @Override
        public void done(String detail, Duration took) {
        }

        @Override
        public void failed(String reason, Duration took) {
        }
    };

    /** {@code [3/9] PostgreSQL ............ ok  1.2 s  jdbc:postgresql://...} on {@code out}. */
    static StepListener printing(PrintWriter out) {
        return new StepListener() {
            @Override
            public void started(int index, int total, String step) {
                String head = "[" + index + "/" + total + "] " + step + " ";
                out.print(head + ".".repeat(Math.max(3, 34 - head.length())) + " ");
                out.flush();
            }

            @Override
            public void done(String detail, Duration took) {
                out.printf("ok  %5.1f s  %s%n", took.toMillis() / 1000.0, detail);
                out.flush();
            }

            @Override
            public void failed(String reason, Duration took) {
                out.printf("FAILED  %5.1f s%n", took.toMillis() / 1000.0);
                out.flush();
            }
        };
    }
}
