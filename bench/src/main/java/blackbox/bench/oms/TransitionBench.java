package blackbox.bench.oms;

import blackbox.oms.core.Order;
import blackbox.oms.core.Outcome;
import blackbox.oms.core.Transitions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Order events per second through oms-svc's transition core on one thread, against the java.util baseline
 * ({@link JavaUtilStateMachine}) on the same tape ({@link OrderTape}: {@value #ORDERS} orders, about 8 events
 * each, interleaved). Each invocation starts every order from PENDING_NEW and applies the whole stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransitionBench {
    static final int ORDERS = 4_096;
    /** Events in the tape for seed 42; checked at set-up (JMH needs the count as a constant). */
    static final int EVENTS = 33_171;

    private OrderTape tape;
    private Order[] orders;
    private JavaUtilStateMachine.MutableOrder[] mutable;

    @Setup
    public void setUp() {
        tape = OrderTape.generate(ORDERS, 42);
        if (tape.size() != EVENTS) throw new IllegalStateException("the tape has " + tape.size() + " events, not " + EVENTS);
        orders = new Order[ORDERS];
        mutable = new JavaUtilStateMachine.MutableOrder[ORDERS];
        // the baseline does the same work: every order ends in the same status with the same CumQty and notional
        core();
        baseline();
        for (int i = 0; i < ORDERS; i++) {
            Order o = orders[i];
            JavaUtilStateMachine.MutableOrder m = mutable[i];
            if (o.status() != m.status || o.cumQty() != m.cumQty || o.notional() != m.notional || o.orderQty() != m.orderQty) {
                throw new IllegalStateException("baseline differs on order " + i + ": core " + o.status() + "/" + o.cumQty()
                        + ", baseline " + m.status + "/" + m.cumQty);
            }
        }
    }

    private void core() {
        System.arraycopy(tape.start(), 0, orders, 0, ORDERS);
        int[] index = tape.orderIndex();
        var events = tape.events();
        for (int k = 0; k < events.length; k++) {
            int i = index[k];
            if (Transitions.apply(orders[i], events[k]) instanceof Outcome.Applied a) orders[i] = a.order();
        }
    }

    private void baseline() {
        for (int i = 0; i < ORDERS; i++) mutable[i] = new JavaUtilStateMachine.MutableOrder(tape.start()[i]);
        int[] index = tape.orderIndex();
        var events = tape.events();
        for (int k = 0; k < events.length; k++) JavaUtilStateMachine.apply(mutable[index[k]], events[k]);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void blackbox(Blackhole bh) {
        core();
        bh.consume(orders);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void javaUtilBaseline(Blackhole bh) {
        baseline();
        bh.consume(mutable);
    }
}
