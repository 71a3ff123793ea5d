package blackbox.bench.risk;

import blackbox.risk.core.Decision;
import blackbox.risk.core.LimitBook;
import blackbox.risk.core.OrderContext;
import blackbox.risk.core.ReasonCode;
import blackbox.risk.core.RiskOrder;
import blackbox.risk.core.RiskSnapshot;
import blackbox.risk.switches.SwitchBoard;
import blackbox.risk.service.RiskGate;
import blackbox.risk.service.RiskView;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pre-trade check on one core, 1,000 accounts × 50 instruments of limits loaded ({@link RiskBook}):
 * <ul>
 *   <li>{@code compiled}: {@link RiskGate#check} — the production path (lock, switch board, compiled
 *       account×instrument and strategy records, scaled longs);</li>
 *   <li>{@code naiveIndexed} (baseline): the same rules resolved per check from rows looked up by scope, in
 *       BigDecimal;</li>
 *   <li>{@code naiveScan} (baseline): the same, scanning every limit row per check.</li>
 * </ul>
 * Every order passes (the accept path runs every check); setup asserts that all three answer the same reason for
 * every order. Run by {@link RiskBenchMain} in throughput and sample-time (percentiles) modes.
 */
@State(Scope.Benchmark)
@Threads(1)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PreTradeCheckBench {
    static final int ORDERS = 1 << 14;

    @Param({"1000"})
    public int accounts;
    @Param({"50"})
    public int instruments;

    private RiskOrder[] orders;
    private OrderContext[] contexts;
    private RiskGate gate;
    private NaiveRiskCheck indexed;
    private NaiveRiskCheck scan;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RiskBook book = new RiskBook(accounts, instruments, ORDERS, 42);
        orders = book.orders;
        contexts = book.contexts;
        RiskSnapshot snapshot = new RiskSnapshot(LimitBook.build(book.rows), SwitchBoard.ALL_ACTIVE, true, "");
        gate = new RiskGate(RiskView.fixed(snapshot));
        indexed = new NaiveRiskCheck(book.rows, false);
        scan = new NaiveRiskCheck(book.rows, true);
        int accepted = 0;
        for (int i = 0; i < ORDERS; i++) {
            Decision d = gate.check(orders[i], contexts[i]);
            ReasonCode n = indexed.check(orders[i], contexts[i]);
            if (d.reason() != n) throw new IllegalStateException("baseline disagrees on order " + i + ": " + d + " vs " + n);
            if (i % 64 == 0 && scan.check(orders[i], contexts[i]) != n) throw new IllegalStateException("scan disagrees on " + i);
            if (d.accepted()) accepted++;
        }
        if (accepted != ORDERS) throw new IllegalStateException("only " + accepted + " of " + ORDERS + " orders pass: the accept path is not what is measured");
    }

    @Benchmark
    public Decision compiled() {
        int i = next++ & (ORDERS - 1);
        return gate.check(orders[i], contexts[i]);
    }

    @Benchmark
    public ReasonCode naiveIndexed() {
        int i = next++ & (ORDERS - 1);
        return indexed.check(orders[i], contexts[i]);
    }

    @Benchmark
    public ReasonCode naiveScan() {
        int i = next++ & (ORDERS - 1);
        return scan.check(orders[i], contexts[i]);
    }
}
