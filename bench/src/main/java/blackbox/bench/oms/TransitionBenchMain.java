package blackbox.bench.oms;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TransitionBench} (any JMH option may be passed, e.g. {@code -prof gc}) and prints events per second of
 * oms-svc's core and of the java.util baseline, and the goal (≥ 5 M events/s on one core).
 */
public final class TransitionBenchMain {
    private TransitionBenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(TransitionBench.class.getSimpleName()).build()).run();
        double core = Double.NaN;
        double coreError = Double.NaN;
        double baseline = Double.NaN;
        double baselineError = Double.NaN;
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            if (method.equals("blackbox")) {
                core = r.getPrimaryResult().getScore();
                coreError = r.getPrimaryResult().getScoreError();
            } else {
                baseline = r.getPrimaryResult().getScore();
                baselineError = r.getPrimaryResult().getScoreError();
            }
        }
        System.out.println();
        System.out.println("| implementation | M events/s (one thread) |");
        System.out.println("|---|---:|");
        System.out.printf("| oms-svc core (`Transitions.apply`, immutable `Order`) | %.2f ± %.2f |%n", core / 1e6, coreError / 1e6);
        System.out.printf("| java.util baseline (EnumMap table + if-chain, mutable order, HashSet ExecIDs) | %.2f ± %.2f |%n",
                baseline / 1e6, baselineError / 1e6);
        System.out.printf("core / baseline: %.2f×; goal ≥ 5 M events/s: %s%n", core / baseline, core >= 5e6 ? "met" : "NOT met");
    }
}
