package blackbox.bench.risk;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import blackbox.risk.core.Scope;
import blackbox.risk.core.StrategyId;
import blackbox.risk.halt.CancelOutcome;
import blackbox.risk.halt.ClOrdId;
import blackbox.risk.halt.HaltExecutor;
import blackbox.risk.halt.HaltReport;
import blackbox.risk.halt.OrderControl;
import blackbox.risk.halt.WorkingOrder;
import blackbox.risk.switches.KillSwitch;
import blackbox.risk.switches.SwitchBoard;
import blackbox.risk.switches.SwitchCommand;
import blackbox.risk.switches.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Halt of the desk with {@code --orders} working orders across {@code --accounts} accounts, from the Halt command
 * to the last cancel sent, against a recording {@link OrderControl} (it stores each cancel call's time and answers
 * "confirmed" at once). Measured: the pure transition, the switch board update, {@code workingOrders}, one cancel
 * per order with its confirmation tracking, and the report. Baseline in the same run: a bare loop calling
 * {@code cancel} on the same pre-built list (the floor of any implementation of this port).
 *
 * <p>{@code bench/run.sh risk-halt [--orders 1000] [--accounts 100] [--runs 2000] [--warmups 500]}
 */
public final class HaltBench {
    private HaltBench() {
    }

    /** Records the time of every cancel; confirms each at once. */
    static final class RecordingVenue implements OrderControl {
        final List<WorkingOrder> working;
        final long[] cancelAt;
        int cancels;
        static final CompletableFuture<CancelOutcome> CONFIRMED = CompletableFuture.completedFuture(CancelOutcome.CONFIRMED);

        RecordingVenue(List<WorkingOrder> working) {
            this.working = working;
            this.cancelAt = new long[working.size()];
        }

        @Override
        public List<WorkingOrder> workingOrders(Scope scope) {
            return working;
        }

        @Override
        public CompletionStage<CancelOutcome> cancel(WorkingOrder order) {
            cancelAt[cancels++] = System.nanoTime();
            return CONFIRMED;
        }

        @Override
        public List<String> flatten(Scope scope) {
            return List.of();
        }
    }

    public static void main(String[] argv) {
        java.util.Map<String, Integer> opts = new java.util.HashMap<>(java.util.Map.of("orders", 1000, "accounts", 100,
                "runs", 2000, "warmups", 500));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String key = argv[i].replaceFirst("^--", "");
            if (!opts.containsKey(key)) throw new IllegalArgumentException("unknown option " + argv[i] + ": known " + opts.keySet());
            opts.put(key, Integer.parseInt(argv[i + 1]));
        }
        int orders = opts.get("orders");
        int accountCount = opts.get("accounts");
        int runs = opts.get("runs");
        int warmups = opts.get("warmups");
        List<WorkingOrder> working = new ArrayList<>();
        InstrumentId petr4 = new InstrumentId("PETR4", "B");
        for (int i = 0; i < orders; i++) {
            working.add(new WorkingOrder(new ClOrdId("c" + i), new AccountId("ACC" + (i % accountCount)),
                    i % 2 == 0 ? new StrategyId("twap-1") : StrategyId.NONE, petr4, i % 3 == 0 ? Side.SELL : Side.BUY, 100));
        }
        long[] halt = new long[runs];
        long[] floor = new long[runs];
        for (int r = -warmups; r < runs; r++) {
            RecordingVenue venue = new RecordingVenue(working);
            HaltExecutor executor = new HaltExecutor(venue, System::nanoTime, Duration.ofSeconds(5), e -> { });
            long start = System.nanoTime();
            Transition.Changed c = (Transition.Changed) Transition.apply(KillSwitch.active(Scope.DESK),
                    new SwitchCommand.Panic(false, "bench", "bench"), start);
            SwitchBoard board = SwitchBoard.ALL_ACTIVE.with(c.next());
            CompletableFuture<HaltReport> report = executor.execute(Scope.DESK, c.next().mode(), c.effects());
            long last = venue.cancelAt[orders - 1];
            if (!report.isDone() || report.join().confirmed().size() != orders || board.restricted().isEmpty()) {
                throw new IllegalStateException("halt did not complete");
            }
            RecordingVenue bare = new RecordingVenue(working);
            long bareStart = System.nanoTime();
            for (WorkingOrder o : working) bare.cancel(o);
            long bareLast = bare.cancelAt[orders - 1];
            if (r >= 0) {
                halt[r] = last - start;
                floor[r] = bareLast - bareStart;
            }
        }
        System.out.printf("desk halt, %,d working orders across %,d accounts, %,d runs after %,d warm-ups (µs, command to last cancel sent)%n",
                orders, accountCount, runs, warmups);
        System.out.println("| path | median | p99 | max |");
        System.out.println("|---|---:|---:|---:|");
        row("HaltExecutor (transition + board + cancels + tracking)", halt);
        row("baseline: bare loop of cancel calls", floor);
    }

    private static void row(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("| %s | %.1f | %.1f | %.1f |%n", name, s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3,
                s[s.length - 1] / 1e3);
    }
}
