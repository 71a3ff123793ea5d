package blackbox.bench.risk;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs {@link PreTradeCheckBench} twice: throughput (checks per second, one thread) and sample time (latency
 * percentiles), then prints one table. Any JMH option may be passed (e.g. {@code -p accounts=100}).
 */
public final class RiskBenchMain {
    private RiskBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> throughput = new Runner(new OptionsBuilder().parent(cli)
                .include(PreTradeCheckBench.class.getSimpleName()).mode(Mode.Throughput).build()).run();
        Collection<RunResult> sample = new Runner(new OptionsBuilder().parent(cli)
                .include(PreTradeCheckBench.class.getSimpleName()).mode(Mode.SampleTime)
                .timeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
                .measurementTime(TimeValue.seconds(2)).build()).run();
        System.out.println();
        System.out.println("| check | checks/s (one thread) | p50 ns | p99 ns | p99.9 ns |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (RunResult t : throughput) {
            String name = t.getParams().getBenchmark().substring(t.getParams().getBenchmark().lastIndexOf('.') + 1);
            RunResult s = sample.stream().filter(x -> x.getParams().getBenchmark().equals(t.getParams().getBenchmark()))
                    .findFirst().orElseThrow();
            var stats = s.getPrimaryResult().getStatistics();
            System.out.printf("| `%s` | %,.0f ± %,.0f | %.0f | %.0f | %.0f |%n", name, t.getPrimaryResult().getScore(),
                    t.getPrimaryResult().getScoreError(), stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9));
        }
    }
}
