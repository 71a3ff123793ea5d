package blackbox.bench.algo;

import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplayReader;
import blackbox.oms.algo.AccountTarget;
import blackbox.oms.algo.Action;
import blackbox.oms.algo.ChildState;
import blackbox.oms.algo.Decision;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.Twap;
import blackbox.oms.algo.TwapSchedule;
import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;

/**
 * Child-order decisions of {@code --parents} concurrent TWAPs of {@code --accounts} accounts each, driven by the real
 * B3 tape (PETR4 2025-04-07, {@code ../shared/data}): every tape trade is a tick of the algorithms' clock, and the
 * scheduler decides the parents that are due. Measured per decision ({@link Twap#decide}) and per tick (the tape
 * trade to every due parent decided), HdrHistogram, for:
 * <ul>
 *   <li><b>wake queue</b> — oms-svc's {@code AlgoEngine} scheme: a priority queue of each parent's next decision time,
 *       a tick decides only the parents due;</li>
 *   <li><b>naive scan</b> (baseline, same run) — every tick decides every parent.</li>
 * </ul>
 * A child is recorded half filled at once and closed (the rest rolls into the next slice), so roll-over and the cap
 * are exercised; both schedulers must send the same children (checked). No I/O: the decision path only.
 *
 * <p>{@code bench/run.sh algo-twap [--parents 1000] [--accounts 10] [--horizon 3600] [--interval 60] [--runs 3] [--tape FILE]}
 */
public final class TwapSchedulerBench {
    private static final long SEC = 1_000_000_000L;

    private TwapSchedulerBench() {
    }

    /** One parent's state as the engine keeps it. */
    static final class Book {
        final ParentOrder parent;
        final TwapSchedule schedule;
        final List<ChildState> children = new ArrayList<>();
        int released;
        boolean done;
        long wakeAt;

        Book(ParentOrder parent) {
            this.parent = parent;
            this.schedule = TwapSchedule.of(parent);
        }

        /** Applies a decision; returns the children sent. */
        int apply(Decision d) {
            released = d.releasedSlice();
            int sent = 0;
            for (Action a : d.actions()) {
                if (a instanceof Action.Send s) {
                    long filled = s.qty() / 2 / parent.lot() * parent.lot();
                    children.add(new ChildState(s.childId(), s.account().index(), s.slice(), s.qty(), filled, false, false));
                    sent++;
                }
            }
            if (d.finished().isPresent()) done = true;
            wakeAt = d.wakeAtNanos();
            return sent;
        }
    }

    interface Scheduler {
        /** Decides what is due at {@code now}; returns the decisions made. */
        int tick(long now, Histogram perDecision);

        long sent();
    }

    static final class WakeQueue implements Scheduler {
        private final List<Book> books;
        private final PriorityQueue<long[]> wakes = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private long sent;

        WakeQueue(List<Book> books) {
            this.books = books;
            for (int i = 0; i < books.size(); i++) wakes.add(new long[] {Long.MIN_VALUE, i});
        }

        public int tick(long now, Histogram perDecision) {
            int n = 0;
            while (!wakes.isEmpty() && wakes.peek()[0] <= now) {
                long[] w = wakes.poll();
                Book b = books.get((int) w[1]);
                if (b.done) continue;
                long t0 = System.nanoTime();
                Decision d = Twap.decide(b.parent, b.schedule, b.released, b.children, now);
                sent += b.apply(d);
                perDecision.recordValue(System.nanoTime() - t0);
                n++;
                if (!b.done && b.wakeAt != Decision.NEVER) wakes.add(new long[] {b.wakeAt, w[1]});
            }
            return n;
        }

        public long sent() {
            return sent;
        }
    }

    static final class NaiveScan implements Scheduler {
        private final List<Book> books;
        private long sent;

        NaiveScan(List<Book> books) {
            this.books = books;
        }

        public int tick(long now, Histogram perDecision) {
            int n = 0;
            for (Book b : books) {
                if (b.done) continue;
                long t0 = System.nanoTime();
                Decision d = Twap.decide(b.parent, b.schedule, b.released, b.children, now);
                sent += b.apply(d);
                perDecision.recordValue(System.nanoTime() - t0);
                n++;
            }
            return n;
        }

        public long sent() {
            return sent;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("parents", "1000", "accounts", "10", "horizon", "3600", "interval", "60",
                "runs", "3", "tape", Path.of(System.getProperty("bench.home", "bench"))
                        .resolve("../../shared/data/b3-btg-2025/trades/2_PETR4_07042025.csv").normalize().toString()));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String key = argv[i].replaceFirst("^--", "");
            if (!opts.containsKey(key)) throw new IllegalArgumentException("unknown option " + argv[i] + ": known " + opts.keySet());
            opts.put(key, argv[i + 1]);
        }
        int parents = Integer.parseInt(opts.get("parents"));
        int accounts = Integer.parseInt(opts.get("accounts"));
        long horizon = Long.parseLong(opts.get("horizon"));
        long interval = Long.parseLong(opts.get("interval"));
        int runs = Integer.parseInt(opts.get("runs"));
        long[] tape = tradeTimes(Path.of(opts.get("tape")));
        long first = tape[0];
        System.out.printf("tape: %d trades from %s; %d TWAPs × %d accounts, %d slices of %d s, starts spread over the first interval%n",
                tape.length, opts.get("tape"), parents, accounts, horizon / interval, interval);
        for (int r = 0; r <= runs; r++) {
            boolean warmup = r == 0;
            Result queue = run(new WakeQueueFactory(), parents, accounts, horizon, interval, first, tape);
            Result naive = run(new NaiveFactory(), parents, accounts, horizon, interval, first, tape);
            if (queue.sent != naive.sent) throw new AssertionError("the schedulers sent different children: " + queue.sent + " vs " + naive.sent);
            if (warmup) continue;
            System.out.printf("run %d  wake queue: %s%n        naive scan: %s%n", r, queue, naive);
        }
    }

    record Result(long decisions, long ticks, long sent, double tickSeconds, Histogram decision, Histogram tick) {
        public String toString() {
            return String.format("%,d decisions in %,d ticks (%,d children), %.0f decisions/s of tick time; decision p50 %.2f µs"
                            + " p99 %.2f µs max %.1f µs; tick p50 %.2f µs p99 %.1f µs p99.9 %.1f µs max %.1f µs", decisions, ticks, sent,
                    decisions / tickSeconds, decision.getValueAtPercentile(50) / 1e3, decision.getValueAtPercentile(99) / 1e3,
                    decision.getMaxValue() / 1e3, tick.getValueAtPercentile(50) / 1e3, tick.getValueAtPercentile(99) / 1e3,
                    tick.getValueAtPercentile(99.9) / 1e3, tick.getMaxValue() / 1e3);
        }
    }

    interface Factory {
        Scheduler make(List<Book> books);
    }

    record WakeQueueFactory() implements Factory {
        public Scheduler make(List<Book> books) {
            return new WakeQueue(books);
        }
    }

    record NaiveFactory() implements Factory {
        public Scheduler make(List<Book> books) {
            return new NaiveScan(books);
        }
    }

    static Result run(Factory factory, int parents, int accounts, long horizon, long interval, long first, long[] tape) {
        List<Book> books = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) books.add(new Book(parent(i, accounts, horizon, interval, first + (i % interval) * SEC)));
        Scheduler s = factory.make(books);
        Histogram decision = new Histogram(3_600_000_000_000L, 3);
        Histogram tick = new Histogram(3_600_000_000_000L, 3);
        long decisions = 0;
        long ticks = 0;
        long tickNanos = 0;
        long end = first + (horizon + interval) * SEC;
        for (long now : tape) {
            if (now > end) break;
            long t0 = System.nanoTime();
            decisions += s.tick(now, decision);
            long t = System.nanoTime() - t0;
            tick.recordValue(t);
            tickNanos += t;
            ticks++;
        }
        return new Result(decisions, ticks, s.sent(), tickNanos / 1e9, decision, tick);
    }

    static ParentOrder parent(int i, int accounts, long horizon, long interval, long start) {
        List<AccountTarget> targets = new ArrayList<>(accounts);
        for (int a = 1; a <= accounts; a++) {
            targets.add(new AccountTarget(a, new AccountId("acc" + a), new DeskId("mesa"), 100L * (horizon / interval) * (1 + a % 3)));
        }
        String id = "bench-" + i;
        return new ParentOrder(new ClOrdId(id), Optional.of(new BlockId(id)), new UserId("bench"), Optional.empty(),
                new InstrumentId("PETR4", "B"), Side.BUY, OrdType.LIMIT, 385_000, new Algorithm.Twap(horizon, interval, start), 100,
                targets, start, start, LocalDate.of(2025, 4, 7));
    }

    /** The tape's trade times (UTC epoch ns), imported with the gateway's importer as the tests do. */
    static long[] tradeTimes(Path csv) throws Exception {
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("the B3 tape is not there: " + csv + " (pass --tape)");
        Path replay = Files.createTempFile("twap-bench", ".replay.csv");
        try {
            new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(csv), replay);
            try (ReplayReader reader = ReplayReader.open(replay)) {
                return reader.stream().filter(e -> e.kind() == EventKind.T).mapToLong(ReplayEvent::tsNanos).toArray();
            }
        } finally {
            Files.deleteIfExists(replay);
        }
    }
}
