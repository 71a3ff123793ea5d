package blackbox.bench;

import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.SessionOptions;
import blackbox.gateway.session.WallClock;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goal 1: trades per second from the simulator's trade callback into the gateway's hand-off queue.
 *
 * <p>Java: the production path ({@link ProfitSession} + its {@code CallbackHandoff}: FFM upcall, claim a slot of
 * a Disruptor ring, {@code TranslateTrade}, intern the instrument, convert the time, publish) feeding a
 * {@code HandoffRing.create(GatewayConfig.DEFAULT_RING_SIZE)} (the gateway's own ring) drained by one consumer thread through an
 * {@link EventPoller} that only counts trades. Clock: from {@code SimStartReplay()} to the moment the consumer
 * has counted every trade of the tape.
 *
 * <p>Baseline, in the same run: {@code bench/python/ctypes_baseline.py}, the same library driven by Python's
 * {@code ctypes} the way the desk binds the DLL today (callback → TranslateTrade → tuple into a queue, a
 * consumer thread draining it), run as a subprocess on the same machine, same clock points.
 *
 * <p>Options: {@code --trades 5000000} (Java tape), {@code --python-trades 200000} (tape shared by Python and a
 * second Java row), {@code --runs 5}, {@code --warmups 2}, {@code --python-runs 3}, {@code --python-queues
 * queue,simple}, {@code --python python3}, {@code --library PATH}, {@code --work DIR}.
 */
public final class CallbackThroughputBench {
    private static final int RING_SIZE = blackbox.gateway.GatewayConfig.DEFAULT_RING_SIZE;

    record Run(long trades, double seconds, long overflows, long failures) {
        double rate() {
            return trades / seconds;
        }
    }

    record Row(String implementation, long trades, List<Run> runs) {
        Stats rates() {
            return new Stats(runs.stream().map(Run::rate).toList());
        }

        Stats seconds() {
            return new Stats(runs.stream().map(Run::seconds).toList());
        }

        long overflows() {
            return runs.stream().mapToLong(Run::overflows).sum();
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path library = args.library();
        long trades = args.number("trades", 5_000_000);
        long pythonTrades = args.number("python-trades", 200_000);
        int runs = args.integer("runs", 5);
        int warmups = args.integer("warmups", 2);
        int pythonRuns = args.integer("python-runs", 3);
        String python = args.string("python", "python3");
        List<String> queues = List.of(args.string("python-queues", "queue,simple").split(","));

        Path big = SyntheticReplay.ensure(args.workDir(), trades);
        Path small = SyntheticReplay.ensure(args.workDir(), pythonTrades);
        List<InstrumentId> instruments = SyntheticReplay.TICKERS.stream().map(InstrumentId::parse).toList();
        ProfitDLL dll = ProfitDLL.load(library);
        System.out.printf("library %s, %d cores, %s, load average %s%n", library, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), GrpcThroughputBench.loadAverage());

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < warmups; i++) report("java warm-up " + (i + 1), runJava(dll, big, trades, instruments));
        List<Run> javaBig = new ArrayList<>();
        for (int i = 0; i < runs; i++) javaBig.add(report("java run " + (i + 1), runJava(dll, big, trades, instruments)));
        rows.add(new Row("java FFM + Disruptor ring", trades, javaBig));
        List<Run> javaSmall = new ArrayList<>();
        for (int i = 0; i < runs; i++) javaSmall.add(report("java (python's tape) run " + (i + 1), runJava(dll, small, pythonTrades, instruments)));
        rows.add(new Row("java FFM + Disruptor ring", pythonTrades, javaSmall));

        Path script = Args.benchHome().resolve("python/ctypes_baseline.py");
        for (String queue : queues) {
            if (queue.isBlank() || queue.equals("none")) continue;
            rows.add(runPython(python, script, library, small, pythonTrades, pythonRuns, queue.trim()));
        }
        printTable(rows);
    }

    private static Run report(String what, Run run) {
        System.out.printf("  %-28s %,11d trades in %7.3f s = %,12.0f trades/s, overflows %d, failures %d (load %s)%n",
                what, run.trades, run.seconds, run.rate(), run.overflows, run.failures, GrpcThroughputBench.loadAverage());
        return run;
    }

    /** One tape through ProfitSession into a ring drained by a counting EventPoller. */
    static Run runJava(ProfitDLL dll, Path replay, long expected, List<InstrumentId> instruments) throws Exception {
        RingBuffer<DllEvent> ring = blackbox.gateway.session.HandoffRing.create(RING_SIZE);
        EventPoller<DllEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        Counter counter = new Counter(poller, expected);
        Thread consumer = new Thread(counter, "bench-ring-consumer");
        consumer.setDaemon(true);
        consumer.start();

        Map<String, String> sim = new LinkedHashMap<>();
        sim.put("replay.files", replay.toString());
        sim.put("replay.speed", "max");
        sim.put("replay.start", "manual");
        SessionOptions options = new SessionOptions(true, "SIMULATOR", "demo", "demo", ZoneId.of("America/Sao_Paulo"), sim);
        try (ProfitSession session = ProfitSession.start(dll, options, ring, new WallClock())) {
            counter.dropped = session::overflows; // a dropped trade never reaches the consumer: stop waiting for it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (session.lastState(2) != 4) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no (2,4) MARKET_CONNECTED within 60 s");
                Thread.sleep(1);
            }
            for (InstrumentId instrument : instruments) {
                DllCall call = session.subscribeTicker(instrument);
                if (!call.ok()) throw new IllegalStateException("subscribe " + instrument + ": " + call);
            }
            long t0 = System.nanoTime();
            int rc = dll.simulator().orElseThrow().SimStartReplay();
            if (rc != 0) throw new IllegalStateException("SimStartReplay -> " + rc);
            consumer.join(TimeUnit.MINUTES.toMillis(5));
            if (consumer.isAlive()) {
                counter.stop = true;
                throw new IllegalStateException("consumer counted " + counter.published.get() + " of " + expected
                        + " trades in 5 min; overflows " + session.overflows());
            }
            return new Run(counter.count, (counter.doneNanos - t0) / 1e9, session.overflows(),
                    session.callbackFailures());
        } finally {
            counter.stop = true;
        }
    }

    /** The ring's consumer: counts TRADE events, nothing else, and notes when the last expected one arrived. */
    private static final class Counter implements Runnable, EventPoller.Handler<DllEvent> {
        private final EventPoller<DllEvent> poller;
        private final long expected;
        final AtomicLong published = new AtomicLong();
        volatile boolean stop;
        volatile java.util.function.LongSupplier dropped = () -> 0;
        long count;
        long doneNanos;

        Counter(EventPoller<DllEvent> poller, long expected) {
            this.poller = poller;
            this.expected = expected;
        }

        @Override
        public boolean onEvent(DllEvent event, long sequence, boolean endOfBatch) {
            if (event.kind == DllEvent.TRADE) count++;
            return true;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    if (poller.poll(this) == EventPoller.PollState.PROCESSING) {
                        published.lazySet(count);
                        if (count >= expected) break;
                    } else if (count > 0 && count + dropped.getAsLong() >= expected) {
                        break;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                doneNanos = System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Pattern RESULT = Pattern.compile(
            "RESULT run=(\\S+) impl=(\\S+) trades=(\\d+) seconds=([0-9.]+) overflows=(\\d+)");

    /** Runs the ctypes script; its RESULT lines (warm-ups excluded) become one row. */
    static Row runPython(String python, Path script, Path library, Path replay, long expected, int runs, String queue)
            throws IOException, InterruptedException {
        List<String> command = List.of(python, script.toString(), "--library", library.toString(), "--replay", replay.toString(),
                "--trades", Long.toString(expected), "--runs", Integer.toString(runs), "--warmups", "1", "--queue", queue);
        System.out.println("$ " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Run> results = new ArrayList<>();
        String impl = "python ctypes";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  | " + line);
                Matcher m = RESULT.matcher(line);
                if (m.find() && !m.group(1).startsWith("warmup")) {
                    impl = m.group(2);
                    results.add(new Run(Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)), 0));
                }
            }
        }
        int rc = process.waitFor();
        if (rc != 0 || results.isEmpty()) throw new IllegalStateException("python baseline failed: exit " + rc);
        return new Row(impl, expected, results);
    }

    static void printTable(List<Row> rows) {
        double pythonBest = rows.stream().filter(r -> r.implementation().startsWith("python"))
                .mapToDouble(r -> r.rates().median()).max().orElse(Double.NaN);
        System.out.println();
        System.out.println("Callback -> hand-off queue, trades/s (median of runs; min-max). Ratio: median / best Python median.");
        String fmt = "%-34s %11s %5s %9s %10s %19s %8s %10s%n";
        System.out.printf(fmt, "implementation", "trades", "runs", "median s", "trades/s", "min-max", "vs py", "overflows");
        for (Row r : rows) {
            Stats rate = r.rates();
            System.out.printf(fmt, r.implementation(), String.format("%,d", r.trades()), r.runs().size(),
                    String.format("%.3f", r.seconds().median()), Stats.millions(rate.median()),
                    Stats.millions(rate.min()) + "-" + Stats.millions(rate.max()),
                    String.format("%.1fx", rate.median() / pythonBest),
                    r.implementation().startsWith("python") ? "n/a" : Long.toString(r.overflows()));
        }
        System.out.println("overflows: events dropped because the ring was full (must be 0); Python's queues are unbounded.");
    }
}
