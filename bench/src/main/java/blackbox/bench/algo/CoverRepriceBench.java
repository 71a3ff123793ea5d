package blackbox.bench.algo;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplayReader;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.CancelOrderRequest;
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrdersRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.OmsApp;
import blackbox.oms.OmsConfig;
import blackbox.oms.grpc.Callers;
import blackbox.oms.v1.AllocationMethod;
import blackbox.oms.v1.BlockAccount;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.CoverUpTo;
import blackbox.oms.v1.OrdType;
import blackbox.oms.v1.OrderManagementGrpc;
import blackbox.oms.v1.Side;
import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Tape trade (or book change) → re-priced "cobrir até X" child's SendOrder at the gateway (issue 14; goal p99 ≤ 5 ms).
 * Whole stack in one JVM: embedded PostgreSQL, {@link Gateway} on Netty with the simulator replaying the real PETR4 tape
 * of 2025-04-07 ({@code ../shared/data}), {@link OmsApp} on Netty. A cover block of {@code --accounts} buys (offset 1
 * tick, X far above so it never binds, {@code fill.participation=0.000001}: nothing fills, so every child after the first
 * is a re-price). The bench paces the tape itself at {@code --speed} × real time with {@code SimAdvanceReplay} one event
 * timestamp at a time; the start of that call is the event's time (ns, {@code System.nanoTime}). It tracks the tape's top of
 * book and the cover's price it implies; an event that changes it is a <b>move</b>. A {@link ServerInterceptor} on the
 * gateway's server (no production code changed) stamps each SendOrder/SendOrders request as it arrives. A re-priced
 * child at price p is attributed to the latest move to p before it arrived. Moves are split by the event's kind: a
 * {@code T} row (trade; its bid/ask set the book, so oms-svc's trade hook reads the book at once) and a {@code K} row
 * (book only: seen at oms-svc's 250 ms poll).
 *
 * <p><b>Baseline</b>, same run, same events: a bench thread, told of each move at once (an oracle: no detection delay),
 * calls the gateway directly with blocking stubs: GetTopOfBook, CancelOrder of its resting order (answer only; it does not
 * wait for the CANCELED report, oms-svc does), SendOrder of the replacement; measured to that SendOrder's arrival at the
 * same interceptor. Latencies in ms. {@code bench/run.sh algo-cover [--accounts 50] [--from 11:10] [--minutes 10]
 * [--speed 5] [--tape FILE]}.
 */
public final class CoverRepriceBench {
    static final long TICK = 100; // R$ 0,01 at oms-svc's scale (4 decimals)
    static final InstrumentId PETR4 = InstrumentId.newBuilder().setTicker("PETR4").setExchange("B").build();
    static final ZoneOffset LOCAL = ZoneOffset.ofHours(-3);

    record Arrival(long nanos, String key, String account, long price) {
    }

    record Move(long nanos, long price, EventKind kind) {
    }

    static final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    /** Stamps every SendOrder / SendOrders request as the gateway's server receives it. */
    static final class Stamp implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
                @Override
                public void onMessage(Q message) {
                    long now = System.nanoTime();
                    if (message instanceof SendOrdersRequest r) for (SendOrderRequest o : r.getOrdersList()) record(now, o);
                    else if (message instanceof SendOrderRequest o) record(now, o);
                    super.onMessage(message);
                }
            };
        }

        static void record(long now, SendOrderRequest o) {
            arrivals.add(new Arrival(now, o.getIdempotencyKey(), o.getAccount().getAccountId(), scaled(new BigDecimal(o.getPrice()))));
        }
    }

    static long scaled(BigDecimal p) {
        return p.movePointRight(4).longValueExact();
    }

    static String price(long scaled) {
        return BigDecimal.valueOf(scaled, 4).toPlainString();
    }

    /** The cover's price for a buy with offset 1 tick, X not binding (as {@code CoverUpTo.target}); 0 without a bid. */
    static long target(long bid, long ask) {
        if (bid <= 0) return 0;
        long p = bid + TICK;
        if (ask > 0 && p >= ask) p = Math.max(bid, ask - TICK);
        return p;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("accounts", "50", "from", "11:10", "minutes", "10", "speed", "5",
                "tape", Path.of(System.getProperty("bench.home", "bench")).resolve("../../shared/data/b3-btg-2025/trades/2_PETR4_07042025.csv")
                        .normalize().toString(), "library", System.getProperty("profitdll.library", "")));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String key = argv[i].replaceFirst("^--", "");
            if (!opts.containsKey(key)) throw new IllegalArgumentException("unknown option " + argv[i] + ": known " + opts.keySet());
            opts.put(key, argv[i + 1]);
        }
        int accounts = Integer.parseInt(opts.get("accounts"));
        double speed = Double.parseDouble(opts.get("speed"));
        long from = LocalDate.of(2025, 4, 7).atTime(LocalTime.parse(opts.get("from"))).toEpochSecond(LOCAL) * 1_000_000_000L;
        long to = from + Long.parseLong(opts.get("minutes")) * 60_000_000_000L;
        Logging.configure(Config.of(Map.of(Logging.LOG_LEVEL, "warn")));
        Path work = Path.of(System.getProperty("bench.home", "bench")).resolve("target/algo-cover/" + ProcessHandle.current().pid());
        Files.createDirectories(work);
        Path replay = work.resolve("petr4.replay.csv");
        new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(List.of(Path.of(opts.get("tape"))), replay);
        List<ReplayEvent> events;
        try (ReplayReader reader = ReplayReader.open(replay)) {
            events = reader.stream().toList();
        }
        Path instruments = work.resolve("instruments.csv");
        Files.writeString(instruments, "# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nPETR4,B,100,0.01,100000,\n",
                StandardCharsets.UTF_8);
        Path simRoster = roster(work, "sim", accounts + 1); // the last account is the baseline's, unknown to oms-svc
        Path omsRoster = roster(work, "oms", accounts);
        System.out.printf("algo-cover: %d accounts, PETR4 %s..+%s min local at %.1f× real time; %d cores, %s, load average %s%n", accounts,
                opts.get("from"), opts.get("minutes"), speed, Runtime.getRuntime().availableProcessors(), Runtime.version(), load());

        try (Telemetry telemetry = Telemetry.create("bench", Config.of(Map.of()));
             EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary();
             Database database = Database.connect(DatabaseConfig.external(pg.jdbcUrl(), "postgres", "", 16))) {
            Gateway gateway = Gateway.start(GatewayConfig.from(Config.of(Map.of(
                            GatewayConfig.LIBRARY, opts.get("library"),
                            GatewayConfig.REPLAY, replay.toString(),
                            GatewayConfig.SPEED, "max",
                            GatewayConfig.SIM_OPTIONS, "replay.start=manual;routing.instruments=" + instruments
                                    + ";fill.participation=0.000001;fill.mode=through",
                            GatewayConfig.MARKET_ONLY, "false",
                            GatewayConfig.SIM_ROSTER, simRoster.toString(),
                            GatewayConfig.SUBSCRIBE, "PETR4:B",
                            GatewayConfig.JOURNAL_DIR, work.resolve("journal").toString(),
                            GatewayConfig.STATS_INTERVAL, "PT0S"))),
                    NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).intercept(new Stamp()), telemetry);
            ProfitDLL.Simulator sim = ProfitDLL.load(gateway.library()).simulator().orElseThrow();
            await(() -> sim.SimAdvanceReplay(from) == 0, "SimAdvanceReplay to the start (once the DLL is initialized)");
            ManagedChannel gatewayChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
            OmsApp oms = OmsApp.start(OmsConfig.from(Config.of(Map.of(OmsConfig.ACCOUNTS, omsRoster.toString(), OmsConfig.POSITIONS, "none",
                            OmsConfig.RECONCILE_GRACE, "0s", OmsConfig.STATS_INTERVAL, "PT0S"))), database, gatewayChannel, java.util.Optional.empty(),
                    java.util.Optional.empty(), NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
            ManagedChannel omsChannel = NettyChannelBuilder.forAddress("127.0.0.1", oms.port()).usePlaintext().build();
            ExecutorService baseline = Executors.newSingleThreadExecutor();
            try {
                await(() -> oms.accountCheck().checked(), "oms-svc's accounts checked");
                if (!oms.gates().awaitReconciled(java.time.Duration.ofMinutes(2))) throw new IllegalStateException("oms-svc not reconciled");
                Metadata user = new Metadata();
                user.put(Callers.USER, "bench");
                var blocking = OrderManagementGrpc.newBlockingStub(omsChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(user));
                // the top of book as the tape left it at the start
                long bid = 0, ask = 0;
                for (ReplayEvent e : events) {
                    if (e.tsNanos() > from) break;
                    if (e.bid() != null) bid = scaled(e.bid());
                    if (e.ask() != null) ask = scaled(e.ask());
                }
                String x = price(bid + 500 * TICK);
                BlockRequest.Builder block = BlockRequest.newBuilder().setBlockId("cover").setInstrument(PETR4).setSide(Side.SIDE_BUY)
                        .setOrdType(OrdType.ORD_TYPE_LIMIT).setPrice(x).setMethod(AllocationMethod.ALLOCATION_METHOD_FIXED)
                        .setAlgorithm(blackbox.oms.v1.Algorithm.newBuilder().setCoverUpTo(CoverUpTo.newBuilder().setLimitPrice(x).setOffsetTicks(1)));
                for (int a = 1; a <= accounts; a++) block.addAccounts(BlockAccount.newBuilder().setAccount(account(a)).setQuantity(10_000));
                blocking.submitBlock(block.build());
                await(() -> arrivals.stream().filter(r -> r.key().startsWith("cover/")).count() >= accounts,
                        "every account's first child at the gateway");

                var gw = TradingGrpc.newBlockingStub(gatewayChannel);
                var md = MarketDataGatewayGrpc.newBlockingStub(gatewayChannel);
                AccountId baseAccount = AccountId.newBuilder().setBrokerId(85).setAccountId(account(accounts + 1)).build();
                long[] baseSeq = {0};
                gw.sendOrder(baseOrder(baseAccount, "base-0", target(bid, ask)));
                Thread.sleep(1000);
                arrivals.clear();

                List<Move> moves = new ArrayList<>();
                long price = target(bid, ask);
                long wall0 = System.nanoTime();
                int n = 0;
                for (int i = 0; i < events.size(); i++) {
                    ReplayEvent e = events.get(i);
                    if (e.tsNanos() <= from) continue;
                    if (e.tsNanos() > to) break;
                    if (i + 1 < events.size() && events.get(i + 1).tsNanos() == e.tsNanos()) { // one advance per timestamp
                        if (e.bid() != null) bid = scaled(e.bid());
                        if (e.ask() != null) ask = scaled(e.ask());
                        continue;
                    }
                    long due = wall0 + (long) ((e.tsNanos() - from) / speed);
                    while (System.nanoTime() < due) LockSupport.parkNanos(Math.min(due - System.nanoTime(), 1_000_000));
                    long t0 = System.nanoTime();
                    check(sim.SimAdvanceReplay(e.tsNanos()), "SimAdvanceReplay");
                    n++;
                    if (e.bid() != null) bid = scaled(e.bid());
                    if (e.ask() != null) ask = scaled(e.ask());
                    long p = target(bid, ask);
                    if (p != 0 && p != price) {
                        price = p;
                        moves.add(new Move(t0, p, e.kind()));
                        long want = p;
                        baseline.execute(() -> {
                            md.getTopOfBook(GetTopOfBookRequest.newBuilder().setInstrument(PETR4).build());
                            gw.cancelOrder(CancelOrderRequest.newBuilder().setAccount(baseAccount).setIdempotencyKey("base-" + baseSeq[0]).build());
                            baseSeq[0]++;
                            gw.sendOrder(baseOrder(baseAccount, "base-" + baseSeq[0], want));
                        });
                    }
                }
                Thread.sleep(1000);
                report(accounts, n, moves, new ArrayList<>(arrivals));
            } finally {
                baseline.shutdownNow();
                omsChannel.shutdownNow();
                oms.close();
                gatewayChannel.shutdownNow();
                gateway.close();
            }
        }
    }

    static SendOrderRequest baseOrder(AccountId account, String key, long price) {
        return SendOrderRequest.newBuilder().setIdempotencyKey(key).setAccount(account).setInstrument(PETR4)
                .setSide(blackbox.gateway.v1.Side.SIDE_BUY).setOrdType(blackbox.gateway.v1.OrdType.ORD_TYPE_LIMIT).setQuantity(10_000)
                .setPrice(price(price)).build();
    }

    static void report(int accounts, int advances, List<Move> moves, List<Arrival> all) {
        Histogram trade = new Histogram(60_000_000_000L, 3);
        Histogram book = new Histogram(60_000_000_000L, 3);
        Histogram base = new Histogram(60_000_000_000L, 3);
        int unmatched = 0;
        for (Arrival a : all) {
            Move m = null;
            for (Move c : moves) {
                if (c.nanos() > a.nanos()) break;
                if (c.price() == a.price()) m = c;
            }
            if (m == null) {
                unmatched++;
                continue;
            }
            long d = a.nanos() - m.nanos();
            if (a.key().startsWith("base-")) base.recordValue(d);
            else if (m.kind() == EventKind.K) book.recordValue(d);
            else trade.recordValue(d);
        }
        long tMoves = moves.stream().filter(m -> m.kind() != EventKind.K).count();
        System.out.printf("%d tape advances, %d price moves (%d on trade rows, %d on book rows); %d re-priced sends seen, %d not matched to a move%n",
                advances, moves.size(), tMoves, moves.size() - tMoves, all.size(), unmatched);
        print("oms-svc, moves on a trade row (trade hook)", trade);
        print("oms-svc, moves on a book-only row (250 ms poll)", book);
        print("baseline: GetTopOfBook+CancelOrder+SendOrder", base);
        System.out.println("load average " + load());
    }

    static void print(String what, Histogram h) {
        System.out.printf("  %-50s n %6d  p50 %8.2f  p99 %8.2f  p99.9 %8.2f  max %8.2f ms%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }

    static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(what + ": not within 2 min");
            Thread.sleep(5);
        }
    }

    static void check(int rc, String what) {
        if (rc != 0) throw new IllegalStateException(what + " -> " + rc);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    static String account(int i) {
        return Integer.toString(7_000_000 + i);
    }

    static Path roster(Path dir, String name, int n) throws java.io.IOException {
        StringBuilder b = new StringBuilder("# blackbox-sim-roster v1\n"
                + "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n");
        for (int i = 1; i <= n; i++) {
            b.append("Bench,85,BTG Pactual CTVM,").append(account(i)).append(",,Cliente ").append(i).append(",owner,1,demo123,100000000.00,\n");
        }
        Path file = dir.resolve("roster-" + name + ".csv");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private CoverRepriceBench() {
    }
}
