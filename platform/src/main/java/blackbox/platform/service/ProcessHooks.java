package blackbox.platform.service;

import java.io.PrintStream;

/**
 * What {@link ServiceMain} needs of the process around a service: the exit, the error stream and the shutdown
 * hook. {@link #jvm()} is the real process; a test passes a stand-in, so the exit-2 path and the shutdown
 * order run in-process without ending the test's JVM.
 */
public interface ProcessHooks {
    /** Ends the process with {@code status}; the JVM's never returns. */
    void exit(int status);

    /** Where start-up errors are printed for the operator. */
    PrintStream err();

    /** Runs {@code hook} when the process is asked to stop (SIGINT, SIGTERM). */
    void addShutdownHook(Thread hook);

    /** This JVM: {@link System#exit}, {@link System#err}, {@link Runtime#addShutdownHook}. */
    static ProcessHooks jvm() {
        return new ProcessHooks() {
            @Override
            public void exit(int status) {
                System.exit(status);
            }

            @Override
            public PrintStream err() {
                return System.err;
            }

            @Override
            public void addShutdownHook(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        };
    }
}
