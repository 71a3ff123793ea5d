package blackbox.bench;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ExecType;
import blackbox.gateway.v1.ExecutionReport;
import blackbox.gateway.v1.ExecutionReportMessage;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.StreamExecutionReportsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.oms.grpc.Callers;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CancelAllRequest;
import blackbox.oms.v1.CancelAllResponse;
import blackbox.oms.v1.OrdStatus;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.oms.v1.SubmitOrderRequest;
import blackbox.oms.v1.SubmitOrderResponse;
import blackbox.oms.v1.WorkingOrdersRequest;
import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * oms-svc as it runs: {@link OmsApp} on Netty (loopback) in front of a {@link Gateway} on Netty with the simulator
 * (full login on a generated roster of {@code --accounts} routable accounts, the bundled Binance sample standing still
 * with {@code replay.start=manual}, so nothing fills), embedded PostgreSQL (fsync on), positions {@code none}, no risk
 * limits (the gate runs and accepts). Every figure is timed by this client; an order is <b>accepted</b> when the
 * simulator's {@code EXEC_TYPE_NEW} for its key reaches a {@code StreamExecutionReports} subscriber of this client at
 * the gateway — the same observer for oms-svc's orders and for the baseline's.
 *
 * <p>Per run, in this order:
 * <ol>
 *   <li><b>block</b>: {@code SubmitBlock} of one limit buy per account (FIXED quantities): from the call to the answer
 *       (every child committed), to the last child's SendOrder started by oms-svc ({@code GatewaySender.lastSentNanos}),
 *       and to the {@code --accounts}-th child accepted by the simulator;</li>
 *   <li><b>cancel-all</b>: once every child is NEW in oms-svc, {@code CancelAll(block_id)}: from the call to its answer
 *       (every CancelRequested committed and handed to the sender), to the last CancelOrder started, and to the last
 *       {@code EXEC_TYPE_CANCELED} at the gateway stream;</li>
 *   <li><b>sustained</b>: {@code --orders} SubmitOrder calls (async stub, {@code --senders} threads, at most
 *       {@code --window} not yet accepted), round robin over the accounts: orders/s from the first call to the last
 *       acceptance;</li>
 *   <li><b>baseline</b>, the seed's pattern on the same gateway: {@code --clients} queued clients, one thread each,
 *       every order of a client's queue sent with the blocking SendOrder, one after the other; the same block (one
 *       order per account) and the same number of sustained orders.</li>
 * </ol>
 * Orders stay working at the simulator across runs (what a desk's day looks like); the run prints how many oms-svc has
 * open when its CancelAll scans. Options: {@code --accounts 1000 --orders 30000 --window 2048 --senders 2
 * --clients 100 --in-flight 1024 --runs 3 --warmups 1 --threads false} (CPU per thread group of the sustained phases)
 * {@code --library PATH}.
 */
public final class OmsServiceBench {
    static final InstrumentId BTC = InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT").build();
    static final String PRICE = "1000.00"; // far below the sample's market: every order rests
    static final long QTY = 1000;
    static final Duration WAIT = Duration.ofMinutes(3);
    static final Duration STALL = Duration.ofSeconds(15);

    record Block(double answeredMs, double lastSentMs, double lastAcceptedMs, String load) {
    }

    record Cancel(int open, int canceling, double answeredMs, double lastSentMs, double lastCanceledMs, String load) {
    }

    /** {@code accepted} of {@code orders} seen accepted; the rate counts accepted orders only. */
    record Rate(long orders, long accepted, double seconds, long errors, String load) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Logging.configure(Config.of(Map.of(Logging.LOG_LEVEL, "warn")));
        Path library = args.library();
        Path repo = Args.benchHome().resolve("..").normalize();
        Path replay = repo.resolve("samples/replay/binance-spot-sample.replay.csv");
        int accounts = args.integer("accounts", 1000);
        int orders = args.integer("orders", 30_000);
        int window = args.integer("window", 2048);
        int senders = args.integer("senders", 2);
        int clients = args.integer("clients", 100);
        int inFlight = args.integer("in-flight", 1024);
        OrderPathBench.threadReport = Boolean.parseBoolean(args.string("threads", "false"));
        int runs = args.integer("runs", 3);
        int warmups = args.integer("warmups", 1);
        Path work = Args.benchHome().resolve("target/oms-service/" + ProcessHandle.current().pid());
        Files.createDirectories(work);
        Path roster = roster(work, accounts);
        System.out.printf("oms-svc bench: %d accounts, %d sustained orders (window %d, %d senders), baseline %d clients, oms in-flight %d;"
                        + " %d cores, %s, load average %s%n", accounts, orders, window, senders, clients, inFlight,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), GrpcThroughputBench.loadAverage());

        List<Block> blocks = new ArrayList<>();
        List<Block> baseBlocks = new ArrayList<>();
        List<Cancel> cancels = new ArrayList<>();
        List<Rate> rates = new ArrayList<>();
        List<Rate> baseRates = new ArrayList<>();
        try (Telemetry telemetry = Telemetry.create("bench", Config.of(Map.of()));
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary();
             Database database = Database.connect(DatabaseConfig.external(pg.jdbcUrl(), "postgres", "", 16))) {
            Gateway gateway = Gateway.start(GatewayConfig.from(Config.of(Map.of(
                    GatewayConfig.LIBRARY, library.toString(),
                    GatewayConfig.REPLAY, replay.toString(),
                    GatewayConfig.SPEED, "max",
                    GatewayConfig.SIM_OPTIONS, "replay.start=manual",
                    GatewayConfig.MARKET_ONLY, "false",
                    GatewayConfig.SIM_ROSTER, roster.toString(),
                    GatewayConfig.SUBSCRIBE, "",
                    GatewayConfig.JOURNAL_DIR, work.resolve("journal").toString(),
                    GatewayConfig.STATS_INTERVAL, "PT0S"))),
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
            ManagedChannel gatewayChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
            OmsApp oms = OmsApp.start(OmsConfig.from(Config.of(Map.of(
                            OmsConfig.ACCOUNTS, roster.toString(),
                            OmsConfig.POSITIONS, "none",
                            OmsConfig.MAX_IN_FLIGHT, Integer.toString(inFlight),
                            OmsConfig.RECONCILE_GRACE, "0s",
                            OmsConfig.STATS_INTERVAL, "PT0S"))), database, gatewayChannel, Optional.empty(), Optional.empty(),
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
            ManagedChannel omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", oms.port()).usePlaintext().build();
            try {
                await(() -> oms.accountCheck().checked(), "oms-svc's accounts checked at the gateway");
                if (!oms.gates().awaitReconciled(WAIT)) throw new IllegalStateException("oms-svc did not open its accounts");
                await(() -> oms.risk().view().snapshot().known(), "risk state known");
                Metadata user = new Metadata();
                user.put(Callers.USER, "bench");
                var interceptor = MetadataUtils.newAttachHeadersInterceptor(user);
                OrderManagementGrpc.OrderManagementStub async = OrderManagementGrpc.newStub(omsChannel).withInterceptors(interceptor);
                OrderManagementGrpc.OrderManagementBlockingStub blocking = OrderManagementGrpc.newBlockingStub(omsChannel)
                        .withInterceptors(interceptor);
                TradingGrpc.TradingBlockingStub gatewayBlocking = TradingGrpc.newBlockingStub(gatewayChannel);
                Reports reports = new Reports();
                TradingGrpc.newStub(gatewayChannel).streamExecutionReports(StreamExecutionReportsRequest.getDefaultInstance(), reports);
                await(() -> gateway.trading().service().openReportStreams() == 2, "the report streams (oms-svc's and ours) to open");
                List<AccountId> dll = new ArrayList<>();
                for (int a = 1; a <= accounts; a++) dll.add(AccountId.newBuilder().setBrokerId(85).setAccountId(account(a)).build());

                for (int i = 0; i < warmups + runs; i++) {
                    boolean warm = i < warmups;
                    String label = warm ? "warm-up " + (i + 1) : "run " + (i + 1 - warmups);
                    String blockId = "blk-" + i;
                    Block b = block(blocking, oms, reports, blockId, accounts);
                    print(label, "oms-svc block", b);
                    Cancel c = cancelAll(blocking, oms, reports, blockId, accounts);
                    print(label, c);
                    Rate r = sustained(async, reports, "s" + i + "-", orders, accounts, window, senders);
                    print(label, "oms-svc sustained", r);
                    Block bb = baselineBlock(gatewayBlocking, reports, "bb" + i + "-", dll, clients);
                    print(label, "baseline block", bb);
                    Rate br = baselineSustained(gatewayBlocking, reports, "bs" + i + "-", orders, dll, clients);
                    print(label, "baseline sustained", br);
                    if (warm) continue;
                    blocks.add(b);
                    cancels.add(c);
                    rates.add(r);
                    baseBlocks.add(bb);
                    baseRates.add(br);
                }
                summary(accounts, orders, clients, blocks, baseBlocks, cancels, rates, baseRates);
                System.out.println("oms-svc: " + oms.stats());
            } finally {
                omsChannel.shutdownNow();
                oms.close();
                gatewayChannel.shutdownNow();
                gateway.close();
            }
        }
    }

    // ------------------------------------------------------------------ oms-svc

    static Block block(OrderManagementGrpc.OrderManagementBlockingStub oms, OmsApp app, Reports reports, String blockId, int accounts)
            throws InterruptedException {
        BlockRequest.Builder request = BlockRequest.newBuilder().setBlockId(blockId).setInstrument(BTC).setSide(Side.SIDE_BUY)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(PRICE).setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED);
        for (int a = 1; a <= accounts; a++) request.addAccounts(BlockAccount.newBuilder().setAccount(account(a)).setQuantity(QTY));
        BlockRequest r = request.build();
        String prefix = blockId + "/";
        reports.begin(prefix, accounts + 1);
        long t0 = System.nanoTime();
        SubmitBlockResponse answer = oms.submitBlock(r);
        long answered = System.nanoTime();
        if (answer.getChildrenCount() != accounts) throw new IllegalStateException("block " + blockId + ": " + answer.getChildrenCount() + " children");
        reports.awaitAccepted(accounts, "block " + blockId);
        return new Block(ms(answered - t0), ms(app.sender().lastSentNanos() - t0), ms(reports.lastAccepted() - t0),
                GrpcThroughputBench.loadAverage());
    }

    static Cancel cancelAll(OrderManagementGrpc.OrderManagementBlockingStub oms, OmsApp app, Reports reports, String blockId, int n)
            throws InterruptedException {
        WorkingOrdersRequest scope = WorkingOrdersRequest.newBuilder().setBlockId(blockId).build();
        await(() -> oms.workingOrders(scope).getOrdersList().stream().filter(o -> o.getOrdStatus() == OrdStatus.ORD_STATUS_NEW).count() == n,
                "every child of " + blockId + " NEW in oms-svc");
        int open = app.writer().open().size();
        reports.beginCancels(blockId + "/");
        long t0 = System.nanoTime();
        CancelAllResponse answer = oms.cancelAll(CancelAllRequest.newBuilder().setBlockId(blockId).build());
        long answered = System.nanoTime();
        reports.awaitCanceled(answer.getCancelingCount(), "CancelAll " + blockId);
        return new Cancel(open, answer.getCancelingCount(), ms(answered - t0), ms(app.sender().lastSentNanos() - t0),
                ms(reports.lastCanceled() - t0), GrpcThroughputBench.loadAverage());
    }

    static Rate sustained(OrderManagementGrpc.OrderManagementStub oms, Reports reports, String prefix, int n, int accounts, int window,
                          int senders) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        reports.begin(prefix, n, slots);
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        StreamObserver<SubmitOrderResponse> answers = new StreamObserver<>() {
            @Override
            public void onNext(SubmitOrderResponse r) {
                if (r.getDuplicate() || r.getOrder().getOrdStatus() != OrdStatus.ORD_STATUS_PENDING_NEW) {
                    if (errors.incrementAndGet() <= 3) System.out.println("    not sent: " + r.getOrder().getClOrdId() + " " + r.getOrder().getOrdStatus()
                            + " " + r.getOrder().getText());
                    slots.release(); // no acceptance will come for it
                }
            }

            @Override
            public void onError(Throwable t) {
                if (errors.incrementAndGet() <= 3) System.out.println("    SubmitOrder failed: " + t);
                slots.release();
            }

            @Override
            public void onCompleted() {
            }
        };
        var cpu0 = OrderPathBench.threadReport ? OrderPathBench.threadCpu() : null;
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    slots.acquireUninterruptibly();
                    oms.submitOrder(SubmitOrderRequest.newBuilder().setClOrdId(prefix + i).setAccount(account(1 + i % accounts))
                            .setInstrument(BTC).setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setOrderQty(QTY).setPrice(PRICE)
                            .build(), answers);
                }
            }, "bench-oms-sender-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        long accepted = reports.awaitAccepted(n - (int) errors.get(), "sustained " + prefix);
        if (cpu0 != null) OrderPathBench.printThreadCpu("oms-svc sustained " + prefix, cpu0, OrderPathBench.threadCpu());
        return new Rate(n, accepted, (reports.lastAccepted() - t0) / 1e9, errors.get(), GrpcThroughputBench.loadAverage());
    }

    // ------------------------------------------------------------------ the seed's pattern

    /** {@code clients} queued clients, one thread each, sending their queue's orders with the blocking stub. */
    static long seedPattern(TradingGrpc.TradingBlockingStub gateway, String prefix, int n, List<AccountId> accounts, int clients)
            throws InterruptedException {
        List<List<SendOrderRequest>> queues = new ArrayList<>();
        for (int c = 0; c < clients; c++) queues.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            queues.get(i % clients).add(SendOrderRequest.newBuilder().setIdempotencyKey(prefix + i).setAccount(accounts.get(i % accounts.size()))
                    .setInstrument(BTC).setSide(blackbox.gateway.v1.Side.SIDE_BUY).setOrdType(blackbox.gateway.v1.OrdType.ORD_TYPE_LIMIT)
                    .setQuantity(QTY).setPrice(PRICE).build());
        }
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (List<SendOrderRequest> queue : queues) {
            threads.add(new Thread(() -> {
                for (SendOrderRequest r : queue) {
                    try {
                        gateway.sendOrder(r);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }, "bench-seed-client"));
        }
        long t0 = System.nanoTime();
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        if (errors.get() > 0) System.out.println("    baseline: " + errors.get() + " SendOrder calls failed");
        return t0;
    }

    static Block baselineBlock(TradingGrpc.TradingBlockingStub gateway, Reports reports, String prefix, List<AccountId> accounts, int clients)
            throws InterruptedException {
        reports.begin(prefix, accounts.size());
        long t0 = seedPattern(gateway, prefix, accounts.size(), accounts, clients);
        long lastAnswered = System.nanoTime();
        reports.awaitAccepted(accounts.size(), "baseline block " + prefix);
        return new Block(ms(lastAnswered - t0), Double.NaN, ms(reports.lastAccepted() - t0), GrpcThroughputBench.loadAverage());
    }

    static Rate baselineSustained(TradingGrpc.TradingBlockingStub gateway, Reports reports, String prefix, int n, List<AccountId> accounts,
                                  int clients) throws InterruptedException {
        reports.begin(prefix, n);
        var cpu0 = OrderPathBench.threadReport ? OrderPathBench.threadCpu() : null;
        long t0 = seedPattern(gateway, prefix, n, accounts, clients);
        long accepted = reports.awaitAccepted(n, "baseline sustained " + prefix);
        if (cpu0 != null) OrderPathBench.printThreadCpu("baseline sustained " + prefix, cpu0, OrderPathBench.threadCpu());
        return new Rate(n, accepted, (reports.lastAccepted() - t0) / 1e9, 0, GrpcThroughputBench.loadAverage());
    }

    // ------------------------------------------------------------------ the gateway's reports, as this client sees them

    /**
     * Acceptance ({@code EXEC_TYPE_NEW}) and cancel confirmations ({@code EXEC_TYPE_CANCELED}) of the keys of the phase
     * under way ({@code <prefix><n>}). Runs on the channel's threads.
     */
    static final class Reports implements StreamObserver<ExecutionReportMessage> {
        private volatile String prefix = "\u0000";
        private volatile String cancelPrefix = "\u0000";
        private volatile boolean[] accepted = new boolean[0];
        private volatile Semaphore window;
        private final AtomicLong acceptedCount = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong lastAccepted = new AtomicLong();
        private final Map<String, Boolean> canceled = new ConcurrentHashMap<>();
        private final AtomicLong lastCanceled = new AtomicLong();
        private volatile Throwable error;

        void begin(String prefix, int n) {
            begin(prefix, n, null);
        }

        void begin(String prefix, int n, Semaphore window) {
            this.accepted = new boolean[n];
            this.window = window;
            acceptedCount.set(0);
            rejected.set(0);
            lastAccepted.set(0);
            this.prefix = prefix;
        }

        void beginCancels(String prefix) {
            canceled.clear();
            lastCanceled.set(0);
            this.cancelPrefix = prefix;
        }

        @Override
        public void onNext(ExecutionReportMessage m) {
            if (!m.hasReport()) return;
            ExecutionReport r = m.getReport();
            String key = r.getIdempotencyKey();
            ExecType type = r.getExecType();
            if (type == ExecType.EXEC_TYPE_CANCELED && key.startsWith(cancelPrefix)) {
                if (canceled.putIfAbsent(key, Boolean.TRUE) == null) lastCanceled.accumulateAndGet(System.nanoTime(), Math::max);
                return;
            }
            if (type != ExecType.EXEC_TYPE_NEW && type != ExecType.EXEC_TYPE_REJECTED) return;
            String p = prefix;
            if (!key.startsWith(p)) return;
            int i = Integer.parseInt(key, p.length(), key.length(), 10);
            boolean[] seen = accepted;
            synchronized (this) {
                if (i >= seen.length || seen[i]) return;
                seen[i] = true;
            }
            if (type == ExecType.EXEC_TYPE_NEW) {
                acceptedCount.incrementAndGet();
                lastAccepted.accumulateAndGet(System.nanoTime(), Math::max);
            } else {
                rejected.incrementAndGet();
                if (rejected.get() <= 3) System.out.println("    rejected: " + key + ": " + r.getText());
            }
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

        long lastAccepted() {
            return lastAccepted.get();
        }

        long lastCanceled() {
            return lastCanceled.get();
        }

        /**
         * Waits until {@code n} orders are accepted, or the acceptances stop coming for {@link #STALL}: then prints how
         * many are missing (an order the gateway answered UNKNOWN may never get a report with its key; oms-svc then
         * reconciles it) and returns the count seen.
         */
        long awaitAccepted(int n, String what) throws InterruptedException {
            long seen = -1;
            long since = System.nanoTime();
            while (acceptedCount.get() + rejected.get() < n) {
                if (error != null) throw new IllegalStateException(what + ": the report stream failed", error);
                long now = acceptedCount.get() + rejected.get();
                if (now != seen) {
                    seen = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > STALL.toNanos()) {
                    System.out.printf("    %s: %d of %d orders seen accepted; no acceptance for %d s, the rest counted missing%n", what,
                            acceptedCount.get(), n, STALL.toSeconds());
                    break;
                }
                Thread.sleep(1);
            }
            if (rejected.get() > 0) throw new IllegalStateException(what + ": " + rejected.get() + " orders rejected by the simulator");
            return acceptedCount.get();
        }

        void awaitCanceled(int n, String what) throws InterruptedException {
            await(() -> canceled.size() >= n, what + ": " + n + " cancels confirmed");
        }

        private void await(BooleanSupplier done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.getAsBoolean()) {
                if (error != null) throw new IllegalStateException(what + ": the report stream failed", error);
                if (System.nanoTime() > deadline) throw new IllegalStateException(what + ": not within " + WAIT);
                Thread.sleep(1);
            }
        }
    }

    // ------------------------------------------------------------------ output

    static void print(String label, String what, Block b) {
        System.out.printf("  %-10s %-20s answered %8.1f ms, last sent %8s, last accepted %8.1f ms (load %s)%n", label, what, b.answeredMs(),
                Double.isNaN(b.lastSentMs()) ? "-" : String.format("%.1f ms", b.lastSentMs()), b.lastAcceptedMs(), b.load());
    }

    static void print(String label, Cancel c) {
        System.out.printf("  %-10s %-20s %d cancels of %d open orders: answered %.1f ms, last cancel sent %.1f ms, last CANCELED %.1f ms"
                + " (load %s)%n", label, "oms-svc CancelAll", c.canceling(), c.open(), c.answeredMs(), c.lastSentMs(), c.lastCanceledMs(), c.load());
    }

    static void print(String label, String what, Rate r) {
        System.out.printf("  %-10s %-20s %,d orders, %,d seen accepted in %.3f s = %,.0f orders/s, errors %d (load %s)%n", label, what,
                r.orders(), r.accepted(), r.seconds(), r.perSecond(), r.errors(), r.load());
    }

    static void summary(int accounts, int orders, int clients, List<Block> blocks, List<Block> baseBlocks, List<Cancel> cancels,
                        List<Rate> rates, List<Rate> baseRates) {
        System.out.println();
        System.out.println("oms-svc (median of runs, min-max)");
        System.out.printf("  block of %d accounts, SubmitBlock -> last child accepted by the simulator: %s ms (answered %s ms, last child sent %s ms)%n",
                accounts, range(blocks.stream().map(Block::lastAcceptedMs).toList()), range(blocks.stream().map(Block::answeredMs).toList()),
                range(blocks.stream().map(Block::lastSentMs).toList()));
        System.out.printf("  baseline, %d orders by %d queued clients (blocking SendOrder each) -> last accepted: %s ms%n", accounts, clients,
                range(baseBlocks.stream().map(Block::lastAcceptedMs).toList()));
        System.out.printf("  CancelAll of %d working orders -> last cancel sent: %s ms (answered %s ms, last CANCELED %s ms)%n",
                cancels.getFirst().canceling(), range(cancels.stream().map(Cancel::lastSentMs).toList()),
                range(cancels.stream().map(Cancel::answeredMs).toList()), range(cancels.stream().map(Cancel::lastCanceledMs).toList()));
        System.out.printf("  sustained, %,d orders through oms-svc -> gateway -> accepted: %s orders/s%n", orders,
                range(rates.stream().map(Rate::perSecond).toList()));
        System.out.printf("  baseline, %,d orders by %d queued clients straight to the gateway: %s orders/s%n", orders, clients,
                range(baseRates.stream().map(Rate::perSecond).toList()));
    }

    static String range(List<Double> values) {
        Stats s = new Stats(values);
        return String.format("%,.1f (%,.1f-%,.1f)", s.median(), s.min(), s.max());
    }

    // ------------------------------------------------------------------ helpers

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String account(int i) {
        return Integer.toString(7_000_000 + i);
    }

    /** A roster of {@code n} enabled routable accounts at broker 85 (7000001...), as oms-svc's tests generate it. */
    static Path roster(Path dir, int n) throws IOException {
        StringBuilder b = new StringBuilder("# blackbox-sim-roster v1\n"
                + "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n");
        for (int i = 1; i <= n; i++) {
            b.append("Bench,85,BTG Pactual CTVM,").append(account(i)).append(",,Cliente ").append(i).append(",owner,1,demo123,1000000.00,\n");
        }
        Path file = dir.resolve("roster-" + n + ".csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(what + ": not within " + WAIT);
            Thread.sleep(5);
        }
    }

    private OmsServiceBench() {
    }
}
