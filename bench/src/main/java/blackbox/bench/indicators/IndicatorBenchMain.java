package blackbox.bench.indicators;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link IndicatorUpdateBench} (JMH; any JMH command-line option may be passed, e.g. {@code -p spec=ema(9)})
 * and prints, per indicator, BlackBox's and ta4j's nanoseconds per candle and the ratio.
 */
public final class IndicatorBenchMain {
    private IndicatorBenchMain() {
    }

    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(IndicatorUpdateBench.class.getSimpleName()).build()).run();
        Map<String, double[]> table = new TreeMap<>(); // spec -> {blackbox ns, error, ta4j ns, error}
        for (RunResult r : results) {
            String spec = r.getParams().getParam("spec");
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            double[] row = table.computeIfAbsent(spec, s -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            int at = method.equals("blackbox") ? 0 : 2;
            row[at] = r.getPrimaryResult().getScore();
            row[at + 1] = r.getPrimaryResult().getScoreError();
        }
        System.out.println();
        System.out.println("| indicator | BlackBox ns/candle | ta4j DoubleNum ns/candle | ta4j / BlackBox |");
        System.out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            double[] r = e.getValue();
            System.out.printf("| `%s` | %.1f ± %.1f | %.1f ± %.1f | %.0f× |%n", e.getKey(), r[0], r[1], r[2], r[3],
                    r[2] / r[0]);
        }
    }
}
