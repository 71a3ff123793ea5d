package blackbox.bench;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.v1.Account;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The order path end to end: SendOrder over gRPC (Netty, loopback) → the gateway (edge validation, idempotency key,
 * the order journal's group-committed fsync, the DLL call through FFM) → the simulator (validation, the broker, its
 * ConnectorThread) → OrderCallback with GetOrderDetails → the hand-off ring → the trading engine → the execution
 * report stream → the client, which stamps the order accepted when its {@code EXEC_TYPE_NEW} report arrives.
 *
 * <p>Each run starts a fresh {@link Gateway} (full login on the demo roster, the bundled Binance sample standing
 * still with {@code replay.start=manual}, so no order fills; a new journal directory) and runs two phases:
 * <ul>
 *   <li><b>closed</b>: {@code --orders} orders with at most {@code --window} not yet accepted, sent by
 *       {@code --senders} threads with the async stub: the sustained rate, from the first send to the last
 *       acceptance, and the round trip under that load;</li>
 *   <li><b>paced</b>: open loop at {@code --rate} orders/s for {@code --paced-seconds}: each order has an intended
 *       send time and its round trip is measured from it (a late sender counts against the gateway, no coordinated
 *       omission).</li>
 * </ul>
 * Every order is a limit buy of BTCUSDT far below the market in one of the roster's enabled, routable accounts,
 * round robin, each with its own idempotency key.
 *
 * <p>Baseline in the same run: {@code bench/python/ctypes_orders.py}, the same library driven by Python's ctypes
 * (SendOrder, the order callback with GetOrderDetails, a consumer thread that stamps acceptance), same two phases,
 * as a subprocess. It has no gRPC, no journal and no gateway in its path. And the transport's ceiling: the same client
 * and phases against a trivial Trading service on the same gRPC stack ({@link CeilingService}), which answers
 * SendOrder at once and streams the two reports an accepted order gets; {@code --ceiling false} skips it.
 *
 * <p>Options: {@code --transports netty} ({@code netty,inprocess} adds a row with grpc-java's in-process transport,
 * which isolates the gateway's own cost from HTTP/2) {@code --ceiling true} {@code --threads false} (CPU per thread
 * of each closed phase) {@code --orders 200000} {@code --window 512} {@code --senders 2} {@code --rate 20000}
 * {@code --paced-seconds 10} {@code --runs 3} {@code --warmups 1} {@code --serialize false} (one routing call at a
 * time, the vendor DLL's default) {@code --journal DIR} (default {@code bench/target/orders}; e.g. a tmpfs to take
 * the disk's fsync out) {@code --python python3} ({@code none} skips it) {@code --python-orders 20000}
 * {@code --python-window 64} {@code --python-rate 2000} {@code --python-paced-seconds 5} {@code --python-runs 3}
 * {@code --library PATH}.
 */
public final class OrderPathBench {
    static final InstrumentId BTC = InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT").build();

    /** One measured phase: orders, seconds from the first send to the last acceptance, round-trip percentiles (ns). */
    record Phase(String name, long orders, double seconds, long p50, long p99, long p999, long max, double cpuMicrosPerOrder, long errors,
                 String note) {
        double rate() {
            return orders / seconds;
        }

        Phase withNote(String text) {
            return new Phase(name, orders, seconds, p50, p99, p999, max, cpuMicrosPerOrder, errors, text);
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    static boolean threadReport;

    /** CPU ns per live thread now, by id (with its name), for the per-thread diagnostic ({@code --threads true}). */
    static Map<Long, Map.Entry<String, Long>> threadCpu() {
        Map<Long, Map.Entry<String, Long>> m = new HashMap<>();
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (ns > 0) m.put(t.getThreadId(), Map.entry(t.getThreadName(), ns));
        }
        return m;
    }

    /** Prints CPU ms per thread-name group spent between two {@link #threadCpu()} snapshots. */
    static void printThreadCpu(String what, Map<Long, Map.Entry<String, Long>> before, Map<Long, Map.Entry<String, Long>> after) {
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        for (var e : after.entrySet()) {
            long b = before.containsKey(e.getKey()) ? before.get(e.getKey()).getValue() : 0;
            String group = e.getValue().getKey().replaceAll("[0-9]+", "N");
            byGroup.merge(group, e.getValue().getValue() - b, Long::sum);
        }
        StringBuilder sb = new StringBuilder("    CPU by thread, " + what + ":");
        byGroup.entrySet().stream().filter(e -> e.getValue() > 20_000_000).sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .forEach(e -> sb.append(String.format(" %s %.0f ms;", e.getKey(), e.getValue() / 1e6)));
        System.out.println(sb);
    }

    /** CPU time of this process (every thread: client, gateway, simulator), ns. */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    record Row(String implementation, List<Phase> closed, List<Phase> paced) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Logging.configure(Config.of(Map.of(Logging.LOG_LEVEL, "warn")));
        Path library = args.library();
        Path repo = Args.benchHome().resolve("..").normalize();
        Path replay = Path.of(args.string("replay", repo.resolve("samples/replay/binance-spot-sample.replay.csv").toString()));
        Path roster = Path.of(args.string("roster", repo.resolve("dll-gateway/native/sim/demo-roster.csv").toString()));
        Path journal = Path.of(args.string("journal", Args.benchHome().resolve("target/orders").toString()));
        int orders = args.integer("orders", 200_000);
        int window = args.integer("window", 512);
        int senders = args.integer("senders", 2);
        int rate = args.integer("rate", 20_000);
        double pacedSeconds = Double.parseDouble(args.string("paced-seconds", "10"));
        int runs = args.integer("runs", 3);
        int warmups = args.integer("warmups", 1);
        boolean serialize = Boolean.parseBoolean(args.string("serialize", "false"));
        threadReport = Boolean.parseBoolean(args.string("threads", "false"));
        String python = args.string("python", "python3");
        System.out.printf("library %s, %d cores, %s, load average %s; journal in %s, serialize routing %s%n", library,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), GrpcThroughputBench.loadAverage(), journal, serialize);

        List<Row> rows = new ArrayList<>();
        try (Telemetry telemetry = Telemetry.create("bench", Config.of(Map.of()))) {
            for (String transport : args.string("transports", "netty").split(",")) {
                List<Phase> closed = new ArrayList<>();
                List<Phase> paced = new ArrayList<>();
                for (int i = 0; i < warmups + runs; i++) {
                    boolean warm = i < warmups;
                    String label = transport + (warm ? " warm-up " : " run ") + (warm ? i + 1 : i + 1 - warmups);
                    Phase[] p = runGateway(transport, i, library, replay, roster, journal, serialize, orders, window, senders, rate, pacedSeconds,
                            telemetry);
                    report("gateway " + label, p[0]);
                    report("gateway " + label, p[1]);
                    if (!warm) {
                        closed.add(p[0]);
                        if (p[1] != null) paced.add(p[1]);
                    }
                }
                rows.add(new Row(transport.equals("netty") ? "gateway: gRPC -> journal -> FFM -> sim -> report stream"
                        : "gateway, in-process gRPC transport (no HTTP/2)", closed, paced));
            }
        }
        List<Phase> ceilingClosed = new ArrayList<>();
        List<Phase> ceilingPaced = new ArrayList<>();
        if (Boolean.parseBoolean(args.string("ceiling", "true"))) {
            for (int i = 0; i < warmups + runs; i++) {
                boolean warm = i < warmups;
                String label = (warm ? "warm-up " : "run ") + (warm ? i + 1 : i + 1 - warmups);
                Phase[] p = runCeiling(i, orders, window, senders, rate, pacedSeconds);
                report("ceiling " + label, p[0]);
                report("ceiling " + label, p[1]);
                if (!warm) {
                    ceilingClosed.add(p[0]);
                    if (p[1] != null) ceilingPaced.add(p[1]);
                }
            }
        }
        if (!ceilingClosed.isEmpty()) rows.add(new Row("ceiling: same gRPC calls, trivial service", ceilingClosed, ceilingPaced));
        if (!python.equals("none")) {
            rows.add(runPython(python, Args.benchHome().resolve("python/ctypes_orders.py"), library, replay, roster, journal,
                    args.integer("python-orders", 20_000), args.integer("python-window", 64), args.integer("python-rate", 2_000),
                    args.string("python-paced-seconds", "5"), args.integer("python-runs", 3)));
        }
        print(rows, window, args.integer("python-window", 64));
    }

    private static void report(String what, Phase p) {
        if (p == null) return; // --paced-seconds 0
        System.out.printf("  %-18s %-6s %,9d orders in %7.3f s = %,9.0f orders/s; round trip p50 %s p99 %s p99.9 %s max %s; CPU %.0f µs/order;"
                        + " errors %d%s (load %s)%n", what, p.name(), p.orders(), p.seconds(), p.rate(), us(p.p50()), us(p.p99()), us(p.p999()),
                us(p.max()), p.cpuMicrosPerOrder(), p.errors(), p.note().isEmpty() ? "" : ", " + p.note(), GrpcThroughputBench.loadAverage());
    }

    static String us(long nanos) {
        return nanos >= 10_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%.0f µs", nanos / 1e3);
    }

    // ------------------------------------------------------------------ the gateway

    static Phase[] runGateway(String transport, int run, Path library, Path replay, Path roster, Path journalBase, boolean serialize, int orders,
                              int window, int senders, int rate, double pacedSeconds, Telemetry telemetry) throws Exception {
        Path dir = journalBase.resolve("gateway-run-" + run + "-" + ProcessHandle.current().pid());
        deleteTree(dir);
        Map<String, String> values = new HashMap<>();
        values.put(GatewayConfig.LIBRARY, library.toString());
        values.put(GatewayConfig.REPLAY, replay.toString());
        values.put(GatewayConfig.SPEED, "max");
        values.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        values.put(GatewayConfig.MARKET_ONLY, "false");
        values.put(GatewayConfig.SIM_ROSTER, roster.toString());
        values.put(GatewayConfig.SUBSCRIBE, "");
        values.put(GatewayConfig.JOURNAL_DIR, dir.toString());
        values.put(GatewayConfig.SERIALIZE_ROUTING, Boolean.toString(serialize));
        values.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        boolean netty = transport.equals("netty");
        String inProcessName = "order-path-bench-" + run;
        Gateway gateway = Gateway.start(GatewayConfig.from(Config.of(values)), netty
                ? NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)) : InProcessServerBuilder.forName(inProcessName), telemetry);
        ManagedChannel channel = netty
                ? NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().directExecutor().build()
                : InProcessChannelBuilder.forName(inProcessName).directExecutor().build();
        try {
            TradingGrpc.TradingBlockingStub blocking = TradingGrpc.newBlockingStub(channel);
            List<SendOrderRequest> templates = templates(awaitAccounts(blocking));
            Acceptance acceptance = new Acceptance();
            TradingGrpc.newStub(channel).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), acceptance);
            GrpcThroughputBench.await(() -> gateway.trading().service().openReportStreams() == 1, "the report stream to open");
            TradingGrpc.TradingStub async = TradingGrpc.newStub(channel);
            Phase c = closed(async, acceptance, templates, "r" + run + "c-", orders, window, senders);
            Phase p = pacedSeconds > 0 ? paced(async, acceptance, templates, "r" + run + "p-", rate, pacedSeconds) : null;
            long violations = gateway.trading().engine().counters().invariantViolations();
            long overflows = gateway.engine().overflows();
            String note = "fsyncs " + gateway.trading().journal().forces() + (violations + overflows > 0
                    ? ", invariant violations " + violations + ", ring overflows " + overflows : "");
            return new Phase[] {c.withNote(note), p};
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
            gateway.close();
            deleteTree(dir);
        }
    }

    /** The roster's enabled accounts the gateway can route (ListAccounts answers once routing is ready). */
    private static List<AccountId> awaitAccounts(TradingGrpc.TradingBlockingStub stub) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                List<AccountId> ids = new ArrayList<>();
                for (Account a : stub.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList()) {
                    Stream.concat(Stream.of(a), a.getSubAccountsList().stream()).filter(x -> x.getEnabled() && x.getRoutable())
                            .forEach(x -> ids.add(x.getId()));
                }
                if (!ids.isEmpty()) return ids;
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("routing never became ready: " + e.getStatus());
            }
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------ the transport's ceiling

    /** The same client and phases against {@link CeilingService} on the same gRPC stack. */
    static Phase[] runCeiling(int run, int orders, int window, int senders, int rate, double pacedSeconds) throws Exception {
        CeilingService service = new CeilingService();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().directExecutor().build();
        try {
            List<SendOrderRequest> templates = templates(awaitAccounts(TradingGrpc.newBlockingStub(channel)));
            Acceptance acceptance = new Acceptance();
            TradingGrpc.newStub(channel).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), acceptance);
            GrpcThroughputBench.await(() -> service.stream != null, "the report stream to open");
            TradingGrpc.TradingStub async = TradingGrpc.newStub(channel);
            return new Phase[] {closed(async, acceptance, templates, "k" + run + "c-", orders, window, senders),
                    pacedSeconds > 0 ? paced(async, acceptance, templates, "k" + run + "p-", rate, pacedSeconds) : null};
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A Trading service that does nothing but answer: SendOrder replies at once and puts a PENDING_NEW and a NEW report
     * (fields set as the gateway sets them) on the one report stream. What remains is the cost of the gRPC calls.
     */
    static final class CeilingService extends TradingGrpc.TradingImplBase {
        volatile StreamObserver<ExecutionReportMessage> stream;
        private long sequence;
        private long localOrderId;

        @Override
        public void listAccounts(ListAccountsRequest request, StreamObserver<blackbox.gateway.v1.ListAccountsResponse> response) {
            response.onNext(blackbox.gateway.v1.ListAccountsResponse.newBuilder().addAccounts(Account.newBuilder()
                    .setId(AccountId.newBuilder().setBrokerId(85).setAccountId("4512031")).setEnabled(true).setRoutable(true)).build());
            response.onCompleted();
        }

        @Override
        public void streamExecutionReports(StreamExecutionReportsRequest request, StreamObserver<ExecutionReportMessage> response) {
            stream = response;
        }

        @Override
        public void sendOrder(SendOrderRequest r, StreamObserver<SendOrderResponse> response) {
            long local;
            long seq;
            synchronized (this) {
                local = ++localOrderId;
                seq = sequence;
                sequence += 2;
            }
            long now = System.currentTimeMillis() * 1_000_000L;
            ExecutionReport.Builder b = ExecutionReport.newBuilder().setIdempotencyKey(r.getIdempotencyKey())
                    .setDll(blackbox.gateway.v1.DllOrderRef.newBuilder().setLocalOrderId(local).setClOrderId("20240808-" + local))
                    .setAccount(r.getAccount()).setInstrument(r.getInstrument()).setSide(r.getSide()).setOrdType(r.getOrdType())
                    .setOrderQty(r.getQuantity()).setPrice(r.getPrice()).setLeavesQty(r.getQuantity()).setAvgPx("0")
                    .setTsEvent(now).setTsInit(now);
            ExecutionReport pending = b.setSequence(seq + 1).setExecId("20240808-" + local + "-M" + local + "-4")
                    .setExecType(ExecType.EXEC_TYPE_PENDING_NEW).setOrdStatus(blackbox.gateway.v1.OrdStatus.ORD_STATUS_PENDING_NEW)
                    .setText("SentToHades").setMessageId(local).setDllResultCode(4).build();
            ExecutionReport accepted = b.setSequence(seq + 2).setExecId("20240808-" + local + "-N").setExecType(ExecType.EXEC_TYPE_NEW)
                    .setOrdStatus(blackbox.gateway.v1.OrdStatus.ORD_STATUS_NEW).setText("").setDllResultCode(0).build();
            response.onNext(SendOrderResponse.newBuilder().setOrder(blackbox.gateway.v1.Order.newBuilder()
                    .setIdempotencyKey(r.getIdempotencyKey()).setDll(pending.getDll()).setAccount(r.getAccount())
                    .setInstrument(r.getInstrument()).setOrdStatus(blackbox.gateway.v1.OrdStatus.ORD_STATUS_PENDING_NEW)).build());
            response.onCompleted();
            StreamObserver<ExecutionReportMessage> s = stream;
            synchronized (s) { // a stream's onNext is not thread-safe
                s.onNext(ExecutionReportMessage.newBuilder().setSessionId("ceiling").setReport(pending).build());
                s.onNext(ExecutionReportMessage.newBuilder().setSessionId("ceiling").setReport(accepted).build());
            }
        }
    }

    private static List<SendOrderRequest> templates(List<AccountId> accounts) {
        List<SendOrderRequest> list = new ArrayList<>();
        for (AccountId a : accounts) {
            list.add(SendOrderRequest.newBuilder().setAccount(a).setInstrument(BTC).setSide(Side.SIDE_BUY)
                    .setOrdType(OrdType.ORD_TYPE_LIMIT).setQuantity(1000).setPrice("1000.00").build());
        }
        return list;
    }

    /**
     * The client's view of acceptance: the report stream's {@code EXEC_TYPE_NEW} (or REJECTED) per key of the phase
     * under way. Runs on the channel's event loop (direct executor).
     */
    static final class Acceptance implements StreamObserver<ExecutionReportMessage> {
        volatile String prefix = "";
        volatile long[] sentNanos = new long[0];
        volatile long[] acceptedNanos = new long[0];
        volatile Semaphore window;
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        volatile Throwable error;

        void begin(String prefix, int n, Semaphore window) {
            this.sentNanos = new long[n];
            this.acceptedNanos = new long[n];
            this.window = window;
            this.accepted.set(0);
            this.rejected.set(0);
            this.prefix = prefix;
        }

        @Override
        public void onNext(ExecutionReportMessage m) {
            if (!m.hasReport()) return;
            ExecutionReport r = m.getReport();
            ExecType type = r.getExecType();
            if (type != ExecType.EXEC_TYPE_NEW && type != ExecType.EXEC_TYPE_REJECTED) return;
            String key = r.getIdempotencyKey();
            String p = prefix;
            if (!key.startsWith(p)) return;
            int i = Integer.parseInt(key, p.length(), key.length(), 10);
            long[] at = acceptedNanos;
            if (i >= at.length || at[i] != 0) return;
            at[i] = System.nanoTime();
            (type == ExecType.EXEC_TYPE_NEW ? accepted : rejected).incrementAndGet();
            Semaphore w = window;
            if (w != null) w.release();
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
        }

        void await(int n, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (accepted.get() + rejected.get() < n) {
                if (error != null) throw new IllegalStateException(what + ": the report stream failed", error);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + ": " + (accepted.get() + rejected.get()) + " of " + n + " orders answered in 2 min");
                }
                Thread.sleep(1);
            }
        }
    }

    /** Counts RPC failures and answers that are not a fresh send (a repeated key would mean a bench bug). */
    static final class Answers implements StreamObserver<SendOrderResponse> {
        final AtomicLong failed = new AtomicLong();
        private final Semaphore window;

        Answers(Semaphore window) {
            this.window = window;
        }

        @Override
        public void onNext(SendOrderResponse r) {
            if (r.getDuplicate()) failed.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
            failed.incrementAndGet();
            if (window != null) window.release(); // no report will come for it
        }

        @Override
        public void onCompleted() {
        }
    }

    static Phase closed(TradingGrpc.TradingStub stub, Acceptance acceptance, List<SendOrderRequest> templates, String prefix, int n,
                        int window, int senders) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        acceptance.begin(prefix, n, slots);
        long[] sent = acceptance.sentNanos;
        Answers answers = new Answers(slots);
        AtomicInteger next = new AtomicInteger();
        var threads0 = threadReport ? threadCpu() : null;
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    slots.acquireUninterruptibly();
                    SendOrderRequest r = templates.get(i % templates.size()).toBuilder().setIdempotencyKey(prefix + i).build();
                    sent[i] = System.nanoTime();
                    stub.sendOrder(r, answers);
                }
            }, "bench-sender-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        acceptance.await(n, "closed phase");
        if (threads0 != null) printThreadCpu("closed " + prefix, threads0, threadCpu());
        return phase("closed", n, t0, sent, acceptance, answers.failed.get(), cpuNanos() - cpu0);
    }

    static Phase paced(TradingGrpc.TradingStub stub, Acceptance acceptance, List<SendOrderRequest> templates, String prefix, int rate,
                       double seconds) throws InterruptedException {
        int n = (int) Math.round(rate * seconds);
        acceptance.begin(prefix, n, null);
        long[] intended = acceptance.sentNanos;
        Answers answers = new Answers(null);
        double interval = 1e9 / rate;
        long t0 = System.nanoTime() + 1_000_000;
        for (int i = 0; i < n; i++) intended[i] = t0 + (long) (i * interval);
        long cpu0 = cpuNanos();
        for (int i = 0; i < n; i++) {
            long wait;
            // park, spin only the last 20 µs: a sender spinning between orders would take a core from the gateway on
            // this 2-core machine; parkNanos wakes ~50 µs late, which the round trip (from the intended time) counts
            while ((wait = intended[i] - System.nanoTime()) > 0) {
                if (wait > 20_000) LockSupport.parkNanos(wait);
                else Thread.onSpinWait();
            }
            stub.sendOrder(templates.get(i % templates.size()).toBuilder().setIdempotencyKey(prefix + i).build(), answers);
        }
        acceptance.await(n - (int) answers.failed.get(), "paced phase");
        return phase("paced", n, t0, intended, acceptance, answers.failed.get(), cpuNanos() - cpu0);
    }

    private static Phase phase(String name, int n, long t0, long[] from, Acceptance acceptance, long failed, long cpu) {
        long[] at = acceptance.acceptedNanos;
        Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        long last = t0;
        for (int i = 0; i < n; i++) {
            if (at[i] == 0) continue;
            h.recordValue(Math.max(0, at[i] - from[i]));
            last = Math.max(last, at[i]);
        }
        return new Phase(name, n, (last - t0) / 1e9, h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getMaxValue(), cpu / 1e3 / n, failed + acceptance.rejected.get(), "");
    }

    // ------------------------------------------------------------------ python

    private static final Pattern RESULT = Pattern.compile(
            "RESULT run=(\\S+) phase=(\\S+) orders=(\\d+) seconds=([0-9.]+) rate=([0-9.]+).*?p50_us=([0-9.]+) p99_us=([0-9.]+) "
                    + "p999_us=([0-9.]+) max_us=([0-9.]+) cpu_us_per_order=([0-9.]+) rejected=(\\d+)");

    static Row runPython(String python, Path script, Path library, Path replay, Path roster, Path work, int orders, int window, int rate,
                         String pacedSeconds, int runs) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> command = List.of(python, script.toString(), "--library", library.toString(), "--replay", replay.toString(),
                "--roster", roster.toString(), "--orders", Integer.toString(orders), "--window", Integer.toString(window),
                "--rate", Integer.toString(rate), "--paced-seconds", pacedSeconds, "--runs", Integer.toString(runs), "--warmups", "1",
                "--work", work.toString());
        System.out.println("$ " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Phase> closed = new ArrayList<>();
        List<Phase> paced = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("  " + line);
                Matcher m = RESULT.matcher(line);
                if (!m.find() || m.group(1).startsWith("warmup")) continue;
                Phase p = new Phase(m.group(2), Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)), micros(m.group(6)),
                        micros(m.group(7)), micros(m.group(8)), micros(m.group(9)), Double.parseDouble(m.group(10)), Long.parseLong(m.group(11)), "");
                (p.name().equals("closed") ? closed : paced).add(p);
            }
        }
        int rc = process.waitFor();
        if (rc != 0 || closed.isEmpty()) throw new IllegalStateException("python baseline failed: exit " + rc);
        return new Row("python ctypes: SendOrder -> sim -> OrderCallback -> queue", closed, paced);
    }

    private static long micros(String text) {
        return (long) (Double.parseDouble(text) * 1000);
    }

    // ------------------------------------------------------------------ table

    private static void print(List<Row> rows, int window, int pythonWindow) {
        System.out.println();
        System.out.println("Orders: send -> accepted report at the client (median of runs' figures; min-max of the rates)");
        String fmt = "%-58s %-7s %8s %13s %19s %10s %10s %10s %11s%n";
        System.out.printf(fmt, "implementation", "phase", "orders", "orders/s", "min-max", "p50", "p99", "p99.9", "CPU µs/ord");
        double pythonClosed = 0;
        for (Row r : rows) {
            for (List<Phase> phases : List.of(r.closed(), r.paced())) {
                if (phases.isEmpty()) continue;
                Stats rate = new Stats(phases.stream().map(Phase::rate).toList());
                String p50 = us(median(phases, Phase::p50));
                String p99 = us(median(phases, Phase::p99));
                String p999 = us(median(phases, Phase::p999));
                String phase = phases.getFirst().name() + (phases.getFirst().name().equals("closed")
                        ? " w" + (r.implementation().startsWith("python") ? pythonWindow : window) : "");
                System.out.printf(fmt, r.implementation(), phase, String.format("%,d", phases.getFirst().orders()),
                        String.format("%,.0f", rate.median()), String.format("%,.0f-%,.0f", rate.min(), rate.max()), p50, p99, p999,
                        String.format("%.0f", new Stats(phases.stream().map(Phase::cpuMicrosPerOrder).toList()).median()));
                if (r.implementation().startsWith("python") && phases == r.closed()) pythonClosed = rate.median();
            }
        }
        if (pythonClosed > 0) {
            for (Row r : rows) {
                if (r.implementation().startsWith("python")) continue;
                double rate = new Stats(r.closed().stream().map(Phase::rate).toList()).median();
                System.out.printf("%s / python ctypes, sustained (closed phase medians): %.1fx%n", r.implementation(), rate / pythonClosed);
            }
        }
    }

    private static long median(List<Phase> phases, java.util.function.ToLongFunction<Phase> figure) {
        long[] v = phases.stream().mapToLong(figure).sorted().toArray();
        return v[v.length / 2];
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
